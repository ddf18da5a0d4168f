"""Backups through SQLite's backup API, restore, checkpoints, and the device-hash key."""

from __future__ import annotations

import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import Engine

import store
from cli.main import main as cli
from roles.models import Profile

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


def _live(fresh_db: Engine, tmp_path: Path) -> tuple[str, Path]:
    """Two rooms and 25 answers in the live store, and a good backup of it."""
    code = _fill(fresh_db, 20)
    _fill(fresh_db, 5)
    good = tmp_path / "good.sqlite"
    store.backup(target=good, engine=fresh_db)
    return code, good


def _counts(engine: Engine) -> tuple[int, int]:
    with engine.connect() as conn:
        rooms = conn.exec_driver_sql("SELECT count(*) FROM rooms").scalar_one()
        entries = conn.exec_driver_sql("SELECT count(*) FROM entries").scalar_one()
    return rooms, entries


def _junk(path: Path, script: str) -> Path:
    with closing(sqlite3.connect(path)) as conn:
        conn.executescript(script)
    return path


def _from_backup(good: Path, path: Path, script: str) -> Path:
    """A copy of a real backup, changed by `script`."""
    path.write_bytes(good.read_bytes())
    return _junk(path, script)


BAD_BACKUPS = {
    # The file from the issue: the right table names, other columns.
    "other columns": lambda good, p: _junk(
        p,
        "CREATE TABLE rooms (x); CREATE TABLE entries (y); CREATE TABLE schema_version (version);"
        "INSERT INTO schema_version VALUES (4); INSERT INTO rooms VALUES ('junk');",
    ),
    "newer schema": lambda good, p: _from_backup(
        good, p, "INSERT INTO schema_version VALUES (99, '2030-01-01 00:00:00');"
    ),
    "a table missing": lambda good, p: _from_backup(good, p, "DROP TABLE team_ratings;"),
    "an extra column": lambda good, p: _from_backup(
        good, p, "ALTER TABLE entries ADD COLUMN secret TEXT;"
    ),
    "unreadable rows": lambda good, p: _from_backup(
        good, p, "UPDATE rooms SET created_at = 'last tuesday';"
    ),
    "rows of no room": lambda good, p: _from_backup(
        good,
        p,
        "PRAGMA foreign_keys=OFF; UPDATE entries SET room_code = 'ZZZZZZ' WHERE entry_id = 1;",
    ),
}


@pytest.mark.parametrize("kind", sorted(BAD_BACKUPS))
def test_a_bad_backup_leaves_the_store_untouched_and_it_still_starts(
    fresh_db: Engine, tmp_path: Path, kind: str
) -> None:
    code, good = _live(fresh_db, tmp_path)
    bad = BAD_BACKUPS[kind](good, tmp_path / f"bad-{kind}.sqlite")
    with pytest.raises(store.StoreConfigError, match=r"(N|n)othing was changed"):
        store.restore(source=bad, engine=fresh_db)
    assert _counts(fresh_db) == (2, 25)
    # The server starts: a new engine on the file opens, migrates and purges it.
    restarted = store.make_engine(f"sqlite:///{fresh_db.url.database}")
    assert store.purge_expired(engine=restarted) == 0
    assert store.room_snapshot(room=code, engine=restarted).count == 20
    restarted.dispose()
    # ...and the right backup still restores.
    assert store.restore(source=good, engine=fresh_db) == 2
    assert not list(Path(fresh_db.url.database).parent.glob(".*restore*"))  # no staging left


def test_a_damaged_backup_is_refused(fresh_db: Engine, tmp_path: Path) -> None:
    _, good = _live(fresh_db, tmp_path)
    data = bytearray(good.read_bytes())
    for page in range(1, len(data) // 4096):  # scribble over every b-tree page's header
        data[4096 * page : 4096 * page + 8] = b"\xff" * 8
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(bytes(data))
    with pytest.raises(store.StoreConfigError, match=r"damaged|cannot be read"):
        store.restore(source=damaged, engine=fresh_db)
    assert _counts(fresh_db) == (2, 25)


def test_file_names_with_hash_and_percent_work(tmp_path: Path) -> None:
    home = tmp_path / "data #1 100%"
    engine = store.make_engine(f"sqlite:///{home / 'rooms #2 %41.sqlite'}")
    code = _fill(engine, 3)
    target = tmp_path / "rooms #3 50%.sqlite"
    assert store.backup(target=target, engine=engine) == 1
    store.create_room(title="After", engine=engine)
    assert store.restore(source=target, engine=engine) == 1
    assert store.room_snapshot(room=code, engine=engine).count == 3
    engine.dispose()


def test_the_default_store_in_a_folder_named_with_url_characters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "a%23b?c#d"
    monkeypatch.setenv("SKILLS_MAP_DATA_HOME", str(home))
    code = store.create_room(title="Here").room.code
    assert (home / "rooms.sqlite").exists()  # not "a#b" or "a%23b"
    assert store.get_room(room=code).title == "Here"
    store.default_engine().dispose()


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB file system (tmpfs) that a backup of a store with some answers cannot fit."""
    where = tmp_path / "full"
    where.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(where)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.decode()[:100]}")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=False)


def test_a_backup_onto_a_full_disk_says_so_and_leaves_no_file(
    fresh_db: Engine, full_disk: Path
) -> None:
    _fill(fresh_db, 1000)  # more than 64 KiB of answers
    target = full_disk / "rooms.sqlite"
    with pytest.raises(store.StoreConfigError) as caught:
        store.backup(target=target, engine=fresh_db)
    message = str(caught.value)
    assert "could not be written" in message and "no file was left there" in message
    assert "full" in message.lower() or "space" in message.lower()
    assert list(full_disk.iterdir()) == []


def test_a_full_disk_is_said_even_where_no_tmpfs_can_be_mounted(
    fresh_db: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same refusal with ENOSPC simulated: the copy fails half-way."""
    _fill(fresh_db, 2)
    real_connect = sqlite3.connect

    class FullDisk:
        def __init__(self, conn: sqlite3.Connection) -> None:
            self.conn = conn

        def backup(self, target: object) -> None:
            raise sqlite3.OperationalError("database or disk is full")

        def close(self) -> None:
            self.conn.close()

    def connect(path: object, *args: object, **kwargs: object) -> object:
        conn = real_connect(path, *args, **kwargs)  # type: ignore[call-overload]
        return FullDisk(conn) if str(path) == fresh_db.url.database else conn

    monkeypatch.setattr(sqlite3, "connect", connect)
    with pytest.raises(store.StoreConfigError, match=r"database or disk is full.*no file was left"):
        store.backup(target=tmp_path / "out" / "rooms.sqlite", engine=fresh_db)
    assert list((tmp_path / "out").iterdir()) == []


def test_restoring_through_the_cli_refuses_a_bad_file_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill(store.default_engine(), 2)
    bad = BAD_BACKUPS["other columns"](None, tmp_path / "bad.sqlite")
    assert cli(["restore", str(bad), "--yes"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not a backup of the room store" in err[0]
    assert _counts(store.default_engine()) == (1, 2)
