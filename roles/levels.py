"""Reading the behaviour anchors for a score, and spotting ratings that carry no signal."""

from __future__ import annotations

from roles.i18n import sentences, tr
from roles.models import LevelAnchor, Levels, Profile


def anchors_around(
    levels: Levels, axis: str, value: float
) -> tuple[LevelAnchor, LevelAnchor | None]:
    """The anchor at or below `value` and, when `value` lies between two anchors, the next one."""
    anchors = levels.anchors(axis)
    below = max((a for a in anchors if a.level <= value), key=lambda a: a.level)
    above = next((a for a in anchors if a.level > value), None)
    return below, (above if value > below.level else None)


def describe_level(levels: Levels, axis: str, value: float) -> str:
    """A sentence saying what this level looks like in practice."""
    below, above = anchors_around(levels, axis, value)
    text = tr(
        levels.lang,
        "**{level} · {title}:** {behaviour}",
        level=below.level,
        title=below.title,
        behaviour=below.behaviour,
    )
    if above is not None:
        heading = tr(
            levels.lang,
            "Heading toward **{level} · {title}**.",
            level=above.level,
            title=above.title,
        )
        text = sentences(levels.lang, text, heading)
    return text


def looks_flat(profile: Profile) -> bool:
    """True when all three scores are the same: the ranking then says little about the person."""
    return len({profile.ml, profile.swe, profile.comm}) == 1
