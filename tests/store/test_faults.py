"""Faults of the database itself: a full disk on every write, a lock held past the busy timeout.

Each is a named error that says nothing was saved (never a traceback), in two versions: the
whole one for whoever runs the server (it names the file) and one for participants, without
the file's path. Nothing half-done is left behind.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

import store
from roles.models import Profile
from store import engine as store_engine
from tests.faults import fill, small_disk, write_lock
from tests.store.conftest import needs_postgres


def _submit(engine: Engine, code: str, name: str = "Ana") -> store.Entry:
    return store.submit(
        room=code,
        participant=store.new_participant_token(),
        profile=Profile(ml=1, swe=2, comm=3),
        name=name,
        address="198.51.100.7",
        engine=engine,
    )


def _answer(engine: Engine, code: str) -> store.MemberHistory:
    return store.submit_team_answer(
        room=code,
        participant=store.new_participant_token(),
        name="Bo",
        profile=Profile(ml=4, swe=5, comm=6),
        method="sliders",
        engine=engine,
    )


@pytest.fixture
def full_store() -> Iterator[tuple[Engine, Path]]:
    """A store on a disk that is full once a room and a team room are in it."""
    with small_disk() as folder:
        path = folder / "rooms.sqlite"
        engine = store.make_engine(f"sqlite:///{path}")
        try:
            yield engine, path
        finally:
            engine.dispose()


def _said_and_hidden(err: store.StoreFault, path: Path, what: str) -> None:
    """The operator's message names the file; the participants' one says the same without."""
    assert str(path) in str(err) and what in str(err) and "nothing was saved" in str(err)
    public = err.public_text("en")
    assert "nothing was saved" in public and str(path) not in public and "/" not in public
    assert str(path) not in err.public_text("zh")


def test_a_full_disk_refuses_every_write_plainly_and_keeps_what_was_saved(
    full_store: tuple[Engine, Path],
) -> None:
    engine, path = full_store
    room = store.create_room(title="Hall", engine=engine)
    team = store.create_team_room(title="Team", engine=engine)
    kept = _submit(engine, room.room.code, "Before")
    fill(path.parent)
    writes = [
        lambda: _submit(engine, room.room.code),
        lambda: _answer(engine, team.room.code),
        lambda: store.create_room(title="Another", engine=engine),
        lambda: store.set_room_state(room=room.room.code, key=room.key, hidden=True, engine=engine),
        lambda: store.remove_entry(
            room=room.room.code, key=room.key, entry_id=kept.entry_id, engine=engine
        ),
    ]
    for write in writes:
        with pytest.raises(store.StoreFull) as err:
            write()
        _said_and_hidden(err.value, path, "is full")
    snap = store.room_snapshot(room=room.room.code, engine=engine)  # reading still works
    assert [e.name for e in snap.entries] == ["Before"] and not snap.room.hidden
    (path.parent / "filler").unlink()  # space again: writing works again
    assert _submit(engine, room.room.code, "After").name == "After"


@pytest.fixture
def quick_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """A busy timeout of a fifth of a second instead of ten, for new connections."""
    monkeypatch.setattr(store_engine, "BUSY_TIMEOUT_S", 0.2)


def test_a_lock_held_past_the_busy_timeout_refuses_the_write_plainly(
    tmp_path: Path, quick_timeout: None
) -> None:
    path = tmp_path / "rooms.sqlite"
    engine = store.make_engine(f"sqlite:///{path}")
    try:
        room = store.create_room(title="Hall", engine=engine)
        team = store.create_team_room(title="Team", engine=engine)
        with write_lock(path):
            for write in (
                lambda: _submit(engine, room.room.code),
                lambda: _answer(engine, team.room.code),
                lambda: store.clear_room(room=room.room.code, key=room.key, engine=engine),
            ):
                with pytest.raises(store.StoreBusy) as err:
                    write()
                _said_and_hidden(err.value, path, "locked for more than 0.2 seconds")
            # Readers are not blocked by a writer (WAL): the page can still show the room.
            assert store.room_snapshot(room=room.room.code, engine=engine).count == 0
        assert _submit(engine, room.room.code).name == "Ana"  # the lock went: saved
    finally:
        engine.dispose()


@pytest.mark.postgres
@needs_postgres
def test_postgresql_gives_up_on_a_held_lock_after_the_busy_timeout(
    quick_timeout: None, pg_db: Engine
) -> None:
    # Without a lock_timeout a write behind a held table lock would wait for as long as the
    # other transaction lasts, holding the participant's page and a pooled connection.
    room = store.create_room(title="Hall", engine=pg_db)
    with pg_db.connect() as conn:
        assert conn.exec_driver_sql("SHOW lock_timeout").scalar() == "200ms"
    with pg_db.connect() as holder, holder.begin():
        holder.exec_driver_sql("LOCK TABLE entries IN ACCESS EXCLUSIVE MODE")
        with pytest.raises(store.StoreBusy) as err:
            _submit(pg_db, room.room.code)
        assert "locked for more than 0.2 seconds" in str(err.value)
        assert "nothing was saved" in err.value.public_text("en")
    assert _submit(pg_db, room.room.code).name == "Ana"  # the lock went: saved
