"""Rooms: create, look up, and the facilitator's actions (each one checks the key first)."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, delete, exists, select, update
from sqlalchemy.exc import IntegrityError

from store import codes, limits
from store.engine import begin_read, begin_write, checkpoint
from store.errors import InvalidRoomSettings, RoomNotFound, WrongKey
from store.models import CreatedRoom, RoomInfo
from store.schema import entries, ready, rooms
from store.text import clean_title

ENV_TTL = "SKILLS_MAP_ROOM_TTL_DAYS"
ENV_CAPACITY = "SKILLS_MAP_ROOM_CAPACITY"
DEFAULT_TTL_DAYS = 7.0
DEFAULT_CAPACITY = 2000
MAX_TTL_DAYS = 366.0
MAX_CAPACITY = 100_000
_CODE_ATTEMPTS = 20
_ROOM_FIELDS = (
    "code",
    "title",
    "created_at",
    "expires_at",
    "locked",
    "hidden",
    "show_names",
    "capacity",
    "version",
    "screen",
    "kind",
)
SCREENS = ("join", "map")


def _now() -> datetime:
    return datetime.now(UTC)


def _env_number(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return float(raw)
    except ValueError:
        message = f"{name}={raw!r} is not a number; unset it or give a number."
        raise InvalidRoomSettings(message) from None


def _settings(title: str, ttl_days: float | None, capacity: int | None) -> tuple[str, float, int]:
    clean = clean_title(title)
    ttl = _env_number(ENV_TTL, DEFAULT_TTL_DAYS) if ttl_days is None else float(ttl_days)
    if not 0 < ttl <= MAX_TTL_DAYS:
        raise InvalidRoomSettings(f"A room lives more than 0 and at most {MAX_TTL_DAYS:g} days.")
    cap = _env_number(ENV_CAPACITY, DEFAULT_CAPACITY) if capacity is None else capacity
    if cap != int(cap) or not 1 <= cap <= MAX_CAPACITY:
        raise InvalidRoomSettings(f"A room holds 1 to {MAX_CAPACITY} participants.")
    return clean, ttl, int(cap)


def room_info(row: Any) -> RoomInfo:
    """RoomInfo from a `rooms` row."""
    return RoomInfo(**{f: getattr(row, f) for f in _ROOM_FIELDS})


def load_room(conn: Connection, code: str, *, lock: bool = False) -> Any:
    """The room's row (locked for update on PostgreSQL if asked), or RoomNotFound if expired."""
    query = select(rooms).where(rooms.c.code == code)
    row = conn.execute(query.with_for_update() if lock else query).first()
    if row is None or row.expires_at <= _now():
        raise RoomNotFound(code)
    return row


def bump(conn: Connection, code: str) -> None:
    """Record that the room or its entries changed (projectors redraw on a new version)."""
    conn.execute(update(rooms).where(rooms.c.code == code).values(version=rooms.c.version + 1))


def record_miss(engine: Engine, backoff: limits.Backoff, address: str | None) -> None:
    """Count a miss toward `address`'s back-off, in a transaction of its own."""
    try:
        with begin_write(engine) as conn:
            limits.record_miss(conn, backoff, address, _now())
    except IntegrityError:
        pass  # a simultaneous miss from the same address was recorded instead


def require_key(conn: Connection, code: str, key: str | None, *, lock: bool = True) -> Any:
    """The room row (locked for the change) if `key` opens it, else WrongKey; nothing changes."""
    row = load_room(conn, code, lock=lock)
    if not codes.secret_matches(key, row.key_hash):
        raise WrongKey(code)
    return row


def create_room(
    *,
    title: str,
    ttl_days: float | None = None,
    capacity: int | None = None,
    address: str | None = None,
    engine: Engine | None = None,
) -> CreatedRoom:
    """A new room with a unique code and a facilitator key (returned once, stored as a hash).

    `address` is the client's, for the rooms-per-hour limit (TooManyRequests when over).
    """
    clean, ttl, cap = _settings(title, ttl_days, capacity)
    eng = ready(engine)
    purge_expired(engine=eng)
    key = codes.new_key()
    for _ in range(_CODE_ATTEMPTS):
        now = _now()
        values = {
            "code": codes.new_room_code(),
            "title": clean,
            "key_hash": codes.hash_secret(key),
            "created_at": now,
            "expires_at": now + timedelta(days=ttl),
            "locked": False,
            "hidden": False,
            "show_names": False,
            "capacity": cap,
            "version": 0,
            "screen": "join",
            "kind": "workshop",
        }
        try:
            with begin_write(eng) as conn:
                limits.count(conn, limits.ROOMS, address, now)
                conn.execute(rooms.insert().values(**values))
        except IntegrityError:
            continue  # the code is taken: draw another
        return CreatedRoom(room=RoomInfo(**{f: values[f] for f in _ROOM_FIELDS}), key=key)
    raise InvalidRoomSettings("Could not find a free room code; try again.")


def get_room(*, room: str, address: str | None = None, engine: Engine | None = None) -> RoomInfo:
    """The room's settings, or RoomNotFound if it is unknown or past its end date.

    With the client's `address`, codes that do not exist count toward its back-off
    (TooManyRequests while it must wait), so codes cannot be guessed quickly.
    """
    code = codes.normalise_code(room)
    eng = ready(engine)
    try:
        with begin_read(eng) as conn:
            limits.check(conn, limits.CODES, address, _now())
            return room_info(load_room(conn, code))
    except RoomNotFound:
        record_miss(eng, limits.CODES, address)
        raise


def room_version(*, room: str, engine: Engine | None = None) -> int:
    """The room's version (one small read), or RoomNotFound if it is gone."""
    code = codes.normalise_code(room)
    with begin_read(ready(engine)) as conn:
        row = conn.execute(
            select(rooms.c.version, rooms.c.expires_at).where(rooms.c.code == code)
        ).first()
    if row is None or row.expires_at <= _now():
        raise RoomNotFound(code)
    return int(row.version)


def check_key(
    *, room: str, key: str, address: str | None = None, engine: Engine | None = None
) -> bool:
    """True if `key` is this room's facilitator key (RoomNotFound if there is no such room).

    With the client's `address`, wrong keys count toward its back-off (TooManyRequests).
    """
    code = codes.normalise_code(room)
    eng = ready(engine)
    with begin_read(eng) as conn:
        limits.check(conn, limits.KEYS, address, _now())
        ok = codes.secret_matches(key, load_room(conn, code).key_hash)
    if not ok:
        record_miss(eng, limits.KEYS, address)
    return ok


def set_room_state(
    *,
    room: str,
    key: str,
    locked: bool | None = None,
    hidden: bool | None = None,
    show_names: bool | None = None,
    screen: str | None = None,
    engine: Engine | None = None,
) -> RoomInfo:
    """Lock/unlock, hide/reveal, show/hide names or switch the projector's screen.

    Only what is given changes. Locking also checkpoints an SQLite store, so the answers so far
    are in the main file and not only in its write-ahead log.
    """
    code = codes.normalise_code(room)
    changes: dict[str, object] = {
        name: bool(value)
        for name, value in (("locked", locked), ("hidden", hidden), ("show_names", show_names))
        if value is not None
    }
    if screen is not None:
        if screen not in SCREENS:
            raise InvalidRoomSettings(f"The projector shows one of {', '.join(SCREENS)}.")
        changes["screen"] = screen
    eng = ready(engine)
    with begin_write(eng) as conn:
        require_key(conn, code, key)
        if changes:
            conn.execute(update(rooms).where(rooms.c.code == code).values(**changes))
            bump(conn, code)
        info = room_info(load_room(conn, code))
    if locked:
        checkpoint(engine=eng)
    return info


def remove_entry(*, room: str, key: str, entry_id: int, engine: Engine | None = None) -> bool:
    """Delete one entry of this room; False if the room has no such entry."""
    code = codes.normalise_code(room)
    with begin_write(ready(engine)) as conn:
        require_key(conn, code, key)
        gone = conn.execute(
            delete(entries).where(entries.c.room_code == code, entries.c.entry_id == entry_id)
        )
        bump(conn, code)
        return gone.rowcount > 0


def clear_room(*, room: str, key: str, engine: Engine | None = None) -> int:
    """Delete every entry of the room (the room stays open); returns how many went."""
    code = codes.normalise_code(room)
    with begin_write(ready(engine)) as conn:
        require_key(conn, code, key)
        bump(conn, code)
        return conn.execute(delete(entries).where(entries.c.room_code == code)).rowcount


def delete_room(*, room: str, key: str, engine: Engine | None = None) -> None:
    """Delete the room and all its entries now (and checkpoint an SQLite store)."""
    code = codes.normalise_code(room)
    eng = ready(engine)
    with begin_write(eng) as conn:
        require_key(conn, code, key)
        conn.execute(delete(entries).where(entries.c.room_code == code))
        conn.execute(delete(rooms).where(rooms.c.code == code))
    checkpoint(engine=eng)


def purge_expired(*, now: datetime | None = None, engine: Engine | None = None) -> int:
    """Delete rooms past their end date with their entries, and old limit counts.

    Returns how many rooms went. The server runs this on a schedule (see `serving.lifespan`).
    """
    cutoff = now or _now()
    with begin_write(ready(engine)) as conn:
        limits.purge(conn, cutoff)
        expired = select(rooms.c.code).where(rooms.c.expires_at <= cutoff)
        if not conn.execute(select(exists(expired))).scalar():
            return 0
        conn.execute(delete(entries).where(entries.c.room_code.in_(expired)))
        return conn.execute(delete(rooms).where(rooms.c.expires_at <= cutoff)).rowcount
