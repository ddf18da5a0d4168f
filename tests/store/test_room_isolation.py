"""A key unlocks its own room's rows only: another room's members, answers, ratings and entries
stay as they were, even when a manager or facilitator sends a valid id of that other room.

The last test watches every SQL statement the keyed actions send, so a new statement that
forgets the room fails here, not in a room that loses its answers.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import Engine, event

import store
from roles.models import Profile

ROOM_TABLES = ("entries", "team_members", "team_answers", "team_ratings", "team_rounds")


def _member(db: Engine, room: store.CreatedRoom, name: str, ml: float = 5) -> int:
    history = store.submit_team_answer(
        room=room.room.code,
        participant=store.new_participant_token(),
        name=name,
        profile=Profile(ml=ml, swe=5, comm=5),
        method="sliders",
        engine=db,
    )
    return history.member_id


def _shape(db: Engine, room: store.CreatedRoom) -> list[tuple[Any, ...]]:
    snap = store.team_snapshot(room=room.room.code, key=room.key, engine=db)
    return [
        (m.member_id, m.name, m.answer and m.answer.ml, m.rating and m.rating.ml)
        for m in snap.members
    ]


@pytest.fixture
def two_teams(db: Engine) -> tuple[store.CreatedRoom, store.CreatedRoom, int]:
    """Team A (one member) and team B (a member with an answer and a manager's rating)."""
    a = store.create_team_room(title="Team A", engine=db)
    b = store.create_team_room(title="Team B", engine=db)
    _member(db, a, "Ana")
    victim = _member(db, b, "Bo", ml=7)
    store.rate_member(
        room=b.room.code, key=b.key, member_id=victim, round_number=1, ml=3, engine=db
    )
    return a, b, victim


def test_a_manager_cannot_remove_another_teams_member(db: Engine, two_teams: Any) -> None:
    a, b, victim = two_teams
    before = _shape(db, b)
    assert store.remove_member(room=a.room.code, key=a.key, member_id=victim, engine=db) is False
    assert _shape(db, b) == before == [(victim, "Bo", 7.0, 3.0)]


@pytest.mark.parametrize("scores", [{"ml": 9}, {}])  # a rating, and removing a rating
def test_a_manager_cannot_rate_another_teams_member(
    db: Engine, two_teams: Any, scores: dict[str, float]
) -> None:
    a, b, victim = two_teams
    before = _shape(db, b)
    with pytest.raises(store.InvalidSubmission, match="no longer in this team room"):
        store.rate_member(
            room=a.room.code, key=a.key, member_id=victim, round_number=1, engine=db, **scores
        )
    assert _shape(db, b) == before


@pytest.mark.parametrize("forged", ["1", 1.0, True, None, [1]])
def test_member_ids_that_are_not_whole_numbers_are_refused(
    db: Engine, two_teams: Any, forged: object
) -> None:
    a, b, _victim = two_teams
    before = _shape(db, b), _shape(db, a)
    for act in (store.remove_member, store.rate_member):
        extra = {"round_number": 1, "ml": 1} if act is store.rate_member else {}
        with pytest.raises(store.InvalidSubmission):
            act(room=a.room.code, key=a.key, member_id=forged, engine=db, **extra)  # type: ignore[operator]
    assert (_shape(db, b), _shape(db, a)) == before


def test_a_facilitator_cannot_remove_or_clear_another_rooms_entries(db: Engine) -> None:
    mine = store.create_room(title="Mine", engine=db)
    theirs = store.create_room(title="Theirs", engine=db)
    entry = store.submit(
        room=theirs.room.code,
        participant=store.new_participant_token(),
        profile=Profile(ml=1, swe=2, comm=3),
        name="Cy",
        engine=db,
    )
    assert not store.remove_entry(
        room=mine.room.code, key=mine.key, entry_id=entry.entry_id, engine=db
    )
    assert store.clear_room(room=mine.room.code, key=mine.key, engine=db) == 0
    with pytest.raises(store.InvalidSubmission):
        store.remove_entry(room=mine.room.code, key=mine.key, entry_id="1", engine=db)  # type: ignore[arg-type]
    left = store.room_snapshot(room=theirs.room.code, engine=db).entries
    assert [(e.entry_id, e.name) for e in left] == [(entry.entry_id, "Cy")]


def test_one_device_in_two_teams_changes_only_the_team_it_answers(db: Engine) -> None:
    a = store.create_team_room(title="Team A", engine=db)
    b = store.create_team_room(title="Team B", engine=db)
    token = store.new_participant_token()
    for room, ml in ((b, 2), (a, 8)):
        store.submit_team_answer(
            room=room.room.code,
            participant=token,
            name="Dee",
            profile=Profile(ml=ml, swe=5, comm=5),
            method="sliders",
            engine=db,
        )
    assert [row[2] for row in _shape(db, b)] == [2.0]
    assert [row[2] for row in _shape(db, a)] == [8.0]


@contextmanager
def _statements(db: Engine) -> Iterator[list[str]]:
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(" ".join(statement.split()))

    event.listen(db, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(db, "before_cursor_execute", record)


def _unfiltered(statement: str) -> bool:
    """A statement on a room's rows whose condition does not name the room."""
    verb = statement.split(" ", 1)[0].upper()
    touches = [t for t in ROOM_TABLES if f" {t} " in f" {statement} " or f" {t}." in statement]
    if not touches or verb not in ("SELECT", "UPDATE", "DELETE", "INSERT"):
        return False
    if verb == "INSERT":
        # An upsert may only update a row of the room it names.
        return "ON CONFLICT" in statement and "room_code" not in statement.split("DO UPDATE")[1]
    condition = statement.split(" WHERE ", 1)[1] if " WHERE " in statement else ""
    return "room_code" not in condition


def test_every_statement_a_key_unlocks_names_the_room(db: Engine, two_teams: Any) -> None:
    a, _b, _victim = two_teams
    mine = _member(db, a, "Eve")
    workshop = store.create_room(title="W", engine=db)
    entry = store.submit(
        room=workshop.room.code,
        participant=store.new_participant_token(),
        profile=Profile(ml=1, swe=1, comm=1),
        name=None,
        engine=db,
    )
    code, key = a.room.code, a.key
    with _statements(db) as seen:
        store.rate_member(room=code, key=key, member_id=mine, round_number=1, ml=4, engine=db)
        store.rate_member(room=code, key=key, member_id=mine, round_number=1, engine=db)
        _member(db, a, "Fay")
        store.team_snapshot(room=code, key=key, engine=db)
        store.close_round(room=code, key=key, engine=db)
        store.reopen_round(room=code, key=key, engine=db)
        store.open_next_round(room=code, key=key, engine=db)
        store.remove_member(room=code, key=key, member_id=mine, engine=db)
        wcode, wkey = workshop.room.code, workshop.key
        store.set_room_state(room=wcode, key=wkey, locked=True, engine=db)
        store.export_csv(room=wcode, key=wkey, engine=db)
        store.remove_entry(room=wcode, key=wkey, entry_id=entry.entry_id, engine=db)
        store.clear_room(room=wcode, key=wkey, engine=db)
        store.delete_room(room=code, key=key, kind="team", engine=db)
    assert len(seen) > 20
    assert [s for s in seen if _unfiltered(s)] == []
