"""Backups through SQLite's backup API, restore, checkpoints, and the device-hash key."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Engine

import store
from roles.cli import main as cli
from roles.models import Profile
from store.cli import register  # noqa: F401 - the CLI module imports cleanly

PROFILE = Profile(ml=4, swe=5, comm=6)


def _fill(engine: Engine, n: int) -> str:
    code = store.create_room(title="Backed up", engine=engine).room.code
    for i in range(n):
        store.submit(
            room=code,
            participant=store.new_participant_token(),
            profile=PROFILE,
            name=f"P{i}",
            engine=engine,
        )
    return code


def test_backup_holds_answers_still_in_the_wal(fresh_db: Engine, tmp_path: Path) -> None:
    code = _fill(fresh_db, 5)
    wal = Path(f"{fresh_db.url.database}-wal")
    assert wal.exists() and wal.stat().st_size > 0  # the answers are (also) in the log
    target = tmp_path / "copy.sqlite"
    assert store.backup(target=target, engine=fresh_db) == 1
    with sqlite3.connect(target) as conn:  # the copy alone, no -wal beside it
        assert conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 5
    copy = store.make_engine(f"sqlite:///{target}")
    assert store.room_snapshot(room=code, engine=copy).count == 5
    copy.dispose()


def test_restore_brings_back_the_rooms(fresh_db: Engine, tmp_path: Path) -> None:
    code = _fill(fresh_db, 3)
    store.backup(target=tmp_path / "b.sqlite", engine=fresh_db)
    created = store.create_room(title="After the backup", engine=fresh_db)
    assert store.restore(source=tmp_path / "b.sqlite", engine=fresh_db) == 1
    assert store.room_snapshot(room=code, engine=fresh_db).count == 3
    with pytest.raises(store.RoomNotFound):
        store.get_room(room=created.room.code, engine=fresh_db)


def test_backup_refuses_to_overwrite_and_restore_checks_the_file(
    fresh_db: Engine, tmp_path: Path
) -> None:
    (tmp_path / "exists.sqlite").write_bytes(b"")
    with pytest.raises(store.StoreConfigError, match="already exists"):
        store.backup(target=tmp_path / "exists.sqlite", engine=fresh_db)
    (tmp_path / "junk.sqlite").write_bytes(b"not a database at all" * 100)
    with pytest.raises(store.StoreConfigError, match="cannot be read"):
        store.restore(source=tmp_path / "junk.sqlite", engine=fresh_db)
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(store.StoreConfigError, match="not a backup of the room store"):
        store.restore(source=other, engine=fresh_db)


def test_cli_backup_and_restore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = _fill(store.default_engine(), 2)
    target = tmp_path / "cli.sqlite"
    assert cli(["backup", str(target)]) == 0
    assert "(1 rooms)" in capsys.readouterr().out
    assert cli(["restore", str(target)]) == 2  # asks for --yes first
    assert "--yes" in capsys.readouterr().out
    assert cli(["restore", str(target), "--yes"]) == 0
    assert store.room_snapshot(room=code).count == 2
    assert cli(["backup", str(target)]) == 2
    assert "already exists" in capsys.readouterr().err


def test_locking_and_stopping_checkpoint_the_wal(fresh_db: Engine) -> None:
    _fill(fresh_db, 3)
    created = store.create_room(title="Lock me", engine=fresh_db)
    main = Path(fresh_db.url.database)
    before = main.stat().st_size
    store.set_room_state(room=created.room.code, key=created.key, locked=True, engine=fresh_db)
    assert main.stat().st_size > before  # the log's pages were copied into the main file
    store.checkpoint(engine=fresh_db, full=True)
    assert Path(f"{main}-wal").stat().st_size == 0


def test_a_deleted_wal_becomes_a_plain_message_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "rooms.sqlite"
    holder = store.make_engine(f"sqlite:///{path}")
    _fill(holder, 1)
    with holder.connect():  # a server still has the file open
        Path(f"{path}-wal").unlink()
        other = store.make_engine(f"sqlite:///{path}")
        with pytest.raises(store.StoreDamaged) as err:
            store.purge_expired(engine=other)
        other.dispose()
    holder.dispose()
    message = str(err.value)
    assert str(path) in message and "never delete" in message and "-shm aside" in message


def test_device_key_is_made_once_and_kept(db: Engine) -> None:
    first = store.device_key(engine=db)
    assert len(first) == 32
    assert store.device_key(engine=db) == first
    token = store.new_participant_token()
    assert store.device_id(token, first) != store.device_id(token, b"other key")
    assert token not in store.device_id(token, first)
