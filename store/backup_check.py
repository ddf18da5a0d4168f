"""Checking a file before it may replace the room store: is it a whole, readable backup of it?

A restore replaces every room, so nothing about the file is taken on trust: SQLite's own
integrity check, a schema version this code knows, after upgrading a copy every table with
exactly our columns, no rows without their room, and every row readable as the store reads it.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from pydantic import ValidationError
from sqlalchemy import URL, Engine, inspect, select
from sqlalchemy.exc import SQLAlchemyError, StatementError

from roles.i18n import Msg
from store.engine import make_engine
from store.errors import StoreConfigError
from store.migrations import MIGRATIONS, migrate
from store.rooms import room_info
from store.schema import metadata, rooms


def _refuse(source: Path, why: str | Msg) -> StoreConfigError:
    return StoreConfigError(
        Msg(
            "{source} is not a backup of the room store that can be restored: {why}. Nothing "
            "was changed.",
            source=source,
            why=why,
        )
    )


def _integrity_and_version(staging: Path, source: Path) -> None:
    with closing(sqlite3.connect(staging)) as conn:
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check(5)")]
        if problems != ["ok"]:
            raise _refuse(source, Msg("it is damaged ({why})", why="; ".join(problems)[:200]))
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {"rooms", "entries", "schema_version"} <= tables:
            raise _refuse(source, Msg("it lacks the store's tables"))
        version = conn.execute("SELECT max(version) FROM schema_version").fetchone()[0]
    if not isinstance(version, int) or version < 1:
        raise _refuse(source, Msg("it records no schema version"))
    if version > len(MIGRATIONS):
        raise _refuse(
            source,
            Msg(
                "a newer version of this app made it (schema version {found}; this one knows "
                "up to {known}); restore it with that version",
                found=version,
                known=len(MIGRATIONS),
            ),
        )


def _columns_and_rows(staging: Path, source: Path) -> None:
    engine = make_engine(URL.create("sqlite", database=str(staging)).render_as_string())
    try:
        try:
            migrate(engine)  # an older backup gets today's tables, as the store would
        except SQLAlchemyError as exc:
            why = str(getattr(exc, "orig", exc)).splitlines()[0][:160]
            raise _refuse(source, Msg("its tables cannot be upgraded ({why})", why=why)) from None
        found = inspect(engine)
        have_tables = set(found.get_table_names())
        for table in metadata.sorted_tables:
            if table.name not in have_tables:
                raise _refuse(source, Msg("it has no table {table}", table=table.name))
            have = {c["name"] for c in found.get_columns(table.name)}
            if have != set(table.c.keys()):
                raise _refuse(
                    source,
                    Msg(
                        "its table {table} has the columns {have}, not {want}",
                        table=table.name,
                        have=", ".join(sorted(have)),
                        want=", ".join(sorted(table.c.keys())),
                    ),
                )
        _rows_readable(engine, source)
    finally:
        engine.dispose()


def _rows_readable(engine: Engine, source: Path) -> None:
    with engine.connect() as conn:
        orphans = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if orphans:
            raise _refuse(source, Msg("{n} rows belong to no room", n=len(orphans)))
        try:
            for row in conn.execute(select(rooms)):
                room_info(row)  # the settings the pages read, validated
            for table in metadata.sorted_tables:
                for _ in conn.execute(select(table)).yield_per(1000):
                    pass  # each value through its column's type, as the store reads it
        except (StatementError, ValidationError, ValueError, TypeError) as exc:
            raise _refuse(source, Msg("a row cannot be read ({why})", why=str(exc)[:160])) from None


def check_backup(staging: Path, source: Path) -> None:
    """StoreConfigError (nothing changed) unless `staging`, a copy of `source`, is a complete
    and readable room store; on success `staging` holds it upgraded to today's schema."""
    try:
        _integrity_and_version(staging, source)
        _columns_and_rows(staging, source)
    except sqlite3.DatabaseError as exc:
        raise _refuse(source, Msg("it cannot be read ({why})", why=exc)) from None
