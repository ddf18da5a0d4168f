"""Tables and migrations. `migrate` is safe to re-run and safe when two servers start at once.

Migrations are an ordered list; the `schema_version` table records which ones ran. To change the
schema, append a function to `MIGRATIONS` (never edit one that has shipped).
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Connection,
    DateTime,
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    UniqueConstraint,
    func,
    inspect,
    select,
    text,
)
from sqlalchemy.types import TypeDecorator

from store.engine import begin_write, configure_sqlite, default_engine
from store.errors import StoreConfigError

SUPPORTED = ("sqlite", "postgresql")
# Any constant works; it only has to be the same in every server so migrations queue.
_PG_MIGRATION_LOCK = 7_240_511


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC in Python on every backend (SQLite stores naive UTC text)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("applied_at", UTCDateTime, nullable=False),
)

rooms = Table(
    "rooms",
    metadata,
    Column("code", String(6), primary_key=True),
    Column("title", String(80), nullable=False),
    Column("key_hash", String(64), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("locked", Boolean, nullable=False, default=False),
    Column("hidden", Boolean, nullable=False, default=False),
    Column("show_names", Boolean, nullable=False, default=False),
    Column("capacity", Integer, nullable=False),
    # Added in v2. Every change to the room or its entries bumps `version`, so a projector
    # can tell "nothing changed" from one small read; `screen` is what the projector shows;
    # `kind` leaves room for other kinds of rooms (e.g. private team rooms).
    Column("version", Integer, nullable=False, server_default="0"),
    Column("screen", String(8), nullable=False, server_default="join"),
    Column("kind", String(16), nullable=False, server_default="workshop"),
    CheckConstraint("capacity >= 1", name="ck_rooms_capacity"),
)
Index("ix_rooms_expires_at", rooms.c.expires_at)

entries = Table(
    "entries",
    metadata,
    Column("entry_id", Integer, primary_key=True),
    Column(
        "room_code",
        String(6),
        ForeignKey("rooms.code", ondelete="CASCADE"),
        nullable=False,
    ),
    # sha256 of the participant token: a leaked database does not let anyone edit an entry.
    Column("participant_hash", String(64), nullable=False),
    Column("name", String(40), nullable=True),
    Column("ml", Float, nullable=False),
    Column("swe", Float, nullable=False),
    Column("comm", Float, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    # Rate limit kept in the row so it holds across servers: start and size of the current window.
    Column("window_start", UTCDateTime, nullable=False),
    Column("window_count", Integer, nullable=False),
    UniqueConstraint("room_code", "participant_hash", name="uq_entries_room_participant"),
    CheckConstraint("ml >= 0 AND ml <= 10", name="ck_entries_ml"),
    CheckConstraint("swe >= 0 AND swe <= 10", name="ck_entries_swe"),
    CheckConstraint("comm >= 0 AND comm <= 10", name="ck_entries_comm"),
    # SQLite would otherwise reuse the id of a deleted last row; a stale "remove" must miss.
    sqlite_autoincrement=True,
)


# Abuse limits, counted in the database so they hold across servers. `subject` is a hash of what
# is limited (a client address, a room), never the address itself.
hits = Table(
    "limit_hits",
    metadata,
    Column("kind", String(16), primary_key=True),
    Column("subject", String(64), primary_key=True),
    Column("window_start", Integer, primary_key=True, autoincrement=False),
    Column("count", Integer, nullable=False),
)
Index("ix_limit_hits_window_start", hits.c.window_start)

misses = Table(
    "limit_misses",
    metadata,
    Column("kind", String(16), primary_key=True),
    Column("subject", String(64), primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("last_failure", UTCDateTime, nullable=False),
    Column("blocked_until", UTCDateTime, nullable=False),
)

# Server-wide values that every replica must share (e.g. the key of device hashes).
settings = Table(
    "settings",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("value", String(128), nullable=False),
)


def _v1_rooms_and_entries(conn: Connection) -> None:
    for table in (rooms, entries):
        table.create(conn, checkfirst=True)


def _v2_versions_screens_limits(conn: Connection) -> None:
    # v1 creates `rooms` from today's table, so on a new database the columns are already there.
    have = {c["name"] for c in inspect(conn).get_columns("rooms")}
    added = {
        "version": "INTEGER NOT NULL DEFAULT 0",
        "screen": "VARCHAR(8) NOT NULL DEFAULT 'join'",
        "kind": "VARCHAR(16) NOT NULL DEFAULT 'workshop'",
    }
    for name, ddl in added.items():
        if name not in have:
            conn.execute(text(f"ALTER TABLE rooms ADD COLUMN {name} {ddl}"))
    for table in (hits, misses, settings):
        table.create(conn, checkfirst=True)


MIGRATIONS: list[Callable[[Connection], None]] = [
    _v1_rooms_and_entries,
    _v2_versions_screens_limits,
]

_MIGRATED: weakref.WeakSet[Engine] = weakref.WeakSet()
_MIGRATE_LOCK = threading.Lock()


def migrate(engine: Engine) -> int:
    """Create or upgrade the schema to the latest version and return that version."""
    if engine.dialect.name not in SUPPORTED:
        raise StoreConfigError(
            f"The room store supports SQLite and PostgreSQL, not {engine.dialect.name!r}. "
            "Set SKILLS_MAP_DATABASE_URL to sqlite:///path or postgresql+psycopg://..."
        )
    if engine.dialect.name == "sqlite":
        configure_sqlite(engine)
    with begin_write(engine) as conn:
        if engine.dialect.name == "postgresql":
            # Two servers starting together must not both create the tables.
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_MIGRATION_LOCK})
        schema_version.create(conn, checkfirst=True)
        current = conn.execute(select(func.max(schema_version.c.version))).scalar() or 0
        for version, step in enumerate(MIGRATIONS, start=1):
            if version > current:
                step(conn)
                conn.execute(
                    schema_version.insert().values(version=version, applied_at=datetime.now(UTC))
                )
    return len(MIGRATIONS)


def ready(engine: Engine | None) -> Engine:
    """The engine to use (default if None), migrated once per engine per process."""
    engine = engine if engine is not None else default_engine()
    if engine in _MIGRATED:
        return engine
    with _MIGRATE_LOCK:
        if engine not in _MIGRATED:
            migrate(engine)
            _MIGRATED.add(engine)
    return engine
