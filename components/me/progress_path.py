"""The path of saved results on the Me map: one dated mark per point, older ones lighter, joined
oldest to newest. Each mark carries its date as text beside it, so the order reads without
colour; the newest saved result has the darkest mark."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from components.skills_map import INK
from components.text import plot_text
from roles.i18n import Lang, tr
from roles.progress import ProgressPoint, sorted_points

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Opacity of the oldest and of the newest mark: the oldest stays visible on white (about 3:1).
_OLDEST, _NEWEST = 0.35, 0.95


def short_day(point: ProgressPoint, lang: Lang) -> str:
    """'6 Mar 26' / '26年3月6日': short enough to sit beside a mark."""
    when = point.saved_at
    if lang == "zh":
        return f"{when.year % 100}年{when.month}月{when.day}日"
    month = _MONTHS[when.month - 1]
    return f"{when.day} {month} {when.year % 100:02d}"


def _alphas(n: int) -> list[float]:
    if n == 1:
        return [_NEWEST]
    return [round(_OLDEST + (_NEWEST - _OLDEST) * i / (n - 1), 3) for i in range(n)]


def path_traces(points: Sequence[ProgressPoint], lang: Lang) -> list[dict[str, Any]]:
    """The saved results as map traces (none without points): a dotted line through them and a
    dated mark for each, in the order saved."""
    ordered = sorted_points(points)
    if not ordered:
        return []
    dates = [short_day(p, lang) for p in ordered]
    colours = [f"rgba(17,20,24,{a})" for a in _alphas(len(ordered))]
    hover = tr(
        lang,
        "Saved %{{text}}<br>ML %{{x:.1f}}<br>Software engineering %{{y:.1f}}",
    )
    line = {
        "type": "scatter",
        "x": [p.ml for p in ordered],
        "y": [p.swe for p in ordered],
        "mode": "lines",
        "line": {"color": "rgba(17,20,24,0.45)", "width": 2, "dash": "dot"},
        "hoverinfo": "skip",
        "showlegend": False,
        "meta": {"kind": "progress_line"},
    }
    marks = {
        "type": "scatter",
        "x": [p.ml for p in ordered],
        "y": [p.swe for p in ordered],
        "mode": "markers+text",
        "text": [plot_text(d) for d in dates],
        "textposition": "top left",
        "textfont": {"color": INK, "size": 12},
        "marker": {
            "size": 11,
            "color": colours,
            "symbol": "circle",
            "line": {"color": "white", "width": 1.5},
        },
        "name": tr(lang, "Saved results"),
        "hovertemplate": hover + "<extra></extra>",
        "showlegend": False,
        "meta": {"kind": "progress", "dates": [p.saved_at.isoformat() for p in ordered]},
    }
    return [line, marks]
