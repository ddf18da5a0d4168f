"""The team on the skills map: one marker per person in their best-fit role's colour and shape.

Pure functions, so tests read exactly what the page shows. Names go beside the markers only where
they fit without overlapping at every screen size (see `components.labels`); a person whose name
finds no room carries a number on their marker, and the key under the map names each number.
Labels are boxes under the markers (`components.label_shapes`), so no mark is ever hidden.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components.colours import contrast
from components.label_shapes import label_shape
from components.labels import AXIS_RANGE, Mark, place_labels
from components.region_labels import region_label_marks, region_label_shapes
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
_NUMBER_FONT = 11
# Pixels per score point the labels must fit at: a map in a column 520 px wide or more (a
# desktop page: about 55 at 1440x900), and a narrower one (a phone: about 26 at 390 px).
# Placed for the desktop alone, 9 of the 10 example names fit instead of 6 (measured).
MAP_SCALES = {"wide": (40.0, 48.0, 56.0), "narrow": (22.0, 28.0, 34.0, 40.0)}
NARROW_BELOW_PX = 520
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


def _labels(
    catalog: Catalog,
    fixed: list[tuple[Profile, str]],
    people: pd.DataFrame,
    xy: tuple[np.ndarray, np.ndarray],
    named: bool,
    scales: tuple[float, ...],
) -> tuple[list[dict[str, Any]], list[int]]:
    """All the map's labels placed together, as boxes under the markers: role names first,
    then the centre and the posting, then (if named) each person that has room; every marker
    is kept clear of. Returns the label shapes and the positions of the people left unnamed."""
    radii = _sizes(people) / 2
    # Without names, role names keep clear of the people where they can (they may still lie
    # under a marker, which is drawn over them). With names they stay where the empty map puts
    # them: moved into the gaps between people, they took the room the names need (measured:
    # 6 of the 10 example names numbered instead of 4).
    clear = []
    if not named and len(people) <= _MAX_OBSTACLES:
        clear = [
            Mark(float(a), float(b), "", float(r), never_cover=True)
            for a, b, r in zip(*xy, radii, strict=True)
        ]
    regions = region_label_marks(catalog)
    marks = clear + regions
    marks += [Mark(p.ml, p.swe, label, 10.0, _NAME_FONT) for p, label in fixed]
    if named:
        marks += [
            Mark(float(a), float(b), str(t), float(r), _NAME_FONT)
            for a, b, t, r in zip(*xy, people["name"], radii, strict=True)
        ]
    spots = place_labels(marks, AXIS_RANGE, leading=len(clear) + len(regions), scales=scales)
    n = len(clear) + len(regions)
    font = {"size": _NAME_FONT, "color": INK}
    shapes = region_label_shapes(catalog, spots[len(clear) : n]) + [
        label_shape(spot, font=font, name="label") for spot in spots[n:] if spot is not None
    ]
    people_spots = spots[n + len(fixed) :]
    return shapes, [i for i, spot in enumerate(people_spots) if spot is None]


def _number_colour(colour: str) -> str:
    """Ink or white, whichever reads better on a marker of this colour."""
    return INK if contrast(colour, INK) >= contrast(colour, "#ffffff") else "#ffffff"


def numbers_trace(
    fitted: pd.DataFrame, catalog: Catalog, xy: tuple[np.ndarray, np.ndarray], unnamed: list[int]
) -> dict[str, Any]:
    """The numbers of the people whose name found no room, written on their own markers (drawn
    after them, so on top): the key under the map gives each number its name."""
    colours = {r.id: r.colour for r in catalog.roles}
    return {
        "type": "scatter",
        "x": [float(xy[0][i]) for i in unnamed],
        "y": [float(xy[1][i]) for i in unnamed],
        "mode": "text",
        "text": [str(k) for k in range(1, len(unnamed) + 1)],
        "textposition": "middle center",
        "textfont": {
            "size": _NUMBER_FONT,
            "color": [_number_colour(colours[fitted["best_role"].iloc[i]]) for i in unnamed],
            "weight": "bold",
        },
        "hoverinfo": "skip",
        "showlegend": False,
        # The colour each number is read against: its marker's.
        "meta": {"kind": "numbers", "on": [colours[fitted["best_role"].iloc[i]] for i in unnamed]},
    }


def team_map_figure(
    fitted: pd.DataFrame,
    catalog: Catalog,
    *,
    show_names: bool = False,
    centroid: Profile | None = None,
    posting: Profile | None = None,
    height: int = 620,
    width: str = "wide",
) -> go.Figure:
    """The map with the whole team, its centre and optionally a job posting's demands.

    The centre is an open marker drawn under the people, so nobody standing there is hidden;
    every label is a box under the markers. `fig.layout.meta["numbered"]` is the key: [number,
    name] of each person whose name found no free spot and who carries a number instead.
    `width` is the map the labels are placed for (`MAP_SCALES`): the page draws a "wide" one
    and, with names, a "narrow" one for phones, and shows the one that fits its column.
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
    shapes, unnamed = _labels(catalog, fixed, fitted, (x, y), named, MAP_SCALES[width])
    if unnamed:
        fig.add_trace(numbers_trace(fitted, catalog, (x, y), unnamed))
    # The base map's role names are replaced: all labels are placed together, under the markers.
    fig.layout.annotations = []
    fig.layout.shapes = [*fig.layout.shapes, *shapes]
    key = [[k, str(fitted["name"].iloc[i])] for k, i in enumerate(unnamed, start=1)]
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
        meta={"numbered": key, "scales": list(MAP_SCALES[width])},
    )
    return fig
