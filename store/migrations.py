"""Migrations: `migrate` brings a database to the tables of `store.schema`, and is safe to re-run
and safe when two servers start at once.

Migrations are an ordered list; the `schema_version` table records which ones ran. To change the
schema, append a function to `MIGRATIONS` (never edit one that has shipped).
"""

from __future__ import annotations

import secrets
import threading
import weakref
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, func, inspect, select, text

from roles.i18n import Msg
from store.engine import begin_write, configure_sqlite, default_engine
from store.errors import StoreConfigError
from store.schema import (
    HASH_KEY,
    entries,
    hits,
    misses,
    progress_points,
    rooms,
    schema_version,
    settings,
    team_answers,
    team_members,
    team_ratings,
    team_rounds,
)

SUPPORTED = ("sqlite", "postgresql")
# Any constant works; it only has to be the same in every server so migrations queue.
_PG_MIGRATION_LOCK = 7_240_511


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


def _v3_team_rooms(conn: Connection) -> None:
    have = {c["name"] for c in inspect(conn).get_columns("rooms")}
    if "keep_days" not in have:
        conn.execute(text("ALTER TABLE rooms ADD COLUMN keep_days FLOAT"))
    for table in (team_members, team_rounds, team_answers, team_ratings):
        table.create(conn, checkfirst=True)


def _v4_projector_language(conn: Connection) -> None:
    # After main's v3 (team rooms, shipped first), so every existing database runs one chain.
    if "lang" not in {c["name"] for c in inspect(conn).get_columns("rooms")}:
        conn.execute(text("ALTER TABLE rooms ADD COLUMN lang VARCHAR(8) NOT NULL DEFAULT 'en'"))


def _v5_hash_key(conn: Connection) -> None:
    # Limits store addresses as keyed hashes; their key must exist before the first request
    # (it may already: device ids made it on first use before this version).
    found = conn.execute(select(settings.c.name).where(settings.c.name == HASH_KEY)).first()
    if found is None:
        conn.execute(settings.insert().values(name=HASH_KEY, value=secrets.token_hex(32)))


def _v6_progress_records(conn: Connection) -> None:
    progress_points.create(conn, checkfirst=True)


MIGRATIONS: list[Callable[[Connection], None]] = [
    _v1_rooms_and_entries,
    _v2_versions_screens_limits,
    _v3_team_rooms,
    _v4_projector_language,
    _v5_hash_key,
    _v6_progress_records,
]

_MIGRATED: weakref.WeakSet[Engine] = weakref.WeakSet()
_MIGRATE_LOCK = threading.Lock()


def migrate(engine: Engine) -> int:
    """Create or upgrade the schema to the latest version and return that version."""
    if engine.dialect.name not in SUPPORTED:
        raise StoreConfigError(
            Msg(
                "The room store supports SQLite and PostgreSQL, not {name!r}. "
                "Set SKILLS_MAP_DATABASE_URL to sqlite:///path or postgresql+psycopg://...",
                name=engine.dialect.name,
            )
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
