"""Self vs manager on the team map: the manager's rating of a member as a second, open marker,
joined to the member's own point by a line (a pure function of the figure and the team)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components.skills_map import INK
from components.team.map import spread_overlaps
from components.text import plot_text
from roles.i18n import DEFAULT_LANG, N_, Lang, tr
from roles.models import axis_label

RATING_NAME = N_("Your rating")


def _value(row: Mapping[Any, Any], column: str) -> float | None:
    value = row.get(column)
    if value is None:
        return None
    number = float(value)
    return None if math.isnan(number) else number


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"


def rating_points(fitted: pd.DataFrame, lang: Lang = DEFAULT_LANG) -> list[dict[str, Any]]:
    """One point per member the manager placed: own (drawn) position, manager position, hover.

    The manager's ML or software engineering stands in for theirs; a measure the manager left
    out takes the member's own value. A rating of communication only moves nothing.
    """
    x, y = spread_overlaps(fitted["ml"].to_numpy(), fitted["swe"].to_numpy())
    points = []
    for (sx, sy), row in zip(zip(x, y, strict=True), fitted.to_dict("records"), strict=True):
        mine = {a: _value(row, f"manager_{a}") for a in ("ml", "swe", "comm")}
        if mine["ml"] is None and mine["swe"] is None:
            continue
        mx = mine["ml"] if mine["ml"] is not None else float(row["ml"])
        my = mine["swe"] if mine["swe"] is not None else float(row["swe"])
        name = plot_text(row["name"])
        yours = " · ".join(f"{_short(a, lang)} {_fmt(mine[a])}" for a in ("ml", "swe", "comm"))
        theirs = " · ".join(f"{_short(a, lang)} {float(row[a]):g}" for a in ("ml", "swe", "comm"))
        title = tr(lang, "Your rating of {name}", name=name)
        hover = f"<b>{title}</b><br>{yours}<br>" + tr(lang, "Their own: {scores}", scores=theirs)
        points.append({"own": (float(sx), float(sy)), "manager": (mx, my), "hover": hover})
    return points


def _short(axis: str, lang: Lang) -> str:
    # "ML" stays the short name in Chinese too: it is what engineers say.
    return "ML" if axis == "ml" else axis_label(axis, lang)


def add_manager_ratings(
    fig: go.Figure, fitted: pd.DataFrame, lang: Lang = DEFAULT_LANG
) -> go.Figure:
    """Draw the manager's ratings (open diamonds) joined to the members' own points."""
    if not {"manager_ml", "manager_swe"} <= set(fitted.columns):
        return fig
    points = rating_points(fitted, lang)
    if not points:
        return fig
    xs: list[float | None] = []
    ys: list[float | None] = []
    for p in points:
        xs += [p["own"][0], p["manager"][0], None]
        ys += [p["own"][1], p["manager"][1], None]
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=ys,
            mode="lines",
            line={"color": INK, "width": 1.5, "dash": "dot"},
            hoverinfo="skip",
            showlegend=False,
            legendgroup="manager",
            meta={"kind": "self_vs_manager"},
        )
    )
    fig.add_trace(
        go.Scatter(
            x=np.array([p["manager"][0] for p in points]),
            y=np.array([p["manager"][1] for p in points]),
            mode="markers",
            marker={"symbol": "diamond-open", "size": 13, "color": INK, "line": {"width": 2.5}},
            hovertext=[p["hover"] for p in points],
            hoverinfo="text",
            name=f"{tr(lang, RATING_NAME)} ({len(points)})",
            legendgroup="manager",
            showlegend=True,
            meta={"kind": "manager"},
        )
    )
    return fig
