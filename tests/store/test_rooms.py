"""Creating rooms, finding them, the facilitator's key and actions, and expiry."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, update

import store
from roles.errors import SettingsError
from roles.models import Profile
from store import codes
from store.schema import entries, rooms

PROFILE = Profile(ml=1, swe=1, comm=1)


def test_new_room_has_a_code_a_key_and_the_defaults(db: Engine) -> None:
    created = store.create_room(title="  Offsite  ", engine=db)
    info = created.room
    assert len(info.code) == 6 and set(info.code) <= set(store.CODE_ALPHABET)
    assert info.title == "Offsite"
    assert (info.locked, info.hidden, info.show_names) == (False, False, False)
    assert info.capacity == 2000
    assert info.created_at.tzinfo is not None
    assert timedelta(days=6.99) < info.expires_at - info.created_at <= timedelta(days=7)
    assert len(created.key) >= 22
    assert created.key not in repr(created)
    assert store.get_room(room=info.code, engine=db) == info


def test_defaults_come_from_the_environment(db: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SKILLS_MAP_ROOM_TTL_DAYS", "1.5")
    monkeypatch.setenv("SKILLS_MAP_ROOM_CAPACITY", "30")
    info = store.create_room(title="Env", engine=db).room
    assert info.capacity == 30
    assert info.expires_at - info.created_at == timedelta(days=1.5)


def test_garbage_in_the_environment_is_named(db: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SKILLS_MAP_ROOM_CAPACITY", "lots")
    with pytest.raises(SettingsError, match="SKILLS_MAP_ROOM_CAPACITY='lots' is not valid"):
        store.create_room(title="Env", engine=db)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"title": "   "}, "title"),
        ({"title": "x" * 81}, "title"),
        ({"ttl_days": 0}, "days"),
        ({"ttl_days": 400}, "days"),
        ({"capacity": 0}, "participants"),
        ({"capacity": 2.5}, "participants"),
    ],
)
def test_out_of_range_settings_are_refused(db: Engine, kwargs: dict, match: str) -> None:
    with pytest.raises(store.InvalidRoomSettings, match=match):
        store.create_room(**{"title": "ok", **kwargs}, engine=db)


def test_eighty_character_title_is_accepted(db: Engine) -> None:
    assert store.create_room(title="t" * 80, engine=db).room.title == "t" * 80


def test_codes_are_unique_even_when_the_draw_repeats(
    db: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    draws = iter(["AAAAAA", "AAAAAA", "AAAAAA", "BBBBBB"])
    monkeypatch.setattr(codes, "new_room_code", lambda: next(draws))
    first = store.create_room(title="One", engine=db)
    second = store.create_room(title="Two", engine=db)
    assert (first.room.code, second.room.code) == ("AAAAAA", "BBBBBB")
    assert store.get_room(room="AAAAAA", engine=db).title == "One"


def test_key_is_stored_only_as_a_hash(tmp_path: Path, fresh_db: Engine) -> None:
    created = store.create_room(title="Secret", engine=fresh_db)
    with fresh_db.connect() as conn:
        row = conn.execute(select(rooms)).one()
    assert created.key not in [str(v) for v in row]
    assert row.key_hash == codes.hash_secret(created.key)
    fresh_db.dispose()
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("rooms.sqlite*"))
    assert created.key.encode() not in raw


def test_participant_token_is_stored_only_as_a_hash(
    db: Engine, room: store.CreatedRoom, join: Callable[..., store.Entry]
) -> None:
    token = store.new_participant_token()
    join(participant=token)
    with db.connect() as conn:
        row = conn.execute(select(entries)).one()
    assert token not in [str(v) for v in row]


def test_room_is_found_by_what_people_type(db: Engine, room: store.CreatedRoom) -> None:
    code = room.room.code
    assert store.get_room(room=f"{code[:3].lower()}-{code[3:]}", engine=db).code == code


def test_unknown_room_gives_a_clear_message(db: Engine) -> None:
    with pytest.raises(store.RoomNotFound, match="no open room with code ABCDEF"):
        store.get_room(room="ABCDEF", engine=db)


def _expire(db: Engine, code: str) -> None:
    with db.begin() as conn:
        past = datetime.now(UTC) - timedelta(seconds=1)
        conn.execute(update(rooms).where(rooms.c.code == code).values(expires_at=past))


def test_expired_room_is_not_found_even_before_purge(
    db: Engine, room: store.CreatedRoom, join: Callable[..., store.Entry]
) -> None:
    join()
    _expire(db, room.room.code)
    for call in (
        lambda: store.get_room(room=room.room.code, engine=db),
        lambda: store.room_snapshot(room=room.room.code, engine=db),
        lambda: join(),
    ):
        with pytest.raises(store.RoomNotFound):
            call()


def test_purge_removes_expired_rooms_and_their_entries(
    db: Engine, room: store.CreatedRoom, join: Callable[..., store.Entry]
) -> None:
    join()
    join()
    keep = store.create_room(title="Keep", engine=db)
    store.submit(
        room=keep.room.code,
        participant=store.new_participant_token(),
        profile=PROFILE,
        name=None,
        engine=db,
    )
    _expire(db, room.room.code)
    assert store.purge_expired(engine=db) == 1
    with db.connect() as conn:
        left = conn.execute(select(entries.c.room_code)).scalars().all()
        codes_left = conn.execute(select(rooms.c.code)).scalars().all()
    assert left == [keep.room.code]
    assert codes_left == [keep.room.code]
    assert store.purge_expired(engine=db) == 0


def test_purge_at_a_later_time_removes_rooms_ending_before_it(db: Engine) -> None:
    short = store.create_room(title="Short", ttl_days=1, engine=db)
    long = store.create_room(title="Long", ttl_days=30, engine=db)
    assert store.purge_expired(now=datetime.now(UTC) + timedelta(days=2), engine=db) == 1
    with pytest.raises(store.RoomNotFound):
        store.get_room(room=short.room.code, engine=db)
    assert store.get_room(room=long.room.code, engine=db).title == "Long"


def test_creating_a_room_purges_expired_ones(db: Engine, room: store.CreatedRoom) -> None:
    _expire(db, room.room.code)
    store.create_room(title="Next", engine=db)
    with db.connect() as conn:
        assert room.room.code not in conn.execute(select(rooms.c.code)).scalars().all()


def test_check_key_accepts_only_the_room_key(db: Engine, room: store.CreatedRoom) -> None:
    other = store.create_room(title="Other", engine=db)
    code = room.room.code
    assert store.check_key(room=code, key=room.key, engine=db)
    assert not store.check_key(room=code, key=other.key, engine=db)
    assert not store.check_key(room=code, key="", engine=db)
    with pytest.raises(store.RoomNotFound):
        store.check_key(room="ABCDEF", key=room.key, engine=db)


def test_facilitator_can_lock_hide_and_show_names(db: Engine, room: store.CreatedRoom) -> None:
    code, key = room.room.code, room.key
    info = store.set_room_state(room=code, key=key, locked=True, engine=db)
    assert (info.locked, info.hidden, info.show_names) == (True, False, False)
    info = store.set_room_state(room=code, key=key, hidden=True, show_names=True, engine=db)
    assert (info.locked, info.hidden, info.show_names) == (True, True, True)
    info = store.set_room_state(room=code, key=key, locked=False, engine=db)
    assert (info.locked, info.hidden, info.show_names) == (False, True, True)
    assert store.get_room(room=code, engine=db) == info
    assert store.set_room_state(room=code, key=key, engine=db) == info


def test_remove_entry_removes_only_that_entry_of_that_room(
    db: Engine, room: store.CreatedRoom, join: Callable[..., store.Entry]
) -> None:
    first, second = join(name="A"), join(name="B")
    other = store.create_room(title="Other", engine=db)
    stranger = store.submit(
        room=other.room.code,
        participant=store.new_participant_token(),
        profile=PROFILE,
        name="C",
        engine=db,
    )
    code = room.room.code
    assert store.remove_entry(room=code, key=room.key, entry_id=first.entry_id, engine=db)
    assert not store.remove_entry(room=code, key=room.key, entry_id=first.entry_id, engine=db)
    assert not store.remove_entry(room=code, key=room.key, entry_id=stranger.entry_id, engine=db)
    assert [e.entry_id for e in store.room_snapshot(room=code, engine=db).entries] == [
        second.entry_id
    ]
    assert store.room_snapshot(room=other.room.code, engine=db).count == 1


def test_clear_room_empties_it_and_keeps_it_open(
    db: Engine, room: store.CreatedRoom, join: Callable[..., store.Entry]
) -> None:
    for _ in range(3):
        join()
    assert store.clear_room(room=room.room.code, key=room.key, engine=db) == 3
    assert store.room_snapshot(room=room.room.code, engine=db).count == 0
    join()
    assert store.room_snapshot(room=room.room.code, engine=db).count == 1


def test_delete_room_removes_the_room_and_its_entries(
    db: Engine, room: store.CreatedRoom, join: Callable[..., store.Entry]
) -> None:
    join()
    store.delete_room(room=room.room.code, key=room.key, engine=db)
    with pytest.raises(store.RoomNotFound):
        store.get_room(room=room.room.code, engine=db)
    with db.connect() as conn:
        assert conn.execute(select(entries)).all() == []


WRONG_KEY_ACTIONS = {
    "lock": lambda code, key, db: store.set_room_state(room=code, key=key, locked=True, engine=db),
    "reveal names": lambda code, key, db: store.set_room_state(
        room=code, key=key, show_names=True, engine=db
    ),
    "clear": lambda code, key, db: store.clear_room(room=code, key=key, engine=db),
    "remove": lambda code, key, db: store.remove_entry(room=code, key=key, entry_id=1, engine=db),
    "delete": lambda code, key, db: store.delete_room(room=code, key=key, engine=db),
    "export": lambda code, key, db: store.export_csv(room=code, key=key, engine=db),
}


@pytest.mark.parametrize("action", list(WRONG_KEY_ACTIONS))
@pytest.mark.parametrize("bad_key", ["wrong-key", "", None, "other room's key"])
def test_wrong_or_missing_key_is_refused_and_nothing_changes(
    db: Engine,
    room: store.CreatedRoom,
    join: Callable[..., store.Entry],
    action: str,
    bad_key: str | None,
) -> None:
    join(name="Ada")
    code = room.room.code
    if bad_key == "other room's key":
        bad_key = store.create_room(title="Other", engine=db).key
    before = store.room_snapshot(room=code, engine=db)
    with pytest.raises(store.WrongKey, match="nothing was changed"):
        WRONG_KEY_ACTIONS[action](code, bad_key, db)
    assert store.room_snapshot(room=code, engine=db) == before
    assert before.count == 1


def test_every_change_bumps_the_room_version(db: Engine, join: Callable[..., store.Entry]) -> None:
    room = store.create_room(title="Versions", engine=db)
    code = room.room.code
    seen = [store.room_version(room=code, engine=db)]

    def changed() -> bool:
        seen.append(store.room_version(room=code, engine=db))
        return seen[-1] > seen[-2]

    entry = store.submit(
        room=code,
        participant=store.new_participant_token(),
        profile=PROFILE,
        name=None,
        engine=db,
    )
    assert changed()
    store.set_room_state(room=code, key=room.key, hidden=True, engine=db)
    assert changed()
    store.set_room_state(room=code, key=room.key, screen="map", engine=db)
    assert changed()
    assert store.get_room(room=code, engine=db).screen == "map"
    store.remove_entry(room=code, key=room.key, entry_id=entry.entry_id, engine=db)
    assert changed()
    store.clear_room(room=code, key=room.key, engine=db)
    assert changed()
    assert store.room_snapshot(room=code, engine=db).room.version == seen[-1]


def test_a_refused_change_keeps_the_version(db: Engine) -> None:
    room = store.create_room(title="Versions", engine=db)
    before = store.room_version(room=room.room.code, engine=db)
    with pytest.raises(store.WrongKey):
        store.set_room_state(room=room.room.code, key="wrong", locked=True, engine=db)
    with pytest.raises(store.InvalidRoomSettings, match="projector shows"):
        store.set_room_state(room=room.room.code, key=room.key, screen="disco", engine=db)
    assert store.room_version(room=room.room.code, engine=db) == before


def test_room_version_of_a_missing_room_says_so(db: Engine) -> None:
    with pytest.raises(store.RoomNotFound, match="no open room"):
        store.room_version(room="ZZZZZZ", engine=db)


def test_a_version_1_store_is_upgraded_in_place(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite"
    with sqlite3.connect(path) as conn:  # the tables as version 1 shipped them
        conn.executescript(V1_SCHEMA)
    engine = store.make_engine(f"sqlite:///{path}")
    info = store.get_room(room="K7MQ2P", engine=engine)
    assert (info.title, info.version, info.screen, info.kind) == ("Old", 0, "join", "workshop")
    assert store.room_snapshot(room="K7MQ2P", engine=engine).count == 1
    engine.dispose()


V1_SCHEMA = """
CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at DATETIME NOT NULL);
INSERT INTO schema_version VALUES (1, '2025-01-01 00:00:00');
CREATE TABLE rooms (code VARCHAR(6) PRIMARY KEY, title VARCHAR(80) NOT NULL,
  key_hash VARCHAR(64) NOT NULL, created_at DATETIME NOT NULL, expires_at DATETIME NOT NULL,
  locked BOOLEAN NOT NULL, hidden BOOLEAN NOT NULL, show_names BOOLEAN NOT NULL,
  capacity INTEGER NOT NULL, CONSTRAINT ck_rooms_capacity CHECK (capacity >= 1));
INSERT INTO rooms VALUES ('K7MQ2P', 'Old', 'x', '2025-01-01 00:00:00', '2999-01-01 00:00:00',
  0, 0, 0, 50);
CREATE TABLE entries (entry_id INTEGER PRIMARY KEY AUTOINCREMENT,
  room_code VARCHAR(6) NOT NULL REFERENCES rooms (code) ON DELETE CASCADE,
  participant_hash VARCHAR(64) NOT NULL, name VARCHAR(40), ml FLOAT NOT NULL,
  swe FLOAT NOT NULL, comm FLOAT NOT NULL, created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL, window_start DATETIME NOT NULL, window_count INTEGER NOT NULL,
  CONSTRAINT uq_entries_room_participant UNIQUE (room_code, participant_hash));
INSERT INTO entries (room_code, participant_hash, name, ml, swe, comm, created_at, updated_at,
  window_start, window_count) VALUES ('K7MQ2P', 'h', 'Ada', 1, 2, 3, '2025-01-01 00:00:00',
  '2025-01-01 00:00:00', '2025-01-01 00:00:00', 1);
"""
