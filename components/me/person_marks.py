"""The Me map's own marks: the person's bubble, the halo of uncertainty around it and the arrow
toward the target role (the shared map underneath is `components.skills_map`)."""

from __future__ import annotations

from typing import Any

from components.region_labels import label_colour
from components.skills_map import INK, MUTED_INK, bubble_size
from components.text import plot_text
from roles.i18n import DEFAULT_LANG, Lang, tr
from roles.models import Profile


def person_trace(
    profile: Profile, *, label: str = "You", lang: Lang = DEFAULT_LANG
) -> dict[str, Any]:
    """The person's bubble: position = (ML, software engineering), size = communication; its
    hover speaks `lang` (`label` comes already in it)."""
    return {
        "type": "scatter",
        "x": [profile.ml],
        "y": [profile.swe],
        "mode": "markers+text",
        "text": [f"<b>{plot_text(label)}</b>"],
        "textposition": "bottom right",
        "textfont": {"color": INK},
        "marker": {
            "size": bubble_size(profile.comm),
            "color": "rgba(17,20,24,0.85)",
            "line": {"color": "white", "width": 2},
        },
        "name": label,
        "hovertemplate": f"<b>{plot_text(label)}</b><br>"
        + tr(
            lang,
            "ML %{{x:.1f}}<br>Software engineering %{{y:.1f}}<br>Communication {comm:.1f}",
            comm=profile.comm,
        )
        + "<extra></extra>",
        "showlegend": False,
        "meta": {"kind": "person"},
    }


def halo_shape(profile: Profile, ml_spread: float, swe_spread: float) -> dict[str, Any]:
    """A dotted ellipse around the person: how far either way the scores may be off."""
    return {
        "type": "circle",
        "x0": profile.ml - ml_spread,
        "x1": profile.ml + ml_spread,
        "y0": profile.swe - swe_spread,
        "y1": profile.swe + swe_spread,
        "fillcolor": "rgba(17,20,24,0.06)",
        "line": {"color": MUTED_INK, "width": 1.5, "dash": "dot"},
        "layer": "above",
        "name": "halo",
    }


def arrow_annotation(
    start: tuple[float, float], end: tuple[float, float], *, colour: str
) -> dict[str, Any]:
    """An arrow annotation from `start` to `end` in data coordinates."""
    return {
        "x": end[0],
        "y": end[1],
        "ax": start[0],
        "ay": start[1],
        "xref": "x",
        "yref": "y",
        "axref": "x",
        "ayref": "y",
        "showarrow": True,
        "arrowhead": 3,
        "arrowsize": 1.4,
        "arrowwidth": 2.5,
        "arrowcolor": label_colour(colour),
        "text": "",
        "name": "path",
    }
