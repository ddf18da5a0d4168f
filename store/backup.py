"""Backups of an SQLite room store, and the server-wide secret that keys device hashes.

A copy of `rooms.sqlite` alone misses the answers still in its write-ahead log (`-wal`), and a
copy taken while a server writes can be torn. SQLite's backup API copies a consistent snapshot
of the database, log included, while servers keep running. A backup file appears only whole; a
restore checks the file completely before it touches the store.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import IntegrityError

from roles.i18n import Msg
from store.backup_check import check_backup
from store.engine import begin_read, begin_write, checkpoint
from store.errors import StoreConfigError
from store.limits import forget_hash_key
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


def _remove(path: Path) -> None:
    """Delete a partial file and SQLite's side files of it, if they are there."""
    for leftover in (path, *(path.with_name(path.name + x) for x in ("-journal", "-wal", "-shm"))):
        leftover.unlink(missing_ok=True)


def _beside(path: Path, what: str) -> Path:
    """A hidden file name next to `path`, for a file made whole before it takes that name."""
    return path.with_name(f".{path.name}.{what}-{secrets.token_hex(4)}")


def _publish(partial: Path, target: Path) -> None:
    """Give the finished file its name, never replacing a file that appeared meanwhile."""
    with partial.open("rb") as f:
        os.fsync(f.fileno())
    try:
        os.link(partial, target)  # fails if `target` exists: no backup is ever overwritten
    except FileExistsError:
        raise StoreConfigError(
            Msg("{target} already exists; choose a new file name.", target=target)
        ) from None
    except OSError:  # a file system without hard links
        if target.exists():
            raise StoreConfigError(
                Msg("{target} already exists; choose a new file name.", target=target)
            ) from None
        os.replace(partial, target)
    partial.unlink(missing_ok=True)


def backup(*, target: Path, engine: Engine | None = None) -> int:
    """Copy the whole store into the new SQLite file `target`; returns the number of rooms.

    The copy is written under a hidden name beside `target` and takes its name only when it is
    whole: a full disk or any other failure leaves no file behind, and says so.
    """
    eng = ready(engine)
    source = _sqlite_path(eng)
    target = Path(target).expanduser()
    if target.exists():
        raise StoreConfigError(
            Msg("{target} already exists; choose a new file name.", target=target)
        )
    partial = _beside(target, "partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(partial)) as dst:
            src.backup(dst)
            rooms = dst.execute("SELECT count(*) FROM rooms").fetchone()[0]
        _publish(partial, target)
    except (sqlite3.Error, OSError) as exc:
        raise StoreConfigError(
            Msg(
                "The backup could not be written to {target} ({why}); no file was left there. "
                "Free some space or choose another folder, then run it again.",
                target=target,
                why=getattr(exc, "strerror", None) or str(exc),
            )
        ) from None
    finally:
        _remove(partial)
    return int(rooms)


def restore(*, source: Path, engine: Engine | None = None) -> int:
    """Replace the store's content with the backup `source`; returns the number of rooms.

    The backup is copied beside the store and checked completely (`backup_check`) before the
    store is touched; then it replaces the store's content in one transaction, which every
    server sees whole or not at all. A file that fails a check changes nothing.
    """
    eng = ready(engine)
    live = Path(_sqlite_path(eng))
    source = Path(source).expanduser().resolve()
    if not source.is_file():
        raise StoreConfigError(Msg("{source}: file not found; check the path", source=source))
    staging = _beside(live, "restore")
    try:
        # A file: URI made from the path, so names with "#", "%" or "?" open the right file.
        with (
            closing(sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)) as src,
            closing(sqlite3.connect(staging)) as copy,
        ):
            src.backup(copy)
        check_backup(staging, source)
        with (
            closing(sqlite3.connect(staging)) as checked,
            closing(sqlite3.connect(live, timeout=30)) as dst,
        ):
            checked.backup(dst)
    except sqlite3.DatabaseError as exc:
        raise StoreConfigError(
            Msg(
                "{source} cannot be read as a room store backup ({why}); nothing was changed.",
                source=source,
                why=exc,
            )
        ) from None
    except OSError as exc:
        raise StoreConfigError(
            Msg(
                "{source} cannot be restored ({why}); nothing was changed.",
                source=source,
                why=exc.strerror or exc,
            )
        ) from None
    finally:
        _remove(staging)
    eng.dispose()  # pooled connections must not keep pages of the replaced database
    forget_hash_key(eng)  # the backup's own key of stored hashes
    migrate(eng)
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
