"""A role's marker as drawn on the maps (its colour and shape), as a small inline SVG for cards,
and where the role sits in words rather than in chart coordinates."""

from __future__ import annotations

import html

from roles.i18n import N_, Lang, tr
from roles.models import Role

# Each shape's outline in a 0-16 box (plotly's symbols of the same names); others: a circle.
_POINTS = {
    "square": "2,2 14,2 14,14 2,14",
    "diamond": "8,1 15,8 8,15 1,8",
    "triangle-up": "8,2 15,14 1,14",
    "triangle-down": "1,2 15,2 8,14",
    "triangle-left": "2,8 14,1 14,15",
    "triangle-right": "14,8 2,1 2,15",
    "pentagon": "8,1 15,6.5 12.3,15 3.7,15 1,6.5",
    "hexagon": "8,1 14.5,4.5 14.5,11.5 8,15 1.5,11.5 1.5,4.5",
    "hourglass": "2,2 14,2 2,14 14,14",
    "bowtie": "2,2 14,14 14,2 2,14",
}
_LEVELS = (N_("low"), N_("middle"), N_("high"))


def swatch_svg(role: Role, symbol: str) -> str:
    """The role's marker, 16 px, in its colour with the maps' dark edge (decorative: the card's
    heading names the role)."""
    colour = html.escape(role.colour)
    edge = 'stroke="#111418" stroke-width="1"'
    points = _POINTS.get(symbol)
    shape = (
        f'<polygon points="{points}" fill="{colour}" {edge}/>'
        if points
        else f'<circle cx="8" cy="8" r="6.5" fill="{colour}" {edge}/>'
    )
    return (
        '<svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" '
        f'style="vertical-align:-2px;margin-right:6px">{shape}</svg>'
    )


def level_word(value: float, lang: Lang) -> str:
    """'low' (below 3.5), 'middle' (to 6.5) or 'high', for a score on the 0-10 scale."""
    return tr(lang, _LEVELS[0 if value < 3.5 else 1 if value < 6.5 else 2])


def placement_words(role: Role, lang: Lang) -> str:
    """Where the role's region is, in words: 'High ML expertise (about 7 of 10) and middle
    software engineering (about 5.5 of 10).'"""
    g = role.region
    return tr(
        lang,
        "Sits at {ml_level} ML expertise (about {ml:g} of 10) and {swe_level} software "
        "engineering (about {swe:g} of 10), in the colour and shape of its markers.",
        ml_level=level_word(g.ml, lang),
        ml=round(g.ml * 2) / 2,
        swe_level=level_word(g.swe, lang),
        swe=round(g.swe * 2) / 2,
    )
