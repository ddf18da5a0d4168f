"""Looking a room up from a code someone typed, and taking a room with its code and key.

Every look-up from a page goes through the back-off (`store.limits`): a miss counts toward the
device's and the address's, and while either must wait no room is found, existing or not.
Taking a room with a code and key (Host, Team) says the same for an unknown code, a code of
the other kind and a wrong key. A caller without an address (the CLI, or a page that already
looked the code up) is trusted: nothing is checked or counted.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from store import codes, limits
from store.engine import begin_read, begin_write
from store.errors import RoomNotFound, WrongCodeOrKey
from store.migrations import ready
from store.models import RoomInfo
from store.rooms import load_room, room_info


def _now() -> datetime:
    return datetime.now(UTC)


def record_miss(
    engine: Engine, backoff: limits.Backoff, *, device: str | None, address: str | None
) -> None:
    """Count a miss toward the device's and the address's back-off, in a transaction of its
    own (nothing without an address: a trusted caller)."""
    if address is None:
        return
    try:
        with begin_write(engine) as conn:
            limits.record_miss(conn, backoff, _now(), device=device, address=address)
    except IntegrityError:
        pass  # a simultaneous miss from the same device or address was recorded instead


def get_room(
    *,
    room: str,
    device: str | None = None,
    address: str | None = None,
    engine: Engine | None = None,
) -> RoomInfo:
    """The workshop room's settings, or RoomNotFound if it is unknown or past its end date.

    With the client's `address` (and its `device`: its participant id), codes that do not exist
    count toward their back-off (TooManyRequests while they must wait), so codes cannot be
    guessed quickly; a page that already opened this code passes neither.
    """
    code = codes.normalise_code(room)
    eng = ready(engine)
    try:
        with begin_read(eng) as conn:
            limits.check(conn, limits.CODES, _now(), device=device, address=address)
            return room_info(load_room(conn, code))
    except RoomNotFound:
        record_miss(eng, limits.CODES, device=device, address=address)
        raise


def check_key(*, room: str, key: str, kind: str = "workshop", engine: Engine | None = None) -> bool:
    """True if `key` is this room's key (RoomNotFound if there is no such room of this `kind`):
    a trusted caller's question, counted toward no back-off. Pages take a room with `open_room`.
    """
    code = codes.normalise_code(room)
    with begin_read(ready(engine)) as conn:
        return codes.secret_matches(key, load_room(conn, code, kind=kind).key_hash)


def open_room(
    *,
    room: str,
    key: str,
    kind: str = "workshop",
    device: str | None = None,
    address: str | None = None,
    engine: Engine | None = None,
) -> RoomInfo:
    """The room that this code and key open, for taking control of it from a typed code and
    key; else WrongCodeOrKey, the same whether the code is unknown, of the other kind of room,
    or the key is wrong, and each counts one miss toward the back-off of `device` and
    `address` (TooManyRequests while they must wait)."""
    code = codes.normalise_code(room)
    eng = ready(engine)
    with begin_read(eng) as conn:
        limits.check(conn, limits.KEYS, _now(), device=device, address=address)
        try:
            row = load_room(conn, code, kind=kind)
        except RoomNotFound:  # also a room of the other kind
            row = None
        if row is not None and codes.secret_matches(key, row.key_hash):
            return room_info(row)
    record_miss(eng, limits.KEYS, device=device, address=address)
    raise WrongCodeOrKey(code, kind=kind)
