"""Start and stop hooks of the server: check the settings and the store, purge on a schedule,
checkpoint at stop.

Before the server takes a request its settings are checked (`require_settings`, called when
`streamlit run` loads `app.py`): a bad `SKILLS_MAP_*` value stops it with one line naming the
variable and the fix, and exit code 2. At start the store is opened (and migrated) once, so a
damaged SQLite file is reported in the server log with the fix, before anyone opens a page.
While running, expired rooms and old limit counts are purged every few minutes. At stop,
SQLite's write-ahead log is copied into the main file and emptied, so `rooms.sqlite` alone
holds every answer.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

import store
from roles.errors import SettingsError, SkillsMapError
from roles.settings import settings

PURGE_EVERY_S = 600
Lifespan = Callable[[Any], AbstractAsyncContextManager[None]]
_LOG = logging.getLogger("skills_map")


def require_settings() -> None:
    """Stop the server when a setting is bad: one line on stderr, exit code 2, no traceback.

    Called as the server loads the app, before it serves anything (the lifespan hook would be
    later, and Starlette prints a traceback for anything raised there)."""
    try:
        settings()
    except SettingsError as exc:
        print(f"skills-map: error: {exc}", file=sys.stderr, flush=True)
        raise SystemExit(2) from None


def _open_store() -> None:
    try:
        store.purge_expired()
    except SkillsMapError as exc:
        _LOG.error("%s", exc)


def _stop_store() -> None:
    try:
        engine = store.default_engine()
        store.checkpoint(engine=engine, full=True)
        engine.dispose()
    except SkillsMapError as exc:
        _LOG.error("%s", exc)


async def _purge_forever() -> None:
    while True:
        await asyncio.sleep(PURGE_EVERY_S)
        await asyncio.to_thread(_open_store)


def _freeze() -> None:
    # Freeze the long-lived objects imported so far out of the garbage collector's reach: a full
    # collection no longer walks plotly's and pandas' modules.
    gc.collect()
    gc.freeze()


def _warm_up(warm_up: Callable[[], object]) -> None:
    warm_up()
    _freeze()


def lifespan_with(warm_up: Callable[[], object]) -> Lifespan:
    """The `st.App` lifespan: work done when the server starts and when it stops.

    `warm_up` runs once at start, in a thread, before the store is purged on a schedule: the app
    passes what every script run imports (its pages), so the first visitor does not pay for it.
    The server knows nothing of the pages themselves (serving imports no UI)."""

    @asynccontextmanager
    async def lifespan(_app: Any) -> AsyncIterator[None]:
        await asyncio.to_thread(_open_store)
        await asyncio.to_thread(_warm_up, warm_up)
        purger = asyncio.create_task(_purge_forever())
        try:
            yield
        finally:
            purger.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await purger
            await asyncio.to_thread(_stop_store)

    return lifespan
