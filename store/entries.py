"""Participants' entries: submit (one row per device), read back, snapshot and export."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pandas as pd
from pydantic import ValidationError
from sqlalchemy import Connection, Engine, bindparam, case, func, select
from sqlalchemy.dialects import postgresql, sqlite

from roles.caching import memoize
from roles.catalog import load_catalog
from roles.export import safe_csv
from roles.i18n import Msg
from roles.match import match_many
from roles.models import Profile
from roles.settings import settings
from store import codes, limits
from store.access import record_miss
from store.engine import begin_read, begin_write
from store.errors import InvalidSubmission, RateLimited, RoomFull, RoomLocked, RoomNotFound
from store.migrations import ready
from store.models import Entry, RoomInfo, Snapshot
from store.rooms import bump, load_room, require_key, room_info
from store.schema import entries
from store.text import clean_name

CSV_COLUMNS = ["name", "ml", "swe", "comm", "best_role", "updated_at"]
_ENTRY_FIELDS = (
    entries.c.entry_id,
    entries.c.name,
    entries.c.ml,
    entries.c.swe,
    entries.c.comm,
    entries.c.updated_at,
    entries.c.created_at,
)


def rate_settings() -> tuple[int, float]:
    """Most submissions per device and the window they are counted in (the settings)."""
    config = settings()
    return config.rate_limit, config.rate_window_seconds


def as_profile(profile: Any) -> Profile:
    """Scores as a Profile, else InvalidSubmission (a forged or broken request)."""
    if isinstance(profile, Profile):
        return profile
    try:
        return Profile.model_validate(profile)
    except ValidationError:
        raise InvalidSubmission(Msg("Each score must be a number from 0 to 10.")) from None


def _entry(row: Any) -> Entry:
    return Entry(
        entry_id=row.entry_id,
        name=row.name,
        ml=row.ml,
        swe=row.swe,
        comm=row.comm,
        updated_at=row.updated_at,
        joined_at=row.created_at,
    )


@memoize(maxsize=4)
def _upsert_statement(dialect_name: str) -> Any:
    """The upsert, built once per dialect (building it costs more than running it)."""
    dialect = postgresql if dialect_name == "postgresql" else sqlite
    columns = (
        "room_code",
        "participant_hash",
        "name",
        "ml",
        "swe",
        "comm",
        "created_at",
        "updated_at",
        "window_start",
    )
    stmt = dialect.insert(entries).values(
        {**{c: bindparam(c, type_=entries.c[c].type) for c in columns}, "window_count": 1}
    )
    new = stmt.excluded
    # Same window while it started after the cutoff, else a fresh one starting now.
    same = entries.c.window_start > bindparam("cutoff", type_=entries.c.window_start.type)
    stmt = stmt.on_conflict_do_update(
        index_elements=[entries.c.room_code, entries.c.participant_hash],
        set_={
            "name": new.name,
            "ml": new.ml,
            "swe": new.swe,
            "comm": new.comm,
            "updated_at": new.updated_at,
            "window_start": case((same, entries.c.window_start), else_=new.window_start),
            "window_count": case((same, entries.c.window_count + 1), else_=1),
        },
    )
    return stmt.returning(*_ENTRY_FIELDS, entries.c.window_start, entries.c.window_count)


def _upsert(conn: Connection, values: dict[str, Any], window: float) -> Any:
    """Insert the entry or update this participant's row, counting the submission."""
    cutoff = values["updated_at"] - timedelta(seconds=window)
    return conn.execute(_upsert_statement(conn.dialect.name), {**values, "cutoff": cutoff}).one()


def _admit_if_new(
    conn: Connection, room: Any, who: str, address: str | None, now: datetime
) -> None:
    """A first answer from this participant takes a place: RoomFull, or the per-address limit."""
    mine = (entries.c.room_code == room.code) & (entries.c.participant_hash == who)
    if conn.execute(select(entries.c.entry_id).where(mine)).first() is not None:
        return
    taken = conn.execute(select(func.count()).where(entries.c.room_code == room.code)).scalar()
    if (taken or 0) >= room.capacity:
        raise RoomFull(room.code, room.capacity)
    limits.count(conn, limits.JOINS, address, now)


def submit(
    *,
    room: str,
    participant: str,
    profile: Profile,
    name: str | None,
    address: str | None = None,
    engine: Engine | None = None,
) -> Entry:
    """Save this participant's answer in the room: their one entry is created or replaced.

    `participant` identifies the device (see `codes.device_id`); `address` is the client's,
    for the per-address limits on answers and new participants (TooManyRequests when over).
    """
    code = codes.normalise_code(room)
    if not codes.is_participant_token(participant):
        raise InvalidSubmission(
            Msg("This device's answer link is damaged; open the join link again.")
        )
    scores, clean = as_profile(profile), clean_name(name)
    who = codes.hash_secret(participant)
    limit, window = rate_settings()
    with begin_write(ready(engine)) as conn:
        # Locking the room row queues a room's submissions, so capacity and locking hold exactly.
        row = load_room(conn, code, lock=True)
        if row.locked:
            raise RoomLocked(code)
        now = datetime.now(UTC)
        limits.count(conn, limits.SUBMITS, address, now)
        _admit_if_new(conn, row, who, address, now)
        saved = _upsert(
            conn,
            {
                "room_code": code,
                "participant_hash": who,
                "name": clean,
                **scores.as_dict(),
                "created_at": now,
                "updated_at": now,
                "window_start": now,
            },
            window,
        )
        if saved.window_count > limit:
            # Raising rolls the transaction back: the refused answer changes nothing.
            retry = (saved.window_start + timedelta(seconds=window) - now).total_seconds()
            raise RateLimited(retry)
        bump(conn, code)
        return _entry(saved)


def _own_entry(conn: Connection, code: str, participant: str) -> Entry | None:
    if not codes.is_participant_token(participant):
        return None
    row = conn.execute(
        select(*_ENTRY_FIELDS).where(
            entries.c.room_code == code,
            entries.c.participant_hash == codes.hash_secret(participant),
        )
    ).first()
    return None if row is None else _entry(row)


def get_entry(*, room: str, participant: str, engine: Engine | None = None) -> Entry | None:
    """This participant's entry in the room, or None if they have not submitted."""
    code = codes.normalise_code(room)
    with begin_read(ready(engine)) as conn:
        load_room(conn, code)
        return _own_entry(conn, code, participant)


def get_room_and_entry(
    *, room: str, participant: str, address: str | None = None, engine: Engine | None = None
) -> tuple[RoomInfo, Entry | None]:
    """The room (as `get_room`: with an `address`, misses count toward the back-off of this
    participant's device and of the address) and this participant's entry, in one read: what
    the Join page needs on every run."""
    code = codes.normalise_code(room)
    eng = ready(engine)
    try:
        with begin_read(eng) as conn:
            now = datetime.now(UTC)
            limits.check(conn, limits.CODES, now, device=participant, address=address)
            info = room_info(load_room(conn, code))
            return info, _own_entry(conn, code, participant)
    except RoomNotFound:
        record_miss(eng, limits.CODES, device=participant, address=address)
        raise


def _all_entries(conn: Connection, code: str) -> list[Entry]:
    rows = conn.execute(
        select(*_ENTRY_FIELDS).where(entries.c.room_code == code).order_by(entries.c.entry_id)
    )
    return [_entry(r) for r in rows]


def room_snapshot(*, room: str, engine: Engine | None = None) -> Snapshot:
    """The room and all its entries (oldest first), read together from the database."""
    code = codes.normalise_code(room)
    with begin_read(ready(engine)) as conn:
        info = room_info(load_room(conn, code))
        return Snapshot(room=info, entries=_all_entries(conn, code))


def export_csv(*, room: str, key: str, engine: Engine | None = None) -> bytes:
    """The room's entries as CSV (name, scores, best-fitting role, time), safe for spreadsheets."""
    code = codes.normalise_code(room)
    with begin_read(ready(engine)) as conn:
        require_key(conn, code, key, lock=False)
        rows = _all_entries(conn, code)
    frame = pd.DataFrame(
        {
            "name": [e.name or "" for e in rows],
            "ml": [e.ml for e in rows],
            "swe": [e.swe for e in rows],
            "comm": [e.comm for e in rows],
            "updated_at": [e.updated_at.isoformat(timespec="seconds") for e in rows],
        },
        columns=["name", "ml", "swe", "comm", "updated_at"],
    )
    catalog = load_catalog()
    names = {r.id: r.name for r in catalog.roles}
    best = match_many(frame, catalog)["best_role"] if rows else pd.Series([], dtype=object)
    frame["best_role"] = [names[b] for b in best]
    return safe_csv(frame[CSV_COLUMNS])
