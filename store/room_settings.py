"""A room's settings as stored: title, lifetime, capacity and projector language, checked, with
their limits (the defaults are settings: `SKILLS_MAP_ROOM_TTL_DAYS`, `SKILLS_MAP_ROOM_CAPACITY`)."""

from __future__ import annotations

from roles.i18n import LANGS, Lang, Msg, parse_lang
from roles.settings import FIELDS, settings
from store.errors import InvalidRoomSettings
from store.text import clean_title

MAX_TTL_DAYS = 366.0
MAX_CAPACITY = 100_000
DEFAULT_TTL_DAYS = float(FIELDS["room_ttl_days"].default)
DEFAULT_CAPACITY = int(FIELDS["room_capacity"].default)


def check_settings(
    title: str,
    ttl_days: float | None,
    capacity: int | None,
    *,
    team: bool = False,
) -> tuple[str, float, int]:
    """Title, lifetime and capacity as stored, else InvalidRoomSettings naming the rule; an
    unset lifetime or capacity is the setting's (a team room's lifetime if `team`)."""
    clean = clean_title(title)
    config = settings()
    default_ttl = config.team_room_ttl_days if team else config.room_ttl_days
    ttl = default_ttl if ttl_days is None else float(ttl_days)
    if not 0 < ttl <= MAX_TTL_DAYS:
        raise InvalidRoomSettings(
            Msg("A room lives more than 0 and at most {days:g} days.", days=MAX_TTL_DAYS)
        )
    cap = config.room_capacity if capacity is None else capacity
    if cap != int(cap) or not 1 <= cap <= MAX_CAPACITY:
        raise InvalidRoomSettings(Msg("A room holds 1 to {n} participants.", n=MAX_CAPACITY))
    return clean, ttl, int(cap)


def projector_lang(value: str) -> Lang:
    """The projector language as stored, else InvalidRoomSettings (exact codes: en, zh)."""
    lang = parse_lang(value)
    if lang is None or lang != value:
        raise InvalidRoomSettings(
            Msg("The projector speaks one of {langs}.", langs=", ".join(LANGS))
        )
    return lang
