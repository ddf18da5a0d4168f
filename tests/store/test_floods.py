"""A flood of fake participants: bounded by the room's capacity, removed in one action."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, update

import store
from roles.models import Profile
from store.schema import entries

T0 = datetime(2030, 5, 4, 9, 0, tzinfo=UTC)


def _join_at(db: Engine, code: str, when: datetime, name: str) -> int:
    entry = store.submit(
        room=code,
        participant=store.new_participant_token(),
        profile=Profile(ml=5, swe=5, comm=5),
        name=name,
        address="198.51.100.9",
        engine=db,
    )
    with db.begin() as conn:  # as if this participant had joined at `when`
        conn.execute(
            update(entries).where(entries.c.entry_id == entry.entry_id).values(created_at=when)
        )
    return entry.entry_id


def test_every_entry_that_joined_after_a_time_goes_in_one_action(
    db: Engine, room: store.CreatedRoom
) -> None:
    code = room.room.code
    other = store.create_room(title="Next door", engine=db)
    for i in range(3):
        _join_at(db, code, T0 + timedelta(minutes=i), f"Real {i}")
    for i in range(5):
        _join_at(db, code, T0 + timedelta(minutes=20, seconds=i), f"Bot {i}")
    _join_at(db, other.room.code, T0 + timedelta(minutes=30), "Neighbour")
    before = store.room_version(room=code, engine=db)
    since = T0 + timedelta(minutes=20)
    assert store.remove_entries_since(room=code, key=room.key, since=since, engine=db) == 5
    left = store.room_snapshot(room=code, engine=db).entries
    assert [e.name for e in left] == ["Real 0", "Real 1", "Real 2"]
    assert all(e.joined_at is not None and e.joined_at < since for e in left)
    assert store.room_version(room=code, engine=db) > before  # projectors redraw
    assert store.room_snapshot(room=other.room.code, engine=db).count == 1  # only this room
    assert store.remove_entries_since(room=code, key=room.key, since=since, engine=db) == 0


def test_removing_a_flood_needs_the_key_and_a_time_with_a_zone(
    db: Engine, room: store.CreatedRoom
) -> None:
    code = room.room.code
    _join_at(db, code, T0, "Real")
    with pytest.raises(store.WrongKey):
        store.remove_entries_since(room=code, key="guess", since=T0, engine=db)
    with pytest.raises(store.InvalidRoomSettings, match="time zone"):
        store.remove_entries_since(
            room=code, key=room.key, since=T0.replace(tzinfo=None), engine=db
        )
    assert store.room_snapshot(room=code, engine=db).count == 1


def test_a_flood_from_one_address_stops_at_the_room_s_capacity(db: Engine) -> None:
    """Default per-address limits let a hall in; what bounds a flood is the room's capacity."""
    room = store.create_room(title="Small", capacity=30, engine=db)
    admitted, refused = 0, 0
    for _ in range(40):
        try:
            store.submit(
                room=room.room.code,
                participant=store.new_participant_token(),
                profile=Profile(ml=1, swe=1, comm=1),
                name=None,
                address="203.0.113.66",
                engine=db,
            )
            admitted += 1
        except store.RoomFull:
            refused += 1
    assert (admitted, refused) == (30, 10)
    assert store.room_snapshot(room=room.room.code, engine=db).count == 30
