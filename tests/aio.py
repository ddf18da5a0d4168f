"""Running a coroutine from a test, also after a browser test has run.

Playwright's sync API keeps an event loop running in the main thread for the whole session, and
`asyncio.run` refuses to start inside it; a thread of its own has no loop yet.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def run(coro: Coroutine[Any, Any, T]) -> T:
    """Run `coro` to completion in a new thread with its own event loop; return its result."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()
