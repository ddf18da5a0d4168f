"""Backups of an SQLite room store, and the server-wide secret that keys device hashes.

A copy of `rooms.sqlite` alone misses the answers still in its write-ahead log (`-wal`), and a
copy taken while a server writes can be torn. SQLite's backup API copies a consistent snapshot
of the database, log included, while servers keep running.
"""

from __future__ import annotations

import secrets
import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import IntegrityError

from roles.i18n import Msg
from store.engine import begin_read, begin_write, checkpoint
from store.errors import StoreConfigError
from store.migrations import migrate, ready
from store.schema import HASH_KEY as _DEVICE_KEY
from store.schema import settings


def _sqlite_path(engine: Engine) -> str:
    if engine.dialect.name != "sqlite" or not engine.url.database:
        raise StoreConfigError(
            Msg(
                "Backups through this command are for the SQLite store; for PostgreSQL use "
                "pg_dump (and pg_restore to restore)."
            )
        )
    return engine.url.database


def backup(*, target: Path, engine: Engine | None = None) -> int:
    """Copy the whole store into the new SQLite file `target`; returns the number of rooms."""
    eng = ready(engine)
    source = _sqlite_path(eng)
    target = Path(target).expanduser()
    if target.exists():
        raise StoreConfigError(
            Msg("{target} already exists; choose a new file name.", target=target)
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
        rooms = dst.execute("SELECT count(*) FROM rooms").fetchone()[0]
    return int(rooms)


def restore(*, source: Path, engine: Engine | None = None) -> int:
    """Replace the store's content with the backup `source`; returns the number of rooms."""
    eng = ready(engine)
    live = _sqlite_path(eng)
    source = Path(source).expanduser()
    try:
        with closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src:
            tables = {r[0] for r in src.execute("SELECT name FROM sqlite_master")}
            if not {"rooms", "entries", "schema_version"} <= tables:
                raise StoreConfigError(
                    Msg("{source} is not a backup of the room store.", source=source)
                )
            with closing(sqlite3.connect(live, timeout=30)) as dst:
                src.backup(dst)
    except sqlite3.DatabaseError as exc:
        raise StoreConfigError(
            Msg("{source} cannot be read as a room store backup ({why}).", source=source, why=exc)
        ) from None
    eng.dispose()  # pooled connections must not keep pages of the replaced database
    migrate(eng)  # a backup from an older version gets the newer tables
    checkpoint(engine=eng, full=True)
    with begin_read(eng) as conn:
        return len(conn.exec_driver_sql("SELECT code FROM rooms").all())


def device_key(*, engine: Engine | None = None) -> bytes:
    """A random key kept in the store, made on first use: the default key of device hashes.

    Every server on the same database reads the same key, and it survives restarts.
    """
    eng = ready(engine)
    query = select(settings.c.value).where(settings.c.name == _DEVICE_KEY)
    with begin_read(eng) as conn:
        found = conn.execute(query).scalar()
    if found is None:
        try:
            with begin_write(eng) as conn:
                conn.execute(insert(settings).values(name=_DEVICE_KEY, value=secrets.token_hex(32)))
        except IntegrityError:
            pass  # another server made it first: use theirs
        with begin_read(eng) as conn:
            found = conn.execute(query).scalar_one()
    return bytes.fromhex(found)
