"""A room's settings as stored: title, lifetime, capacity and projector language, checked, with
the limits and the environment variables that set their defaults."""

from __future__ import annotations

import os

from roles.i18n import LANGS, Lang, Msg, parse_lang
from store.errors import InvalidRoomSettings
from store.text import clean_title

ENV_TTL = "SKILLS_MAP_ROOM_TTL_DAYS"
ENV_CAPACITY = "SKILLS_MAP_ROOM_CAPACITY"
DEFAULT_TTL_DAYS = 7.0
DEFAULT_CAPACITY = 2000
MAX_TTL_DAYS = 366.0
MAX_CAPACITY = 100_000


def env_number(name: str, default: float) -> float:
    """A number from the environment, the default when unset, else InvalidRoomSettings."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return float(raw)
    except ValueError:
        message = Msg(
            "{name}={raw!r} is not a number; unset it or give a number.", name=name, raw=raw
        )
        raise InvalidRoomSettings(message) from None


def check_settings(
    title: str,
    ttl_days: float | None,
    capacity: int | None,
    *,
    ttl_env: str = ENV_TTL,
    ttl_default: float = DEFAULT_TTL_DAYS,
) -> tuple[str, float, int]:
    """Title, lifetime and capacity as stored, else InvalidRoomSettings naming the rule."""
    clean = clean_title(title)
    ttl = env_number(ttl_env, ttl_default) if ttl_days is None else float(ttl_days)
    if not 0 < ttl <= MAX_TTL_DAYS:
        raise InvalidRoomSettings(
            Msg("A room lives more than 0 and at most {days:g} days.", days=MAX_TTL_DAYS)
        )
    cap = env_number(ENV_CAPACITY, DEFAULT_CAPACITY) if capacity is None else capacity
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
