"""One way to cache, in every layer: `memoize`, cachetools' `cached` with one policy.

Streamlit serves every session from threads of one process, so whatever a module caches is
shared by all of them. `st.cache_*` cannot serve here (the domain and the store never import
Streamlit), and functools' caches neither expire nor stop a value that several sessions ask for
at the same moment from being computed several times. So every cache in the app is a cachetools
cache made here: bounded (least recently used dropped first), optionally expiring after `ttl`
seconds, thread-safe, and computing each value once while other callers of the same arguments
wait for it (cachetools' `condition`). Exceptions are not cached.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from cachetools import Cache, LRUCache, TTLCache, cached
from cachetools.keys import hashkey

if TYPE_CHECKING:
    from cachetools import _cached_wrapper

P = ParamSpec("P")
R = TypeVar("R")

# Every memoized function, so that tests can start from empty caches (`clear_all`).
_ALL: list[_cached_wrapper[..., Any]] = []


def memoize(
    *, maxsize: int, ttl: float | None = None, key: Callable[..., Hashable] = hashkey
) -> Callable[[Callable[P, R]], _cached_wrapper[P, R]]:
    """Cache a function's results by its arguments (`key` makes the cache key from them): at
    most `maxsize` results, each for `ttl` seconds when given. The wrapper keeps functools'
    `cache_clear()`."""
    cache: Cache[Hashable, Any] = LRUCache(maxsize) if ttl is None else TTLCache(maxsize, ttl)
    lock = threading.Lock()
    decorate = cached(cache, key=key, lock=lock, condition=threading.Condition(lock))

    def register(func: Callable[P, R]) -> _cached_wrapper[P, R]:
        wrapper = decorate(func)
        _ALL.append(wrapper)
        return wrapper

    return register


def by_identity(*args: object) -> Hashable:
    """A cache key of the arguments' identities, for big immutable objects (a catalog) whose
    hash would cost more than the result. The cached value must keep them alive, so that no
    other object gets the same id while it is cached."""
    return hashkey(*map(id, args))


def forget(func: _cached_wrapper[P, R], *args: P.args, **kwargs: P.kwargs) -> None:
    """Drop one cached result (the next call with these arguments computes it again)."""
    with _locked(func):
        func.cache.pop(func.cache_key(*args, **kwargs), None)


def remember(func: _cached_wrapper[P, R], value: R, *args: P.args, **kwargs: P.kwargs) -> None:
    """Keep `value` as the result of `func(*args, **kwargs)` unless one is cached already."""
    with _locked(func):
        func.cache.setdefault(func.cache_key(*args, **kwargs), value)


def _locked(func: _cached_wrapper[Any, Any]) -> Any:
    assert func.cache_lock is not None  # every memoize cache has one
    return func.cache_lock


def clear_all() -> None:
    """Empty every memoized cache (tests that change data files or settings under them)."""
    for func in _ALL:
        func.cache_clear()
