"""One read and one figure per room version, shared by every session on this server.

Twenty projector tabs on a room must cost about what one does. Each refresh asks
`current_version`, which reads the room's version from the database at most once per
`VERSION_TTL_S` for all sessions together; only a new version reads the snapshot, and the
figures of a version are built once, by whichever session asks first, and then reused. A
version is bumped by every change, so equal versions mean equal pictures.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

import plotly.graph_objects as go

import store
from components.room.map import crowd_map, role_distribution
from roles.catalog import DEFAULT_CATALOG, load_catalog
from roles.models import Catalog

# Well under the projector's refresh, so a new answer waits at most this long to be noticed.
VERSION_TTL_S = 0.2
_KEPT_VIEWS = 64


@cache
def _catalog() -> Catalog:
    return load_catalog(DEFAULT_CATALOG)


@dataclass
class RoomView:
    """A room at one version: its snapshot, and its figures once somebody asked for them."""

    snapshot: store.Snapshot
    _figures: dict[str, go.Figure] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def version(self) -> int:
        """The room version this view shows."""
        return self.snapshot.room.version

    def crowd_map(self) -> go.Figure:
        """The projector's map for this version (built once)."""
        info = self.snapshot.room
        return self._figure(
            "map",
            lambda: crowd_map(
                _catalog(), self.snapshot.entries, show_names=info.show_names, hidden=info.hidden
            ),
        )

    def breakdown(self) -> go.Figure:
        """The best-fit role bars for this version (built once)."""
        return self._figure("roles", lambda: role_distribution(_catalog(), self.snapshot.entries))

    def _figure(self, name: str, build: Callable[[], go.Figure]) -> go.Figure:
        with self._lock:
            if name not in self._figures:
                self._figures[name] = build()
            return self._figures[name]


# Codes whose version is remembered; past this, expired ones are dropped (random codes typed on
# the Present page must not grow the cache without end).
_MAX_CODES = 2000
_versions: dict[str, tuple[float, int | store.RoomNotFound]] = {}
_views: OrderedDict[tuple[str, int], RoomView] = OrderedDict()
# A fixed set of locks, shared by code hash: bounded memory, and one room never waits on itself.
_locks = [threading.Lock() for _ in range(64)]
_guard = threading.Lock()


def _lock_for(code: str) -> threading.Lock:
    return _locks[hash(code) % len(_locks)]


def _remember(code: str, found: int | store.RoomNotFound) -> tuple[float, int | store.RoomNotFound]:
    now = time.monotonic()
    with _guard:
        if len(_versions) >= _MAX_CODES:
            for old in [c for c, (t, _) in _versions.items() if now - t >= VERSION_TTL_S]:
                del _versions[old]
        _versions[code] = (now, found)
    return now, found


def current_version(code: str) -> int:
    """The room's version, read at most once per `VERSION_TTL_S` (RoomNotFound if gone)."""
    cached = _versions.get(code)
    if cached is None or time.monotonic() - cached[0] >= VERSION_TTL_S:
        with _lock_for(code):
            cached = _versions.get(code)
            if cached is None or time.monotonic() - cached[0] >= VERSION_TTL_S:
                try:
                    found: int | store.RoomNotFound = store.room_version(room=code)
                except store.RoomNotFound as exc:
                    found = exc
                cached = _remember(code, found)
    if isinstance(cached[1], store.RoomNotFound):
        raise cached[1]
    return cached[1]


def room_view(code: str) -> RoomView:
    """The room as of its current version, shared with every other session."""
    version = current_version(code)
    with _guard:
        view = _views.get((code, version))
    if view is not None:
        return view
    with _lock_for(code):
        with _guard:
            view = _views.get((code, version))
        if view is None:
            view = RoomView(store.room_snapshot(room=code))
            with _guard:
                # The snapshot may be newer than the version asked for; it is right for both.
                for key in {(code, version), (code, view.version)}:
                    _views[key] = view
                while len(_views) > _KEPT_VIEWS:
                    _views.popitem(last=False)
    return view


def forget(code: str) -> None:
    """Drop what is cached for a room (after this session changed it, to show it at once)."""
    with _guard:
        _versions.pop(code, None)
