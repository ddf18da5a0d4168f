"""Map labels drawn under the markers: a light box with its text, as a layout shape.

Plotly draws every annotation above every trace, so a role's name or a person's name written
as an annotation hides whatever marker it touches (a manager's rating, a participant's dot).
A shape in the "between" layer sits above the grid and the region fills but under the traces:
each marker stays in sight even where a label is near it. The box is sized in pixels from the
same estimate `components.labels` places labels with, anchored at the marked point, so it keeps
its size (and its place beside the marker) at every zoom and screen.
"""

from __future__ import annotations

from typing import Any

from components.labels import text_size
from components.text import plot_text

LABEL_BOX = "rgba(255,255,255,0.88)"


def _offset(anchor: str, size: float, low: str, high: str) -> float:
    """Where the box starts (pixels from the anchor) for plotly's anchor words."""
    return {low: 0.0, high: -size}.get(anchor, -size / 2)


def label_shape(
    spot: dict[str, Any],
    *,
    font: dict[str, Any],
    name: str,
    bold: bool = False,
    fill: str = LABEL_BOX,
) -> dict[str, Any]:
    """A label placed by `place_labels` (its x, y, anchors, shifts and lines) as a boxed,
    escaped text under the traces."""
    lines = spot["lines"]
    width, height = text_size(lines, float(font["size"]), bold=bold)
    left = _offset(spot.get("xanchor", "center"), width, "left", "right") + spot.get("xshift", 0)
    bottom = _offset(spot.get("yanchor", "middle"), height, "bottom", "top")
    bottom += spot.get("yshift", 0)
    text = "<br>".join(plot_text(line) for line in lines)
    return {
        "type": "rect",
        "name": name,
        "layer": "between",
        "xref": "x",
        "yref": "y",
        "xsizemode": "pixel",
        "ysizemode": "pixel",
        "xanchor": spot["x"],
        "yanchor": spot["y"],
        "x0": round(left, 1),
        "x1": round(left + width, 1),
        "y0": round(bottom, 1),
        "y1": round(bottom + height, 1),
        "fillcolor": fill,
        "line": {"width": 0},
        "label": {
            "text": f"<b>{text}</b>" if bold else text,
            "font": font,
            "textposition": "middle center",
            "padding": 0,
        },
    }


def label_box(shape: dict[str, Any], scale: tuple[float, float]) -> tuple[float, ...]:
    """The (left, bottom, right, top) of a label shape in pixels from the data origin, with
    (x, y) pixels per point: what tests and callers check markers against."""
    sx, sy = scale
    x, y = float(shape["xanchor"]) * sx, float(shape["yanchor"]) * sy
    return x + shape["x0"], y + shape["y0"], x + shape["x1"], y + shape["y1"]
