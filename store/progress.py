"""Private progress records: one person's saved results, kept without an account.

A record is a room of kind "progress" (so codes, hashed keys, the wrong-key back-off, expiry and
backups are the rooms' own): no name, no e-mail, no device, only the points. It is kept
`SKILLS_MAP_PROGRESS_TTL_DAYS` (a year) after its last use; saving, reading and deleting need
its key, and every statement the key unlocks is filtered by the record's code.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, delete, func, select

from roles.i18n import Msg
from roles.models import FrozenModel
from roles.progress import MAX_POINTS, TOO_MANY, ProgressPoint
from roles.settings import settings
from store import codes
from store.access import open_room
from store.engine import begin_read, begin_write, checkpoint
from store.errors import InvalidSubmission
from store.migrations import ready
from store.models import CreatedRoom
from store.rooms import insert_room, load_room, require_key
from store.schema import progress_points, rooms
from store.teams import touch

KIND = "progress"
# `rooms.title` is required; a record has no name, so every record carries this one.
TITLE = "My progress"


class ProgressRecord(FrozenModel):
    """A record's code, when it will be deleted without use, and its points, oldest first."""

    code: str
    created_at: datetime
    expires_at: datetime
    keep_days: float
    points: list[ProgressPoint]


def _now() -> datetime:
    return datetime.now(UTC)


def _insert(conn: Connection, code: str, point: ProgressPoint) -> None:
    conn.execute(
        progress_points.insert().values(
            room_code=code, saved_at=point.saved_at, point=point.model_dump_json()
        )
    )


def _insert_all(conn: Connection, code: str, points: Sequence[ProgressPoint]) -> None:
    for point in points:
        _insert(conn, code, point)


def _record(conn: Connection, code: str) -> ProgressRecord:
    row = load_room(conn, code, kind=KIND)
    rows = conn.execute(
        select(progress_points.c.point)
        .where(progress_points.c.room_code == code)
        .order_by(progress_points.c.saved_at, progress_points.c.point_id)
    )
    return ProgressRecord(
        code=code,
        created_at=row.created_at,
        expires_at=row.expires_at,
        keep_days=float(row.keep_days),
        points=[ProgressPoint.model_validate_json(r.point) for r in rows],
    )


def keep_progress(
    *, points: Sequence[ProgressPoint], address: str | None = None, engine: Engine | None = None
) -> CreatedRoom:
    """A new progress record holding `points` (at least one: a file's, and today's), and its
    key (returned once, stored as a hash). `address` counts toward the rooms-per-hour limit."""
    if not 1 <= len(points) <= MAX_POINTS:
        raise InvalidSubmission(
            Msg("A progress record starts with 1 to {n} saved results.", n=MAX_POINTS)
        )
    keep = settings().progress_ttl_days
    return insert_room(
        title=TITLE,
        ttl_days=keep,
        capacity=1,
        kind=KIND,
        keep_days=keep,
        address=address,
        then=lambda conn, code, _now: _insert_all(conn, code, points),
        engine=engine,
    )


def _opened(
    code: str, key: str, device: str | None, address: str | None, engine: Engine | None
) -> tuple[str, Engine]:
    """The record's code and the engine, once the code and key are checked. With a client's
    address, a wrong code or key counts toward its back-off (as a manager's does) and is
    refused in one message whichever it was; a trusted caller (no address) skips this, and
    each statement below checks the key again."""
    room, eng = codes.normalise_code(code), ready(engine)
    if address is not None:
        open_room(room=room, key=key, kind=KIND, device=device, address=address, engine=eng)
    return room, eng


def read_progress(
    *,
    code: str,
    key: str,
    device: str | None = None,
    address: str | None = None,
    engine: Engine | None = None,
) -> ProgressRecord:
    """The record's points; opening it counts as a use (it is kept another year)."""
    room, eng = _opened(code, key, device, address, engine)
    with begin_write(eng) as conn:
        touch(conn, require_key(conn, room, key, kind=KIND), _now())
        return _record(conn, room)


def add_progress_point(
    *,
    code: str,
    key: str,
    point: ProgressPoint,
    device: str | None = None,
    address: str | None = None,
    engine: Engine | None = None,
) -> ProgressRecord:
    """Save one more dated point; InvalidSubmission once the record holds MAX_POINTS."""
    room, eng = _opened(code, key, device, address, engine)
    with begin_write(eng) as conn:
        row = require_key(conn, room, key, kind=KIND)
        held = conn.execute(
            select(func.count()).where(progress_points.c.room_code == room)
        ).scalar_one()
        if held >= MAX_POINTS:
            raise InvalidSubmission(TOO_MANY)
        _insert(conn, room, point)
        touch(conn, row, _now())
        return _record(conn, room)


def delete_progress(
    *,
    code: str,
    key: str,
    device: str | None = None,
    address: str | None = None,
    engine: Engine | None = None,
) -> int:
    """Delete the record and every point in it now; returns how many points went."""
    room, eng = _opened(code, key, device, address, engine)
    with begin_write(eng) as conn:
        require_key(conn, room, key, kind=KIND)
        gone = conn.execute(
            delete(progress_points).where(progress_points.c.room_code == room)
        ).rowcount
        conn.execute(delete(rooms).where(rooms.c.code == room))
    checkpoint(engine=eng)
    return int(gone)


def count_points(*, code: str, engine: Engine | None = None) -> int:
    """Points stored under a code, whatever its state (for tests and the operator)."""
    with begin_read(ready(engine)) as conn:
        return int(
            conn.execute(
                select(func.count()).where(progress_points.c.room_code == code)
            ).scalar_one()
        )
