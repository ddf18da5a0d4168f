"""The one cache mechanism (roles.caching.memoize): bounded, expiring, each value computed once,
and used for every cache in the app."""

from __future__ import annotations

import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from roles import caching
from roles.caching import by_identity, forget, memoize, remember

ROOT = Path(__file__).resolve().parents[2]


def test_the_least_recently_used_result_goes_first() -> None:
    calls: list[int] = []

    @memoize(maxsize=2)
    def square(x: int) -> int:
        calls.append(x)
        return x * x

    assert [square(1), square(2), square(1), square(3), square(1), square(2)] == [1, 4, 1, 9, 1, 4]
    assert calls == [1, 2, 3, 2]  # 2 was the least recently used when 3 came
    assert len(square.cache) == 2


def test_a_result_expires_after_its_ttl() -> None:
    calls: list[str] = []

    @memoize(maxsize=8, ttl=0.05)
    def version(code: str) -> int:
        calls.append(code)
        return len(calls)

    assert version("A") == version("A") == 1
    time.sleep(0.06)
    assert version("A") == 2


def test_callers_asking_at_the_same_moment_wait_for_one_computation() -> None:
    calls: list[str] = []
    started = threading.Event()

    @memoize(maxsize=8)
    def slow(key: str) -> object:
        calls.append(key)
        started.set()
        time.sleep(0.1)
        return object()

    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(slow, ["room"] * 16))
    assert calls == ["room"] and all(r is results[0] for r in results)


def test_an_exception_is_not_cached() -> None:
    calls: list[int] = []

    @memoize(maxsize=2)
    def flaky() -> int:
        calls.append(1)
        if len(calls) == 1:
            raise OSError("disk")
        return 7

    with pytest.raises(OSError):
        flaky()
    assert flaky() == 7 and len(calls) == 2


def test_forget_remember_and_clear() -> None:
    @memoize(maxsize=8)
    def stamp(code: str) -> float:
        return time.perf_counter()

    first = stamp("A")
    forget(stamp, "A")
    assert stamp("A") != first
    remember(stamp, 1.0, "B")
    assert stamp("B") == 1.0
    remember(stamp, 2.0, "B")  # a result already cached stays
    assert stamp("B") == 1.0
    caching.clear_all()
    assert len(stamp.cache) == 0


def test_a_key_by_identity_tells_equal_objects_apart() -> None:
    @memoize(maxsize=8, key=by_identity)
    def wrap(items: list[int]) -> tuple[list[int], int]:
        return items, len(items)

    a, b = [1, 2], [1, 2]
    assert wrap(a)[0] is a and wrap(b)[0] is b and wrap(a)[0] is a


OTHER_CACHES = re.compile(
    r"functools import .*\b(lru_cache|cache)\b|@(functools\.)?(lru_cache|cache)\b|"
    r"st\.cache_(resource|data)\b"
)


def test_every_cache_in_the_app_is_a_memoize_cache() -> None:
    files = [ROOT / "app.py"] + [
        p
        for d in ("roles", "store", "serving", "components", "views")
        for p in (ROOT / d).rglob("*.py")
    ]
    others = sorted(
        f"{p.relative_to(ROOT)}:{n}"
        for p in files
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1)
        if OTHER_CACHES.search(line) and not line.lstrip().startswith("#")
    )
    assert others == [], "use roles.caching.memoize (one cache mechanism, see its docstring)"
