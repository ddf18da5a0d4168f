"""The team on the skills map: one marker per person in their best-fit role's colour and shape.

Pure functions, so tests read exactly what the page shows. Names go beside the markers only where
they fit without overlapping (see `components.labels`); the rest are listed under the map.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components.labels import AXIS_RANGE, Mark, covered, place_labels
from components.region_labels import (
    label_annotation,
    region_annotations,
    region_label_marks,
)
from components.skills_map import INK, base_map, bubble_size
from components.text import plot_text
from roles.i18n import DEFAULT_LANG, N_, Lang, tr
from roles.models import Catalog, Profile

# People on the same spot are moved round a small spiral so each stays visible and hoverable.
_SPOT = 0.1  # points closer than this on both axes count as the same spot
_STEP = 0.13  # distance of the first moved copy; later copies spiral out by sqrt(k)
_GOLDEN_ANGLE = 2.399963
# More names than this would cover the map: they stay in the hover and the list.
MAX_NAME_LABELS = 60
# Markers that labels keep clear of; beyond this many, checking them all costs more than it helps.
_MAX_OBSTACLES = 300
_NAME_FONT = 12
LEGEND_TITLE = N_("Best-fit role (people)")
CENTRE_LABEL = N_("Team centre")
POSTING_LABEL = N_("Job posting")


def spread_overlaps(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Deterministic offsets for points that share a spot; the first point on a spot stays put."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if len(x) == 0:
        return x, y
    spots = pd.DataFrame({"x": np.round(x / _SPOT), "y": np.round(y / _SPOT)})
    k = spots.groupby(["x", "y"], sort=False).cumcount().to_numpy(dtype=float)
    radius = _STEP * np.sqrt(k)
    return x + radius * np.cos(k * _GOLDEN_ANGLE), y + radius * np.sin(k * _GOLDEN_ANGLE)


def _hover(frame: pd.DataFrame, lang: Lang) -> list[str]:
    return [
        f"<b>{plot_text(n)}</b><br>"
        + tr(lang, "{role} (fit {fit:.0f})", role=plot_text(r), fit=f)
        + "<br>"
        + _scores(m, s, c, lang)
        for n, r, f, m, s, c in zip(
            frame["name"],
            frame["best_role_name"],
            frame["best_fit"],
            frame["ml"],
            frame["swe"],
            frame["comm"],
            strict=True,
        )
    ]


def _scores(ml: float, swe: float, comm: float, lang: Lang) -> str:
    return tr(
        lang,
        "ML {ml:.1f} · Software engineering {swe:.1f} · Communication {comm:.1f}",
        ml=ml,
        swe=swe,
        comm=comm,
    )


def _marker_scale(n: int) -> float:
    # Big teams get smaller bubbles so the regions stay readable.
    return 0.75 if n <= 60 else 0.45 if n <= 500 else 0.25


def _sizes(fitted: pd.DataFrame) -> np.ndarray:
    scale = _marker_scale(len(fitted))
    return bubble_size(0, scale) + 3.2 * scale * fitted["comm"].to_numpy(dtype=float)


def team_traces(
    fitted: pd.DataFrame, catalog: Catalog, x: np.ndarray, y: np.ndarray
) -> list[dict[str, Any]]:
    """One trace per best-fit role: its colour and its shape, counted in the legend."""
    symbols = catalog.symbols()
    sizes = _sizes(fitted)
    traces = []
    for role in catalog.roles:
        mask = (fitted["best_role"] == role.id).to_numpy()
        if not mask.any():
            continue
        traces.append(
            {
                "type": "scatter",
                "x": x[mask],
                "y": y[mask],
                "mode": "markers",
                "hovertext": _hover(fitted.loc[mask], catalog.lang),
                "hoverinfo": "text",
                "marker": {
                    "symbol": symbols[role.id],
                    "size": sizes[mask],
                    "color": role.colour,
                    "opacity": 0.9,
                    # A dark edge keeps every shape at 3:1 or more against the map.
                    "line": {"color": "rgba(17,20,24,0.9)", "width": 1},
                },
                "name": f"{plot_text(role.short_name)} ({int(mask.sum())})",
                "showlegend": True,
                "meta": {"kind": "team", "role": role.id},
            }
        )
    return traces


def marker_trace(
    profile: Profile,
    *,
    label: str,
    kind: str,
    symbol: str,
    colour: str,
    lang: Lang = DEFAULT_LANG,
) -> dict[str, Any]:
    """A marker for the team's centre or a job posting (its label is placed with the names)."""
    return {
        "type": "scatter",
        "x": [profile.ml],
        "y": [profile.swe],
        "mode": "markers",
        "marker": {"size": 20, "symbol": symbol, "color": colour, "line": {"width": 2.5}},
        "hovertext": [
            f"<b>{plot_text(label)}</b><br>" + _scores(profile.ml, profile.swe, profile.comm, lang)
        ],
        "hoverinfo": "text",
        "name": label,
        "showlegend": True,
        "meta": {"kind": kind},
    }


def _label_annotations(
    catalog: Catalog,
    fixed: list[tuple[Profile, str]],
    people: pd.DataFrame,
    xy: tuple[np.ndarray, np.ndarray],
    named: bool,
) -> tuple[list[dict[str, Any]], list[str], list[str]]:
    """All the map's labels placed together: role names first, then the centre and the
    posting, then (if named) each person that has room; every marker is kept clear of.
    Returns the annotations, the names left unlabelled and the people under a role's name."""
    regions = region_label_marks(catalog)
    marks = regions + [Mark(p.ml, p.swe, label, 10.0, _NAME_FONT) for p, label in fixed]
    if named or len(people) <= _MAX_OBSTACLES:
        texts = [str(n) for n in people["name"]] if named else [""] * len(people)
        radii = _sizes(people) / 2
        marks += [
            Mark(float(a), float(b), t, float(r), _NAME_FONT)
            for a, b, t, r in zip(*xy, texts, radii, strict=True)
        ]
    spots = place_labels(marks, AXIS_RANGE, leading=len(regions))
    n = len(regions)
    font = {"size": _NAME_FONT, "color": INK}
    annotations = region_annotations(catalog, spots[:n]) + [
        label_annotation(spot, font=font, name="label") for spot in spots[n:] if spot is not None
    ]
    unlabelled = [
        m.text
        for m, spot in zip(marks[n + len(fixed) :], spots[n + len(fixed) :], strict=True)
        if m.text and spot is None
    ]
    return annotations, unlabelled, _under_role_names(regions, people, xy, spots[:n])


def _under_role_names(
    regions: list[Mark], people: pd.DataFrame, xy: tuple[np.ndarray, np.ndarray], spots: list[Any]
) -> list[str]:
    """People whose marker's centre a role's name covers on some screen (phone to desktop):
    plotly draws every annotation over the traces, so the page lists them where they can be
    read. A name over a marker's edge leaves the person in sight, so it does not count."""
    points = [(float(a), float(b), 0.0) for a, b in zip(*xy, strict=True)]
    hidden = covered(spots, regions, points)
    return [str(people["name"].iloc[i]) for i in hidden]


def team_map_figure(
    fitted: pd.DataFrame,
    catalog: Catalog,
    *,
    show_names: bool = False,
    centroid: Profile | None = None,
    posting: Profile | None = None,
    height: int = 620,
) -> go.Figure:
    """The map with the whole team, its centre and optionally a job posting's demands.

    The centre is an open marker drawn under the people, so nobody standing there is hidden.
    `fig.layout.meta["unlabelled"]` names the people whose label found no free spot, and
    `fig.layout.meta["under_role_names"]` those a role's name may cover.
    """
    fig = base_map(catalog, height=height, centres=True)
    lang = catalog.lang
    x, y = spread_overlaps(fitted["ml"].to_numpy(), fitted["swe"].to_numpy())
    fixed: list[tuple[Profile, str]] = []
    if centroid is not None:  # drawn first, so under the people
        centre = tr(lang, CENTRE_LABEL)
        fig.add_trace(
            marker_trace(
                centroid,
                label=centre,
                kind="centroid",
                symbol="circle-x-open",
                colour=INK,
                lang=lang,
            )
        )
        fixed.append((centroid, centre))
    for trace in team_traces(fitted, catalog, x, y):
        fig.add_trace(trace)
    if posting is not None:  # a demand, not a person: on top
        label = tr(lang, POSTING_LABEL)
        fig.add_trace(
            marker_trace(
                posting, label=label, kind="posting", symbol="star", colour="#b07d00", lang=lang
            )
        )
        fixed.append((posting, label))
    named = show_names and len(fitted) <= MAX_NAME_LABELS
    annotations, unlabelled, under = _label_annotations(catalog, fixed, fitted, (x, y), named)
    fig.layout.annotations = annotations  # replaces the base map's: all are placed together
    fig.update_layout(
        showlegend=True,
        legend={
            "orientation": "h",
            "yanchor": "top",
            "y": -0.1,
            "x": 0,
            "title": {"text": tr(lang, LEGEND_TITLE), "side": "top"},
            "entrywidth": 0.5,  # two entries a row, so a phone keeps room for the map
            "entrywidthmode": "fraction",
            "font": {"color": INK},
        },
        meta={"unlabelled": unlabelled, "under_role_names": under},
    )
    return fig
