"""The skills map as a plotly figure: role regions, people and arrows.

Figures are built by plain functions so tests can inspect them and every mode (Me, Team,
Workshop) draws the same map.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np
import plotly.graph_objects as go

from roles.models import Catalog, Profile, Role

_ELLIPSE_POINTS = 72
# A little past 0-10, so regions near the frame are drawn whole.
AXIS_RANGE = (-0.6, 10.9)


def _hex_to_rgba(colour: str, alpha: float) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def ellipse_outline(role: Role) -> tuple[np.ndarray, np.ndarray]:
    """Closed outline of a role's region."""
    t = np.linspace(0, 2 * np.pi, _ELLIPSE_POINTS)
    g = role.region
    x = g.ml + g.ml_extent * np.cos(t)
    y = g.swe + g.swe_extent * np.sin(t)
    return x, y


def bubble_size(comm: float, scale: float = 1.0) -> float:
    """Marker diameter in pixels for a communication score (the lecture's bubble size)."""
    return float(scale * (12 + 3.2 * comm))


def base_map(catalog: Catalog, *, height: int = 560, font_size: int = 13) -> go.Figure:
    """An empty skills map: axes, and each role's region as a labelled translucent ellipse."""
    return map_figure(catalog, height=height, font_size=font_size)


def map_figure(
    catalog: Catalog,
    *,
    traces: Sequence[dict[str, Any]] = (),
    annotations: Sequence[dict[str, Any]] = (),
    height: int = 560,
    font_size: int = 13,
) -> go.Figure:
    """The map with extra traces and annotations composed onto the cached base spec."""
    base = _base_map_dict(catalog.model_dump_json(), height, font_size)
    layout = {**base["layout"], "annotations": [*base["layout"]["annotations"], *annotations]}
    # go.Figure deep-copies what it is given, so the cached base is never mutated.
    return figure({"data": [*base["data"], *traces], "layout": layout})


def figure(spec: dict[str, Any]) -> go.Figure:
    """Wrap a figure spec without plotly's per-property validation.

    Validation costs ~10 ms per figure on every rerun; the specs come from this module and the
    tests validate each one once (`go.Figure(spec)`), so skipping it here is safe.
    """
    return go.Figure(spec, _validate=False)


@lru_cache(maxsize=16)
def _base_map_dict(catalog_json: str, height: int, font_size: int) -> dict[str, Any]:
    catalog = Catalog.model_validate_json(catalog_json)
    data = [_region_trace(role) for role in catalog.roles]
    annotations = [
        {
            "x": role.region.ml,
            "y": min(role.region.swe + 0.15, 9.9),
            "text": f"<b>{html.escape(role.short_name)}</b>",
            "showarrow": False,
            "font": {"size": font_size, "color": role.colour},
        }
        for role in catalog.roles
    ]
    axis = {
        "range": list(AXIS_RANGE),
        "dtick": 2,
        "zeroline": False,
        "showgrid": True,
        "gridcolor": "#eee",
        "constrain": "domain",
    }
    layout = {
        "height": height,
        "margin": {"l": 10, "r": 10, "t": 30, "b": 10},
        "xaxis": {**axis, "title": {"text": "ML expertise →"}},
        "yaxis": {
            **axis,
            "title": {"text": "Software engineering →"},
            "scaleanchor": "x",
            "scaleratio": 1,
        },
        "showlegend": False,
        "hoverlabel": {"namelength": -1},
        "plot_bgcolor": "white",
        "font": {"size": font_size},
        "annotations": annotations,
        # Streamlit's theme styles the chart; plotly's default template would only add weight.
        "template": {"data": {}, "layout": {}},
    }
    return {"data": data, "layout": layout}


def _region_trace(role: Role) -> dict[str, Any]:
    x, y = ellipse_outline(role)
    g = role.region
    hover = (
        f"<b>{html.escape(role.name)}</b><br>"
        f"ML {g.ml:.1f} ± {g.ml_extent:.1f}<br>"
        f"Software engineering {g.swe:.1f} ± {g.swe_extent:.1f}<br>"
        f"Communication bar {role.comm:.1f}"
    )
    return {
        "type": "scatter",
        "x": x.round(3).tolist(),
        "y": y.round(3).tolist(),
        "mode": "lines",
        "fill": "toself",
        "fillcolor": _hex_to_rgba(role.colour, 0.18),
        "line": {"color": _hex_to_rgba(role.colour, 0.8), "width": 1.5},
        "name": role.name,
        "hoveron": "fills",
        "hoverinfo": "text",
        "text": hover,
        "meta": {"kind": "region", "role": role.id},
    }


def add_person(fig: go.Figure, profile: Profile, *, label: str = "You") -> go.Figure:
    """Add the person's bubble to a figure."""
    fig.add_trace(person_trace(profile, label=label))
    return fig


def person_trace(profile: Profile, *, label: str = "You") -> dict[str, Any]:
    """The person's bubble: position = (ML, software engineering), size = communication."""
    return {
        "type": "scatter",
        "x": [profile.ml],
        "y": [profile.swe],
        "mode": "markers+text",
        "text": [f"<b>{html.escape(label)}</b>"],
        "textposition": "bottom right",
        "marker": {
            "size": bubble_size(profile.comm),
            "color": "rgba(20,20,20,0.85)",
            "line": {"color": "white", "width": 2},
        },
        "name": label,
        "hovertemplate": (
            f"<b>{html.escape(label)}</b><br>ML %{{x:.1f}}<br>Software engineering %{{y:.1f}}"
            f"<br>Communication {profile.comm:.1f}<extra></extra>"
        ),
        "meta": {"kind": "person"},
    }


def halo_trace(profile: Profile, ml_spread: float, swe_spread: float) -> dict[str, Any]:
    """A dashed ellipse around the person: how far either way the scores may be off."""
    t = np.linspace(0, 2 * np.pi, _ELLIPSE_POINTS)
    x = np.clip(profile.ml + ml_spread * np.cos(t), AXIS_RANGE[0], AXIS_RANGE[1])
    y = np.clip(profile.swe + swe_spread * np.sin(t), AXIS_RANGE[0], AXIS_RANGE[1])
    return {
        "type": "scatter",
        "x": x.round(3).tolist(),
        "y": y.round(3).tolist(),
        "mode": "lines",
        "fill": "toself",
        "fillcolor": "rgba(20,20,20,0.06)",
        "line": {"color": "rgba(20,20,20,0.55)", "width": 1.5, "dash": "dot"},
        "name": "How sure",
        "hoverinfo": "text",
        "hoveron": "fills",
        "text": (
            f"Your scores may be off by about {ml_spread:g} (ML) and {swe_spread:g} "
            "(software engineering): they rest on few answers"
        ),
        "meta": {"kind": "halo"},
    }


def add_arrow(
    fig: go.Figure, start: tuple[float, float], end: tuple[float, float], *, colour: str
) -> go.Figure:
    """Add an arrow from the person toward a target region."""
    fig.add_annotation(arrow_annotation(start, end, colour=colour))
    return fig


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
        "arrowcolor": colour,
        "text": "",
        "name": "path",
    }
