"""Database engines: where the data lives and how SQLite is set up for many writers.

The default is an SQLite file in the data folder (nothing to install or start). Any SQLAlchemy URL
in `SKILLS_MAP_DATABASE_URL` replaces it; PostgreSQL is the choice for several servers. Each
server process keeps a pool of connections to PostgreSQL; `SKILLS_MAP_DB_POOL_SIZE` and
`SKILLS_MAP_DB_MAX_OVERFLOW` size it, so replicas x (pool + overflow) fits `max_connections`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DatabaseError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as SATimeoutError

from roles.i18n import Msg
from roles.resources import app_root
from roles.settings import secret_value, settings
from store.errors import (
    StoreBusy,
    StoreDamaged,
    StoreFault,
    StoreFull,
    StoreUnavailable,
)

SQLITE_FILE = "rooms.sqlite"
# Long enough for a burst of 50 writers to queue behind each other, short enough to fail visibly.
BUSY_TIMEOUT_S = 10
_BEGIN_OPTION = "skills_map_begin"

_LOG = logging.getLogger("skills_map")
_ENGINES: dict[str, Engine] = {}
_LOCK = threading.Lock()


def data_home() -> Path:
    """The data folder (`SKILLS_MAP_DATA_HOME`, else `appdata/` beside `app.py`), created on
    first use."""
    home = settings().data_home or app_root() / "appdata"
    home.mkdir(parents=True, exist_ok=True)
    return home


def database_url() -> str:
    """`SKILLS_MAP_DATABASE_URL` if set, else the SQLite file in the data folder."""
    configured = secret_value(settings().database_url)
    if configured:
        return configured
    # Made, not pasted: a folder named with "%", "#" or "?" must not be read as URL syntax.
    return URL.create("sqlite", database=str(data_home() / SQLITE_FILE)).render_as_string()


def default_engine() -> Engine:
    """The shared engine for the configured URL (one per URL per process)."""
    url = database_url()
    with _LOCK:
        if url not in _ENGINES:
            _ENGINES[url] = make_engine(url)
        return _ENGINES[url]


def pool_settings() -> dict[str, int]:
    """`pool_size` and `max_overflow` of a server database's connection pool (the settings:
    SQLAlchemy's own defaults, at most 15 connections per server process; a script run holds
    one for a few milliseconds, so even a burst of hundreds of Submits queues briefly here)."""
    config = settings()
    return {"pool_size": config.db_pool_size, "max_overflow": config.db_max_overflow}


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for `url`: WAL, a busy timeout and foreign keys on SQLite; a sized pool else."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        kwargs.setdefault("connect_args", {}).setdefault("timeout", BUSY_TIMEOUT_S)
    else:
        # A connection dropped by a database restart is noticed and replaced before use.
        kwargs.setdefault("pool_pre_ping", True)
        for key, value in pool_settings().items():
            kwargs.setdefault(key, value)
        if parsed.get_backend_name() == "postgresql":
            # A write waiting on another's lock gives up after SQLite's busy timeout and says so
            # (StoreBusy), instead of holding a page, and a pooled connection, until the other
            # ends. Added to any options the caller set (a search_path, say).
            args = kwargs.setdefault("connect_args", {})
            wait = f"-c lock_timeout={round(BUSY_TIMEOUT_S * 1000)}"
            args["options"] = f"{args.get('options', '')} {wait}".strip()
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        configure_sqlite(engine)
    return engine


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    # The sqlite3 module would otherwise issue its own deferred BEGIN; we emit BEGIN ourselves.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    # In WAL mode NORMAL syncs the log at checkpoints, not at every commit: a commit is ~0.01 ms
    # instead of a disk flush (4 ms each under a shared disk's load, which capped a hall's burst
    # of Submits at a few hundred a second). A crashed or killed server loses nothing (the log
    # is in the OS's hands); only a power cut or an OS crash can lose the last commits.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _on_begin(conn: Connection) -> None:
    mode = conn.get_execution_options().get(_BEGIN_OPTION, "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def configure_sqlite(engine: Engine) -> None:
    """Install the SQLite connection setup on `engine` once (new connections get it)."""
    if event.contains(engine, "connect", _on_connect):
        return
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    # Connections pooled before the setup lack it; drop them so every connection has it.
    engine.dispose(close=True)


# What SQLite says when its files are damaged or out of step (a deleted -wal, a stale -shm),
# as opposed to a busy database, which the busy timeout handles.
_DAMAGE = ("disk i/o error", "file is not a database", "malformed", "unable to open database")
# SQLite: the disk (or the file's max_page_count) is full; the write lock stayed taken.
_FULL, _LOCKED = ("database or disk is full",), ("database is locked", "database table is locked")
# PostgreSQL's SQLSTATEs for the same: disk_full, and lock_not_available (a lock_timeout).
_PG_FULL, _PG_LOCKED = "53100", "55P03"


def _where(engine: Engine) -> str:
    url = engine.url
    if url.get_backend_name() == "sqlite":
        return str(url.database)
    port = f":{url.port}" if url.port else ""
    return f"{url.get_backend_name()} at {url.host or 'localhost'}{port}/{url.database or ''}"


def _fault(engine: Engine, exc: DatabaseError | InterfaceError) -> StoreFault | None:
    """The named error for a database failure a person can act on, else None (a bug)."""
    detail = str(getattr(exc, "orig", exc)).strip()
    lowered = detail.lower()
    if engine.dialect.name == "sqlite":
        if lowered.startswith(_FULL):
            return StoreFull(_where(engine))
        if lowered.startswith(_LOCKED):
            return StoreBusy(_where(engine), BUSY_TIMEOUT_S)
        if lowered.startswith(_DAMAGE):
            return StoreDamaged(str(engine.url.database), detail)
        return None
    state = getattr(getattr(exc, "orig", None), "sqlstate", None)
    if state == _PG_FULL:
        return StoreFull(_where(engine))
    if state == _PG_LOCKED:
        return StoreBusy(_where(engine), BUSY_TIMEOUT_S)
    if isinstance(exc, OperationalError | InterfaceError):
        # A database server that is down, restarting or unreachable, or a dropped connection.
        return StoreUnavailable(_where(engine), detail.splitlines()[0][:160])
    return None


@contextmanager
def _errors_as_advice(engine: Engine) -> Iterator[None]:
    """Database failures a person can act on become named errors (shown, never a traceback);
    the log gets the whole message, with the file or server, for whoever runs the server."""
    try:
        yield
    except SATimeoutError as exc:
        # Every pooled connection stayed busy for the pool's whole timeout.
        fault: StoreFault = StoreUnavailable(_where(engine), Msg("no free connection in time"))
        _LOG.warning("%s", fault)
        raise fault from exc
    except (DatabaseError, InterfaceError) as exc:
        named = _fault(engine, exc)
        if named is None:
            raise
        _LOG.warning("%s", named)
        raise named from exc


@contextmanager
def begin_write(engine: Engine) -> Iterator[Connection]:
    """A transaction that will write: on SQLite it takes the write lock up front (IMMEDIATE).

    A deferred transaction that reads and then writes fails with "database is locked" when
    another writer got in between; taking the lock first makes writers queue instead.
    """
    with _errors_as_advice(engine), engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            conn.execution_options(**{_BEGIN_OPTION: "IMMEDIATE"})
        with conn.begin():
            yield conn


@contextmanager
def begin_read(engine: Engine) -> Iterator[Connection]:
    """A read-only transaction: one consistent view, never blocking writers under WAL."""
    with _errors_as_advice(engine), engine.connect() as conn, conn.begin():
        yield conn


def checkpoint(*, engine: Engine, full: bool = False) -> None:
    """Copy SQLite's write-ahead log into the main file (nothing to do on other databases).

    In WAL mode recent answers live in `rooms.sqlite-wal` until a checkpoint. The quick kind
    never waits for readers; `full=True` (at server stop) also empties the log file.
    """
    if engine.dialect.name != "sqlite":
        return
    mode = "TRUNCATE" if full else "PASSIVE"
    with _errors_as_advice(engine), engine.connect() as conn:
        conn.exec_driver_sql(f"PRAGMA wal_checkpoint({mode})")
