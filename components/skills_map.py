"""The skills map as a plotly figure: role regions, people and arrows.

Figures are built by plain functions so tests can inspect them and every mode (Me, Team,
Workshop) draws the same map. Every colour and font is set here (charts are drawn with
`theme=None`), so tests can check each text's contrast against what is behind it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import plotly.graph_objects as go

from components.labels import AXIS_RANGE, SCALES
from components.region_labels import (
    CENTRE_RADIUS,
    label_colour,
    needed_clearance,
    region_annotations,
    region_spots,
)
from components.region_shapes import region_shapes
from components.text import plot_text
from roles.caching import memoize
from roles.i18n import DEFAULT_LANG, Lang, tr
from roles.models import Catalog, Role
from serving.st_internals import SentAsIs as SentAsIs  # the Me page sends its map with it

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
# Margins are fixed (no automargin): automargin makes plotly lay the chart out twice per draw.
MARGIN = {"l": 52, "r": 8, "t": 8, "b": 44}
PLOT_CONFIG: dict[str, Any] = {
    "displaylogo": False,
    # One button, PNG export; the rest (zoom, pan, autoscale...) were Tab stops nobody needed.
    "modeBarButtons": [["toImage"]],
    "toImageButtonOptions": {"format": "png", "filename": "ml-skills-map", "scale": 2},
}


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
    clear = needed_clearance(catalog_json, font_size, clear, scales)
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


@memoize(maxsize=256)
def _base_map_dict(
    catalog_json: str,
    height: int,
    font_size: int,
    centres: bool,
    keep_clear: tuple[tuple[float, float, float], ...] = (),
    scales: tuple[float, ...] = SCALES,
) -> dict[str, Any]:
    catalog = Catalog.model_validate_json(catalog_json)
    spots = region_spots(catalog_json, font_size, keep_clear, scales)
    annotations = region_annotations(catalog, spots, font_size)
    layout = map_layout(height, font_size, annotations, lang=catalog.lang)
    # Regions are layout shapes, not filled traces: a fraction of the data to copy, send and
    # draw on every rerun.
    layout["shapes"] = [shape for role in catalog.roles for shape in region_shapes(role)]
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
    return f"<b>{plot_text(role.name)}</b><br>" + tr(
        lang,
        "ML {ml:.1f} ± {ml_extent:.1f}<br>Software engineering {swe:.1f} ± {swe_extent:.1f}"
        "<br>Communication bar {comm:.1f}",
        **role.ranges(),
    )


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
            "size": 2 * CENTRE_RADIUS,
            "color": [label_colour(r.colour) for r in catalog.roles],
            "line": {"width": 2},
        },
        "hoverinfo": "text",
        "hovertext": [_region_hover(r, catalog.lang) for r in catalog.roles],
        "name": tr(catalog.lang, "Region centres"),
        "showlegend": False,
        "meta": {"kind": "centres"},
    }
