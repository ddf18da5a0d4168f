"""What the store hands out: rooms, entries and snapshots (frozen, no secrets inside)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from roles.i18n import DEFAULT_LANG, Lang
from roles.models import FrozenModel


class RoomInfo(FrozenModel):
    """A room's public settings; the facilitator key's hash never leaves the store."""

    code: str = Field(min_length=6, max_length=6)
    title: str = Field(min_length=1, max_length=80)
    created_at: datetime
    expires_at: datetime
    locked: bool = False
    hidden: bool = False
    show_names: bool = False
    capacity: int = Field(ge=1)
    # Bumped by every change to the room or its entries: equal versions, equal snapshots.
    version: int = 0
    # What the projector shows: the join screen (code and QR code) or the map.
    screen: Literal["join", "map"] = "join"
    kind: str = "workshop"
    # Team rooms: days kept after the last use (every use moves `expires_at`); None: fixed end.
    keep_days: float | None = None
    # The projector's language, picked by the facilitator (participants read their own).
    lang: Lang = DEFAULT_LANG


class Entry(FrozenModel):
    """One participant's answer; their token is a secret and is not part of it."""

    entry_id: int
    name: str | None = Field(default=None, max_length=40)
    ml: float = Field(ge=0, le=10)
    swe: float = Field(ge=0, le=10)
    comm: float = Field(ge=0, le=10)
    updated_at: datetime
    # When this participant first answered (what "remove every entry that joined after" uses).
    joined_at: datetime | None = None


class Snapshot(FrozenModel):
    """A room and all its entries, read in one transaction."""

    room: RoomInfo
    entries: list[Entry]

    @property
    def count(self) -> int:
        """Number of participants (one entry per participant)."""
        return len(self.entries)


class CreatedRoom(FrozenModel):
    """A new room and its facilitator key in plain text, which is shown once and never stored."""

    room: RoomInfo
    key: str = Field(repr=False)
