"""The skills map as a plotly figure: role regions, people and arrows.

Figures are built by plain functions so tests can inspect them and every mode (Me, Team,
Workshop) draws the same map. Every colour and font is set here (charts are drawn with
`theme=None`), so tests can check each text's contrast against what is behind it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import plotly.graph_objects as go
from plotly.basedatatypes import BaseFigure

from components.colours import TEXT_CONTRAST, darken_to, rgba
from components.labels import SCALES, Mark, covers, place_labels
from components.text import plot_text
from roles.i18n import DEFAULT_LANG, Lang, tr
from roles.models import Catalog, Role

# A little past 0-10, so regions near the frame are drawn whole.
AXIS_RANGE = (-0.6, 10.9)
# Streamlit's own font, then Chinese fonts for the characters it lacks (Noto Sans CJK on Linux,
# including the server's Chromium that draws report images; PingFang on Apple, YaHei on Windows).
FONT = (
    '"Source Sans", "Source Sans Pro", "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", '
    '"Microsoft YaHei", sans-serif'
)
INK = "#111418"  # the app's text colour (.streamlit/config.toml)
MUTED_INK = "#454a52"  # tick labels: 8.9:1 on white
PAPER = "#ffffff"
GRID = "#e4e8ee"
FILL_ALPHA = 0.16
# Labels sit on a nearly opaque white box; its colour over the darkest stack of region fills is
# never darker than this, so a label colour that reaches 4.5:1 here is readable anywhere.
LABEL_BOX = "rgba(255,255,255,0.88)"
_LABEL_GROUND = "#e6e6e6"
_CENTRE_RADIUS = 6.0
# Margins are fixed (no automargin): automargin makes plotly lay the chart out twice per draw.
MARGIN = {"l": 52, "r": 8, "t": 8, "b": 44}
PLOT_CONFIG: dict[str, Any] = {
    "displaylogo": False,
    # One button, PNG export; the rest (zoom, pan, autoscale...) were Tab stops nobody needed.
    "modeBarButtons": [["toImage"]],
    "toImageButtonOptions": {"format": "png", "filename": "ml-skills-map", "scale": 2},
}


@lru_cache(maxsize=64)
def label_colour(colour: str) -> str:
    """A role colour darkened just enough for text on the map (4.5:1 on a label box)."""
    return darken_to(colour, _LABEL_GROUND, TEXT_CONTRAST)


def bubble_size(comm: float, scale: float = 1.0) -> float:
    """Marker diameter in pixels for a communication score (the lecture's bubble size)."""
    return float(scale * (12 + 3.2 * comm))


def base_map(
    catalog: Catalog,
    *,
    height: int = 560,
    font_size: int = 13,
    centres: bool = False,
    scales: tuple[float, ...] = SCALES,
) -> go.Figure:
    """An empty skills map: axes, and each role's region as a labelled translucent ellipse;
    with `centres`, an open marker in each role's shape at its centre (hover: its ranges).
    Role names are placed to fit the map at `scales` (pixels per point; a projector's are
    larger than a page's, which leaves room for its larger letters)."""
    return figure(
        map_spec(catalog, height=height, font_size=font_size, centres=centres, scales=scales)
    )


def map_spec(
    catalog: Catalog,
    *,
    traces: Sequence[dict[str, Any]] = (),
    annotations: Sequence[dict[str, Any]] = (),
    shapes: Sequence[dict[str, Any]] = (),
    height: int = 560,
    font_size: int = 13,
    centres: bool = True,
    keep_clear: Sequence[tuple[float, float, float]] = (),
    scales: tuple[float, ...] = SCALES,
) -> dict[str, Any]:
    """The map with extra traces, annotations and shapes composed onto the cached base, as a
    plain dict (wrap it with `figure`, or send it with `SentAsIs`). It shares its nested parts
    with the cached base: read it, send it, never change it in place.

    `keep_clear`: (ML, software engineering, radius in pixels) of marks the role names must not
    cover, such as the person's own bubble."""
    catalog_json = catalog.model_dump_json()
    clear = tuple((round(x, 2), round(y, 2), round(r, 1)) for x, y, r in keep_clear)
    clear = _needed_clearance(catalog_json, font_size, clear, scales)
    base = _base_map_dict(catalog_json, height, font_size, centres, clear, scales)
    layout = {**base["layout"], "annotations": [*base["layout"]["annotations"], *annotations]}
    if shapes:
        layout["shapes"] = [*base["layout"]["shapes"], *shapes]
    return {"data": [*base["data"], *traces], "layout": layout}


def figure(spec: dict[str, Any]) -> go.Figure:
    """Wrap a figure spec without plotly's per-property validation.

    Validation costs ~10 ms per figure on every rerun; the specs come from this module and the
    tests validate each one once (`go.Figure(spec)`), so skipping it here is safe. go.Figure
    deep-copies what it is given, so a cached spec is never changed through the figure.
    """
    return go.Figure(spec, _validate=False)


class SentAsIs(BaseFigure):
    """A finished spec for `st.plotly_chart`, sent without plotly building a figure from it.

    st.plotly_chart turns a go.Figure into a dict with `to_dict()`, which deep-copies every
    trace, shape and annotation, and it validates a plain dict property by property. On the Me
    page building and copying the map was about a third of a rerun's CPU
    (`bench/bench_me.py`). The spec is the one `figure()` wraps for tests and exports, and
    st.plotly_chart only serialises what `to_dict()` returns, so nothing is lost by skipping
    the copy. Deliberately no `super().__init__()`: none of plotly's figure state is needed.
    """

    def __init__(self, spec: dict[str, Any]) -> None:
        self._spec = spec

    def to_dict(self) -> dict[str, Any]:
        return self._spec


def region_label_marks(catalog: Catalog, font_size: int = 13) -> list[Mark]:
    """Where each role's name goes: beside the marker at the region's centre."""
    return [
        Mark(
            r.region.ml,
            r.region.swe,
            r.short_name,
            _CENTRE_RADIUS,
            font_size,
            bold=True,
            may_cover_markers=True,  # a region's name matters more than a clear view of a dot
            # Failing a spot beside the centre, anywhere well inside the region will do.
            fallbacks=tuple(
                (
                    r.region.ml + f * r.region.ml_extent * dx,
                    r.region.swe + f * r.region.swe_extent * dy,
                )
                for f in (0.3, 0.5, 0.7, 0.9)
                for dx, dy in (
                    (0, 1),
                    (0, -1),
                    (-1, 0),
                    (1, 0),
                    (-0.7, 0.7),
                    (0.7, 0.7),
                    (-0.7, -0.7),
                    (0.7, -0.7),
                )
            ),
        )
        for r in catalog.roles
    ]


def label_annotation(
    spot: dict[str, Any], *, font: dict[str, Any], name: str, bold: bool = False
) -> dict[str, Any]:
    """An annotation for a label placed by `place_labels`: escaped, on a light box."""
    # Zero shifts are plotly's defaults: left out, the figure is smaller to copy and send.
    fields = {
        k: v for k, v in spot.items() if k != "lines" and not (k.endswith("shift") and v == 0)
    }
    text = "<br>".join(plot_text(line) for line in spot["lines"])
    return {
        **fields,
        "text": f"<b>{text}</b>" if bold else text,
        "font": font,
        "bgcolor": LABEL_BOX,
        "name": name,
    }


def region_annotations(
    catalog: Catalog, spots: Sequence[dict[str, Any] | None], font_size: int = 13
) -> list[dict[str, Any]]:
    """The role names as annotations at the given spots (from `place_labels`)."""
    return [
        label_annotation(
            # A region label that found no free spot still goes above its centre.
            spot
            or {
                "x": r.region.ml,
                "y": r.region.swe,
                "yshift": 10,
                "showarrow": False,
                "lines": [r.short_name],
            },
            font={"size": font_size, "color": label_colour(r.colour)},
            name=f"region:{r.id}",
            bold=True,
        )
        for r, spot in zip(catalog.roles, spots, strict=True)
    ]


@lru_cache(maxsize=16)
def _region_marks(catalog_json: str, font_size: int) -> tuple[Mark, ...]:
    return tuple(region_label_marks(Catalog.model_validate_json(catalog_json), font_size))


@lru_cache(maxsize=2048)  # a few hundred bytes each; one per place a person has stood
def _region_spots(
    catalog_json: str,
    font_size: int,
    keep_clear: tuple[tuple[float, float, float], ...],
    scales: tuple[float, ...] = SCALES,
) -> tuple[dict[str, Any] | None, ...]:
    # Places to keep clear (a person's bubble) go first, with no text: the role names avoid them.
    clear = [Mark(x, y, "", radius, never_cover=True) for x, y, radius in keep_clear]
    marks = [*clear, *_region_marks(catalog_json, font_size)]
    return tuple(place_labels(marks, AXIS_RANGE, scales=scales)[len(clear) :])


def _needed_clearance(
    catalog_json: str,
    font_size: int,
    keep_clear: tuple[tuple[float, float, float], ...],
    scales: tuple[float, ...] = SCALES,
) -> tuple[tuple[float, float, float], ...]:
    """`keep_clear` if a role name in its usual place covers one of them, else nothing: the
    names stay put (and the cached map serves) unless the person is under one."""
    if not keep_clear:
        return ()
    usual = _region_spots(catalog_json, font_size, (), scales)
    if covers(usual, _region_marks(catalog_json, font_size), keep_clear, scales):
        return keep_clear
    return ()


@lru_cache(maxsize=256)
def _base_map_dict(
    catalog_json: str,
    height: int,
    font_size: int,
    centres: bool,
    keep_clear: tuple[tuple[float, float, float], ...] = (),
    scales: tuple[float, ...] = SCALES,
) -> dict[str, Any]:
    catalog = Catalog.model_validate_json(catalog_json)
    spots = _region_spots(catalog_json, font_size, keep_clear, scales)
    annotations = region_annotations(catalog, spots, font_size)
    layout = map_layout(height, font_size, annotations, lang=catalog.lang)
    # Regions are layout shapes, not filled traces: a fraction of the data to copy, send and
    # draw on every rerun.
    layout["shapes"] = [_region_shape(role) for role in catalog.roles]
    return {"data": [_centre_trace(catalog)] if centres else [], "layout": layout}


def map_layout(
    height: int, font_size: int, annotations: list[dict[str, Any]], *, lang: Lang = DEFAULT_LANG
) -> dict[str, Any]:
    """Axes (titled in `lang`), fonts and colours of the map; every text colour is explicit."""
    axis = {
        "range": list(AXIS_RANGE),
        "dtick": 2,
        "zeroline": False,
        "showgrid": True,
        "gridcolor": GRID,
        "constrain": "domain",
        "automargin": False,
        "fixedrange": True,
        "tickfont": {"color": MUTED_INK, "size": font_size - 1},
    }
    title = {"font": {"color": INK, "size": font_size}, "standoff": 6}
    return {
        "height": height,
        "margin": MARGIN,
        "xaxis": {**axis, "title": {**title, "text": tr(lang, "ML expertise →")}},
        "yaxis": {
            **axis,
            "title": {**title, "text": tr(lang, "Software engineering →")},
            "scaleanchor": "x",
            "scaleratio": 1,
        },
        "showlegend": False,
        "hoverlabel": {
            "namelength": -1,
            "bgcolor": PAPER,
            "bordercolor": INK,
            "font": {"color": INK, "family": FONT},
        },
        "paper_bgcolor": PAPER,
        "plot_bgcolor": PAPER,
        "font": {"size": font_size, "family": FONT, "color": INK},
        "annotations": annotations,
        "dragmode": False,
        # Streamlit passes the exact width and height; plotly's autosize would also read the
        # element's computed style on every draw, forcing a style recalculation of the page.
        "autosize": False,
        # No template: every style is set above, and plotly's default would only add weight.
        "template": {"data": {}, "layout": {}},
    }


def _region_hover(role: Role, lang: Lang) -> str:
    g = role.region
    return f"<b>{plot_text(role.name)}</b><br>" + tr(
        lang,
        "ML {ml:.1f} ± {ml_extent:.1f}<br>Software engineering {swe:.1f} ± {swe_extent:.1f}"
        "<br>Communication bar {comm:.1f}",
        ml=g.ml,
        ml_extent=g.ml_extent,
        swe=g.swe,
        swe_extent=g.swe_extent,
        comm=role.comm,
    )


def _region_shape(role: Role) -> dict[str, Any]:
    g = role.region
    return {
        "type": "circle",  # an ellipse in data coordinates (plotly's default x and y axes)
        "x0": g.ml - g.ml_extent,
        "x1": g.ml + g.ml_extent,
        "y0": g.swe - g.swe_extent,
        "y1": g.swe + g.swe_extent,
        "fillcolor": rgba(role.colour, FILL_ALPHA),
        "line": {"color": rgba(role.colour, 0.85), "width": 1.5},
        "layer": "below",
        "name": f"region:{role.id}",
    }


def _centre_trace(catalog: Catalog) -> dict[str, Any]:
    """An open marker in each role's shape at its region's centre: the key to the shapes."""
    symbols = catalog.symbols()
    return {
        "type": "scatter",
        "x": [r.region.ml for r in catalog.roles],
        "y": [r.region.swe for r in catalog.roles],
        "mode": "markers",
        "marker": {
            "symbol": [f"{symbols[r.id]}-open" for r in catalog.roles],
            "size": 2 * _CENTRE_RADIUS,
            "color": [label_colour(r.colour) for r in catalog.roles],
            "line": {"width": 2},
        },
        "hoverinfo": "text",
        "hovertext": [_region_hover(r, catalog.lang) for r in catalog.roles],
        "name": tr(catalog.lang, "Region centres"),
        "showlegend": False,
        "meta": {"kind": "centres"},
    }
