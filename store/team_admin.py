"""Team rooms, the manager's actions: run rounds, rate members, remove a member.

Each action checks the manager key first (WrongKey, nothing changes) and counts as a use of the
room (see `teams.touch`).
"""

from __future__ import annotations

import math
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite

from roles.i18n import Msg
from roles.models import AXIS_LABELS
from store import codes
from store.engine import begin_write
from store.errors import InvalidSubmission
from store.migrations import ready
from store.rooms import load_room, require_key
from store.schema import team_answers, team_members, team_ratings, team_rounds
from store.team_models import ManagerRating, TeamRoomInfo
from store.teams import KIND, checked_round, read_rounds, team_info, touch


def _now() -> datetime:
    return datetime.now(UTC)


def _round_action(room: str, key: str, engine: Engine | None, action: str) -> TeamRoomInfo:
    code = codes.normalise_code(room)
    with begin_write(ready(engine)) as conn:
        row = require_key(conn, code, key, kind=KIND)
        now = _now()
        current = read_rounds(conn, code)[-1]
        this = (team_rounds.c.room_code == code) & (team_rounds.c.number == current.number)
        if action in ("close", "next") and current.is_open:
            conn.execute(update(team_rounds).where(this).values(closed_at=now))
        if action == "reopen":
            conn.execute(update(team_rounds).where(this).values(closed_at=None))
        if action == "next":
            number = current.number + 1
            conn.execute(team_rounds.insert().values(room_code=code, number=number, opened_at=now))
        touch(conn, row, now)
        return team_info(conn, load_room(conn, code, kind=KIND))


def close_round(*, room: str, key: str, engine: Engine | None = None) -> TeamRoomInfo:
    """Close the current round: members' answers in it can no longer change."""
    return _round_action(room, key, engine, "close")


def reopen_round(*, room: str, key: str, engine: Engine | None = None) -> TeamRoomInfo:
    """Open the current round again (closed too early): members can update their answers."""
    return _round_action(room, key, engine, "reopen")


def open_next_round(*, room: str, key: str, engine: Engine | None = None) -> TeamRoomInfo:
    """Close the current round (if open) and open the next one, e.g. every six months."""
    return _round_action(room, key, engine, "next")


def _measure(axis: str) -> Msg:
    # The measure's name in the reader's language (the message ids are roles.models.AXIS_LABELS).
    return Msg(AXIS_LABELS[axis]) if axis in AXIS_LABELS else Msg(axis)


def _score(axis: str, value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InvalidSubmission(
            Msg("Your rating of {axis} must be a number from 0 to 10.", axis=_measure(axis))
        )
    if not 0 <= value <= 10:
        raise InvalidSubmission(
            Msg(
                "Your rating of {axis} must be from 0 to 10, not {value:g}.",
                axis=_measure(axis),
                value=value,
            )
        )
    return float(value)


def _rating_upsert(dialect_name: str, code: str) -> Any:
    dialect = postgresql if dialect_name == "postgresql" else sqlite
    stmt = dialect.insert(team_ratings)
    return stmt.on_conflict_do_update(
        index_elements=[team_ratings.c.member_id, team_ratings.c.round_number],
        set_={c: stmt.excluded[c] for c in ("ml", "swe", "comm", "updated_at")},
        # A rating row of another room is never overwritten, whatever member id was sent.
        where=team_ratings.c.room_code == code,
    )


def member_id_of(value: object) -> int:
    """A member id as sent by a page (a forged request may send anything), else
    InvalidSubmission."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidSubmission(Msg("That member is no longer in this team room."))
    return value


def rate_member(
    *,
    room: str,
    key: str,
    member_id: int,
    round_number: int,
    ml: float | None = None,
    swe: float | None = None,
    comm: float | None = None,
    engine: Engine | None = None,
) -> ManagerRating | None:
    """Set the manager's own rating of a member in a round (a measure given as None stays
    unrated); with all three None the rating is removed. Returns what is stored."""
    scores = {axis: _score(axis, v) for axis, v in (("ml", ml), ("swe", swe), ("comm", comm))}
    code = codes.normalise_code(room)
    member_id = member_id_of(member_id)
    with begin_write(ready(engine)) as conn:
        row = require_key(conn, code, key, kind=KIND)
        checked_round(team_info(conn, row), round_number)
        _require_member(conn, code, member_id)
        now = _now()
        this = (
            (team_ratings.c.room_code == code)
            & (team_ratings.c.member_id == member_id)
            & (team_ratings.c.round_number == round_number)
        )
        if all(v is None for v in scores.values()):
            conn.execute(delete(team_ratings).where(this))
            stored = None
        else:
            values = {"member_id": member_id, "round_number": round_number, "room_code": code}
            upsert = _rating_upsert(conn.dialect.name, code)
            conn.execute(upsert, {**values, **scores, "updated_at": now})
            stored = ManagerRating(**scores, updated_at=now)
        touch(conn, row, now)
        return stored


def _require_member(conn: Connection, code: str, member_id: int) -> None:
    found = conn.execute(
        select(team_members.c.member_id).where(
            team_members.c.room_code == code, team_members.c.member_id == member_id
        )
    ).first()
    if found is None:
        raise InvalidSubmission(Msg("That member is no longer in this team room."))


def remove_member(*, room: str, key: str, member_id: int, engine: Engine | None = None) -> bool:
    """Delete a member and all their answers and ratings, in every round; False if gone already.

    Every statement names the room: a member id of another team room removes nothing.
    """
    code = codes.normalise_code(room)
    member_id = member_id_of(member_id)
    with begin_write(ready(engine)) as conn:
        row = require_key(conn, code, key, kind=KIND)
        for table in (team_ratings, team_answers):
            conn.execute(
                delete(table).where(table.c.room_code == code, table.c.member_id == member_id)
            )
        gone = conn.execute(
            delete(team_members).where(
                team_members.c.room_code == code, team_members.c.member_id == member_id
            )
        )
        touch(conn, row, _now())
        return gone.rowcount > 0
