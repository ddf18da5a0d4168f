"""Team rooms: create, keep while used, and read (a member's page, the manager's round).

A team room is a room of kind "team": private (no projector, nothing public), members answer for
themselves round after round, and everything but a member's own answers needs the manager key.
It is kept `keep_days` after its last use: every answer, rating and round change moves its end
date, so a team that meets twice a year keeps its history while it uses the room.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, select, update

from roles.settings import FIELDS, settings
from store import codes, limits
from store.access import open_room, record_miss
from store.engine import begin_read, begin_write
from store.errors import RoomNotFound, RoundNotFound, WrongKey
from store.migrations import ready
from store.models import CreatedRoom
from store.room_settings import check_settings
from store.rooms import bump, insert_room, load_room, require_key, room_info
from store.schema import rooms, team_answers, team_members, team_ratings, team_rounds
from store.team_models import (
    ManagerRating,
    TeamAnswer,
    TeamMember,
    TeamRoomInfo,
    TeamRound,
    TeamSnapshot,
)

DEFAULT_TEAM_TTL_DAYS = float(FIELDS["team_room_ttl_days"].default)
# A team, not a hall: a department of this size still fits one map.
TEAM_CAPACITY = 500
KIND = "team"
AXES = ("ml", "swe", "comm")


def _now() -> datetime:
    return datetime.now(UTC)


def default_keep_days() -> float:
    """How long a new team room is kept without use: `SKILLS_MAP_TEAM_ROOM_TTL_DAYS`, else 90."""
    return settings().team_room_ttl_days


def _open_first_round(conn: Connection, code: str, now: datetime) -> None:
    conn.execute(team_rounds.insert().values(room_code=code, number=1, opened_at=now))


def create_team_room(
    *,
    title: str,
    keep_days: float | None = None,
    address: str | None = None,
    engine: Engine | None = None,
) -> CreatedRoom:
    """A new team room (round 1 open) and its manager key, returned once and stored as a hash.

    `keep_days` (default `SKILLS_MAP_TEAM_ROOM_TTL_DAYS`, else 90) is how long the room is kept
    after its last use. `address` counts toward the rooms-per-hour limit.
    """
    clean, ttl, cap = check_settings(title, keep_days, TEAM_CAPACITY, team=True)
    return insert_room(
        title=clean,
        ttl_days=ttl,
        capacity=cap,
        kind=KIND,
        keep_days=ttl,
        address=address,
        then=_open_first_round,
        engine=engine,
    )


def touch(conn: Connection, row: Any, now: datetime) -> None:
    """Record a use of the room: it is now kept `keep_days` from now, and its version moves."""
    if row.keep_days:
        kept = now + timedelta(days=float(row.keep_days))
        conn.execute(update(rooms).where(rooms.c.code == row.code).values(expires_at=kept))
    bump(conn, row.code)


def read_rounds(conn: Connection, code: str) -> list[TeamRound]:
    """The room's rounds, oldest first."""
    rows = conn.execute(
        select(team_rounds).where(team_rounds.c.room_code == code).order_by(team_rounds.c.number)
    )
    return [TeamRound(number=r.number, opened_at=r.opened_at, closed_at=r.closed_at) for r in rows]


def team_info(conn: Connection, row: Any) -> TeamRoomInfo:
    """TeamRoomInfo of a `rooms` row of kind team."""
    return TeamRoomInfo(room=room_info(row), rounds=read_rounds(conn, row.code))


def answer_from_row(row: Any) -> TeamAnswer:
    """TeamAnswer from a `team_answers` row."""
    return TeamAnswer(
        round_number=row.round_number,
        ml=row.ml,
        swe=row.swe,
        comm=row.comm,
        method=row.method,
        answers=json.loads(row.answers) if row.answers else None,
        updated_at=row.updated_at,
    )


def checked_round(info: TeamRoomInfo, asked: int | None) -> int:
    if asked is None:
        return info.current.number
    if isinstance(asked, bool) or not isinstance(asked, int) or not 1 <= asked <= len(info.rounds):
        raise RoundNotFound(info.code, asked, len(info.rounds))
    return asked


def _members(conn: Connection, code: str, number: int) -> list[TeamMember]:
    members = conn.execute(
        select(team_members.c.member_id, team_members.c.name)
        .where(team_members.c.room_code == code)
        .order_by(team_members.c.member_id)
    ).all()
    answers = {
        r.member_id: answer_from_row(r)
        for r in conn.execute(
            select(team_answers).where(
                team_answers.c.room_code == code, team_answers.c.round_number == number
            )
        )
    }
    ratings = {
        r.member_id: ManagerRating(ml=r.ml, swe=r.swe, comm=r.comm, updated_at=r.updated_at)
        for r in conn.execute(
            select(team_ratings).where(
                team_ratings.c.room_code == code, team_ratings.c.round_number == number
            )
        )
    }
    return [
        TeamMember(
            member_id=m.member_id,
            name=m.name,
            answer=answers.get(m.member_id),
            rating=ratings.get(m.member_id),
        )
        for m in members
    ]


def team_snapshot(
    *,
    room: str,
    key: str,
    round_number: int | None = None,
    device: str | None = None,
    address: str | None = None,
    engine: Engine | None = None,
) -> TeamSnapshot:
    """Every member of the team room with their answer and the manager's rating in one round
    (default: the current one), read together. Needs the manager key: WrongKey otherwise, or,
    with the client's `address`, WrongCodeOrKey as in `open_room` (misses count)."""
    code = codes.normalise_code(room)
    eng = ready(engine)
    if address is not None:
        open_room(room=code, key=key, kind=KIND, device=device, address=address, engine=eng)
    with begin_read(eng) as conn:
        row = load_room(conn, code, kind=KIND)
        if not codes.secret_matches(key, row.key_hash):
            raise WrongKey(code, kind=KIND)
        info = team_info(conn, row)
        number = checked_round(info, round_number)
        return TeamSnapshot(info=info, round_number=number, members=_members(conn, code, number))


def open_team_room(
    *,
    room: str,
    key: str,
    device: str | None = None,
    address: str | None = None,
    engine: Engine | None = None,
) -> TeamRoomInfo:
    """Check the team code and manager key as `open_room` does (one message for an unknown
    code, a workshop code and a wrong key; misses count) and record the use, which keeps the
    room for another `keep_days`: what "Load answers" does once."""
    eng = ready(engine)
    info = open_room(room=room, key=key, kind=KIND, device=device, address=address, engine=eng)
    with begin_write(eng) as conn:
        row = require_key(conn, info.code, key, kind=KIND)
        touch(conn, row, _now())
        return team_info(conn, load_room(conn, row.code, kind=KIND))


def get_team_room(
    *,
    room: str,
    device: str | None = None,
    address: str | None = None,
    engine: Engine | None = None,
) -> TeamRoomInfo:
    """The team room's title and rounds (what a member's page needs), or RoomNotFound; with
    an `address`, unknown codes count toward the back-off of `device` and the address."""
    code = codes.normalise_code(room)
    eng = ready(engine)
    try:
        with begin_read(eng) as conn:
            limits.check(conn, limits.CODES, _now(), device=device, address=address)
            return team_info(conn, load_room(conn, code, kind=KIND))
    except RoomNotFound:
        record_miss(eng, limits.CODES, device=device, address=address)
        raise
