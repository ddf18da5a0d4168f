"""One read and one figure per room version, shared by every session on this server.

Twenty projector tabs on a room must cost about what one does. Each refresh asks
`current_version`, which reads the room's version from the database at most once per
`VERSION_TTL_S` for all sessions together; only a new version reads the snapshot, and the
figures of a version are built once, by whichever session asks first, and then reused (the
caches are `roles.caching.memoize`: sessions asking at the same moment wait for one read). A
version is bumped by every change, so equal versions mean equal pictures.
"""

from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go

import store
from components.room.map import crowd_map, role_distribution
from roles.caching import forget as _forget
from roles.caching import memoize, remember
from roles.catalog import DEFAULT_CATALOG, load_catalog
from roles.i18n import LANGS, Lang
from roles.models import Catalog

# Well under the projector's refresh, so a new answer waits at most this long to be noticed.
VERSION_TTL_S = 0.2
# Codes whose version is remembered; past this, the least recently asked go (random codes typed
# on the Present page must not grow the cache without end).
MAX_CODES = 2000
KEPT_VIEWS = 64


@memoize(maxsize=len(LANGS))
def _catalog(lang: Lang) -> Catalog:
    return load_catalog(DEFAULT_CATALOG, lang)


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: a cache key of its figures
class RoomView:
    """A room at one version: its snapshot, and its figures once somebody asked for them."""

    snapshot: store.Snapshot

    @property
    def version(self) -> int:
        """The room version this view shows."""
        return self.snapshot.room.version

    def crowd_map(self) -> go.Figure:
        """The projector's map for this version (built once), in the projector's language."""
        return _crowd_map(self)

    def breakdown(self) -> go.Figure:
        """The best-fit role bars for this version (built once), in the projector's language."""
        return _breakdown(self)


@memoize(maxsize=KEPT_VIEWS)
def _crowd_map(view: RoomView) -> go.Figure:
    info = view.snapshot.room
    return crowd_map(
        _catalog(info.lang), view.snapshot.entries, show_names=info.show_names, hidden=info.hidden
    )


@memoize(maxsize=KEPT_VIEWS)
def _breakdown(view: RoomView) -> go.Figure:
    return role_distribution(_catalog(view.snapshot.room.lang), view.snapshot.entries)


@memoize(maxsize=MAX_CODES, ttl=VERSION_TTL_S)
def _version(code: str) -> int | store.RoomNotFound:
    try:
        return store.room_version(room=code)
    except store.RoomNotFound as exc:
        return exc  # remembered too: a code typed on twenty projectors is looked up once


def current_version(code: str) -> int:
    """The room's version, read at most once per `VERSION_TTL_S` (RoomNotFound if gone)."""
    found = _version(code)
    if isinstance(found, store.RoomNotFound):
        raise found
    return found


@memoize(maxsize=KEPT_VIEWS)
def _view(code: str, version: int) -> RoomView:
    return RoomView(store.room_snapshot(room=code))


def room_view(code: str) -> RoomView:
    """The room as of its current version, shared with every other session."""
    version = current_version(code)
    view = _view(code, version)
    if view.version != version:
        # The snapshot was read after a change newer than the version asked for: it is right
        # for both, so the next refresh, asking for the newer version, reads nothing.
        remember(_view, view, code, view.version)
    return view


def forget(code: str) -> None:
    """Drop what is cached for a room (after this session changed it, to show it at once)."""
    _forget(_version, code)
