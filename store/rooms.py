"""Rooms: create them, and the facilitator's actions (each one checks the key first); looking a room
up from a typed code is `store.access`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, delete, exists, select, update
from sqlalchemy.exc import IntegrityError

from roles.i18n import DEFAULT_LANG, Lang, Msg
from store import codes, limits
from store.engine import begin_read, begin_write, checkpoint
from store.errors import (
    InvalidRoomSettings,
    InvalidSubmission,
    RoomNotFound,
    WrongKey,
    WrongRoomKind,
)
from store.migrations import ready
from store.models import CreatedRoom, RoomInfo
from store.room_settings import (
    check_settings,
    projector_lang,
)
from store.schema import ROOM_CHILDREN, entries, rooms

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
    "keep_days",
    "lang",
)
SCREENS = ("join", "map")


def _now() -> datetime:
    return datetime.now(UTC)


def room_info(row: Any) -> RoomInfo:
    """RoomInfo from a `rooms` row."""
    return RoomInfo(**{f: getattr(row, f) for f in _ROOM_FIELDS})


def load_room(conn: Connection, code: str, *, lock: bool = False, kind: str = "workshop") -> Any:
    """The room's row (locked for update on PostgreSQL if asked), or RoomNotFound if expired.

    A room of another kind is WrongRoomKind (a RoomNotFound): workshop pages never see a team
    room, and team pages never see a workshop.
    """
    query = select(rooms).where(rooms.c.code == code)
    row = conn.execute(query.with_for_update() if lock else query).first()
    if row is None or row.expires_at <= _now():
        raise RoomNotFound(code)
    if row.kind != kind:
        raise WrongRoomKind(code, found=row.kind, wanted=kind)
    return row


def bump(conn: Connection, code: str) -> None:
    """Record that the room or its entries changed (projectors redraw on a new version)."""
    conn.execute(update(rooms).where(rooms.c.code == code).values(version=rooms.c.version + 1))


def require_key(
    conn: Connection, code: str, key: str | None, *, lock: bool = True, kind: str = "workshop"
) -> Any:
    """The room row (locked for the change) if `key` opens it, else WrongKey; nothing changes."""
    row = load_room(conn, code, lock=lock, kind=kind)
    if not codes.secret_matches(key, row.key_hash):
        raise WrongKey(code, kind=kind)
    return row


def create_room(
    *,
    title: str,
    ttl_days: float | None = None,
    capacity: int | None = None,
    lang: str = DEFAULT_LANG,
    address: str | None = None,
    engine: Engine | None = None,
) -> CreatedRoom:
    """A new room with a unique code and a facilitator key (returned once, stored as a hash).

    `lang` is the projector's language; `address` is the client's, for the rooms-per-hour
    limit (TooManyRequests when over).
    """
    clean, ttl, cap = check_settings(title, ttl_days, capacity)
    return insert_room(
        title=clean,
        ttl_days=ttl,
        capacity=cap,
        lang=projector_lang(lang),
        address=address,
        engine=engine,
    )


def insert_room(
    *,
    title: str,
    ttl_days: float,
    capacity: int,
    kind: str = "workshop",
    keep_days: float | None = None,
    lang: Lang = DEFAULT_LANG,
    address: str | None = None,
    then: Callable[[Connection, str, datetime], None] | None = None,
    engine: Engine | None = None,
) -> CreatedRoom:
    """Insert a room of `kind` with checked settings under a free code; `then(conn, code, now)`
    adds what else the new room needs in the same transaction."""
    eng = ready(engine)
    purge_expired(engine=eng)
    key = codes.new_key()
    for _ in range(_CODE_ATTEMPTS):
        now, code = _now(), codes.new_room_code()
        values = {
            "code": code,
            "title": title,
            "key_hash": codes.hash_secret(key),
            "created_at": now,
            "expires_at": now + timedelta(days=ttl_days),
            "locked": False,
            "hidden": False,
            "show_names": False,
            "capacity": capacity,
            "version": 0,
            "screen": "join",
            "kind": kind,
            "keep_days": keep_days,
            "lang": lang,
        }
        try:
            with begin_write(eng) as conn:
                limits.count(conn, limits.ROOMS, address, now)
                conn.execute(rooms.insert().values(**values))
                if then is not None:
                    then(conn, code, now)
        except IntegrityError:
            continue  # the code is taken: draw another
        return CreatedRoom(room=RoomInfo(**{f: values[f] for f in _ROOM_FIELDS}), key=key)
    raise InvalidRoomSettings(Msg("Could not find a free room code; try again."))


def room_version(*, room: str, kind: str = "workshop", engine: Engine | None = None) -> int:
    """The room's version (one small read), or RoomNotFound if it is gone (or of another kind)."""
    code = codes.normalise_code(room)
    with begin_read(ready(engine)) as conn:
        row = conn.execute(
            select(rooms.c.version, rooms.c.expires_at, rooms.c.kind).where(rooms.c.code == code)
        ).first()
    if row is None or row.expires_at <= _now():
        raise RoomNotFound(code)
    if row.kind != kind:
        raise WrongRoomKind(code, found=row.kind, wanted=kind)
    return int(row.version)


def set_room_state(
    *,
    room: str,
    key: str,
    locked: bool | None = None,
    hidden: bool | None = None,
    show_names: bool | None = None,
    screen: str | None = None,
    lang: str | None = None,
    engine: Engine | None = None,
) -> RoomInfo:
    """Lock/unlock, hide/reveal, show/hide names, switch the projector's screen or language.

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
            raise InvalidRoomSettings(
                Msg("The projector shows one of {screens}.", screens=", ".join(SCREENS))
            )
        changes["screen"] = screen
    if lang is not None:
        changes["lang"] = projector_lang(lang)
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
    if isinstance(entry_id, bool) or not isinstance(entry_id, int):
        # A forged request may send anything as the id.
        raise InvalidSubmission(Msg("That entry is no longer in this room."))
    with begin_write(ready(engine)) as conn:
        require_key(conn, code, key)
        gone = conn.execute(
            delete(entries).where(entries.c.room_code == code, entries.c.entry_id == entry_id)
        )
        bump(conn, code)
        return gone.rowcount > 0


def remove_entries_since(
    *, room: str, key: str, since: datetime, engine: Engine | None = None
) -> int:
    """Delete every entry of the room that joined at or after `since` (a flood of fake
    participants, in one action); entries that joined before stay. Returns how many went."""
    if since.tzinfo is None:
        raise InvalidRoomSettings(Msg("The time to remove entries from needs a time zone."))
    code = codes.normalise_code(room)
    with begin_write(ready(engine)) as conn:
        require_key(conn, code, key)
        gone = conn.execute(
            delete(entries).where(entries.c.room_code == code, entries.c.created_at >= since)
        ).rowcount
        if gone:
            bump(conn, code)
        return gone


def clear_room(*, room: str, key: str, engine: Engine | None = None) -> int:
    """Delete every entry of the room (the room stays open); returns how many went."""
    code = codes.normalise_code(room)
    with begin_write(ready(engine)) as conn:
        require_key(conn, code, key)
        bump(conn, code)
        return conn.execute(delete(entries).where(entries.c.room_code == code)).rowcount


def delete_room(
    *, room: str, key: str, kind: str = "workshop", engine: Engine | None = None
) -> None:
    """Delete the room and everything in it now (and checkpoint an SQLite store)."""
    code = codes.normalise_code(room)
    eng = ready(engine)
    with begin_write(eng) as conn:
        require_key(conn, code, key, kind=kind)
        for table in (*ROOM_CHILDREN, entries):
            conn.execute(delete(table).where(table.c.room_code == code))
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
        for table in (*ROOM_CHILDREN, entries):
            conn.execute(delete(table).where(table.c.room_code.in_(expired)))
        return conn.execute(delete(rooms).where(rooms.c.expires_at <= cutoff)).rowcount
