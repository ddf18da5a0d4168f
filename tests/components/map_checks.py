"""Readability checks on map figures: text contrast against what is behind it, label boxes."""

from __future__ import annotations

import re
from collections.abc import Iterator

import plotly.graph_objects as go

from components.colours import contrast, over
from components.label_shapes import label_box
from components.labels import SCALES, text_size


def _in_path(path: str, x: float, y: float) -> bool:
    """Even-odd fill of an SVG path of straight lines ("M x,y L x,y ... Z", several subpaths)."""
    inside = False
    for sub in path.split("M")[1:]:
        points = [tuple(map(float, p.split(","))) for p in re.findall(r"-?[\d.]+,-?[\d.]+", sub)]
        for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
    return inside


def background_at(fig: go.Figure, x: float, y: float) -> str:
    """The colour of the plot at (x, y): the plot background under every region (ellipse or
    open band) that covers it."""
    colour = fig.layout.plot_bgcolor or "#ffffff"
    for shape in fig.layout.shapes:
        if shape.type == "path" and shape.fillcolor and _in_path(shape.path, x, y):
            colour = over(shape.fillcolor, colour)
        if shape.type != "circle":
            continue
        cx, cy = (shape.x0 + shape.x1) / 2, (shape.y0 + shape.y1) / 2
        rx, ry = (shape.x1 - shape.x0) / 2, (shape.y1 - shape.y0) / 2
        if ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1:
            colour = over(shape.fillcolor, colour)
    return colour


def text_items(fig: go.Figure) -> Iterator[tuple[str, str, str]]:
    """(what, text colour, background colour) for every text the figure draws."""
    layout = fig.layout
    paper = layout.paper_bgcolor
    yield "font", layout.font.color, paper
    for axis in (layout.xaxis, layout.yaxis):
        yield "ticks", axis.tickfont.color, paper
        yield "axis title", axis.title.font.color, paper
    if layout.showlegend:
        yield "legend", layout.legend.font.color, paper
    yield "hover", layout.hoverlabel.font.color, layout.hoverlabel.bgcolor
    for a in layout.annotations:
        if a.text:
            ground = background_at(fig, a.x, a.y)
            yield (
                f"annotation {a.text}",
                a.font.color,
                over(a.bgcolor, ground) if a.bgcolor else ground,
            )
    for shape in layout.shapes:
        if shape.label and shape.label.text:
            ground = background_at(fig, shape.xanchor, shape.yanchor)
            yield f"label {shape.label.text}", shape.label.font.color, over(shape.fillcolor, ground)
    for t in fig.data:
        if t.mode and "text" in t.mode:
            colours = t.textfont.color
            for i, (x, y) in enumerate(zip(t.x, t.y, strict=True)):
                colour = colours if isinstance(colours, str) else colours[i]
                # Text on a marker (a person's number) is read against the marker's colour.
                ground = (t.meta or {}).get("on", [None] * len(t.x))[i] or background_at(fig, x, y)
                yield f"text of {t.name}", colour, ground


def worst_text_contrast(fig: go.Figure) -> tuple[float, str]:
    """The lowest contrast of any text in the figure, and which text it is."""
    return min((contrast(fg, bg), what) for what, fg, bg in text_items(fig))


def label_boxes(
    fig: go.Figure, scale: float
) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Each text label's box (annotation or label shape) in pixels from the data origin, at
    `scale` pixels per point."""
    out = [
        (shape.label.text, label_box(shape.to_plotly_json(), (scale, scale)))
        for shape in fig.layout.shapes
        if shape.label and shape.label.text
    ]
    for a in fig.layout.annotations:
        if not a.text or a.showarrow:
            continue
        bold = a.text.startswith("<b>")
        text = a.text.removeprefix("<b>").removesuffix("</b>")
        w, h = text_size(text.split("<br>"), a.font.size, bold=bold)
        cx, cy = a.x * scale + (a.xshift or 0), a.y * scale + (a.yshift or 0)
        left = {"left": cx, "right": cx - w}.get(a.xanchor, cx - w / 2)
        bottom = {"bottom": cy, "top": cy - h}.get(a.yanchor, cy - h / 2)
        out.append((text, (left, bottom, left + w, bottom + h)))
    return out


def label_problems(fig: go.Figure) -> list[str]:
    """Labels that overlap each other or leave the plot, at any of the screen scales the
    figure was placed for (`meta["scales"]`, else the page's)."""
    lo, hi = fig.layout.xaxis.range
    problems = []
    for s in (fig.layout.meta or {}).get("scales", SCALES):
        boxes = label_boxes(fig, s)
        for name, (left, bottom, right, top) in boxes:
            if left < lo * s or right > hi * s or bottom < lo * s or top > hi * s:
                problems.append(f"{name} leaves the plot at {s:g} px per point")
        for i, (n1, a) in enumerate(boxes):
            for n2, b in boxes[i + 1 :]:
                if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]:
                    problems.append(f"{n1} overlaps {n2} at {s:g} px per point")
    return problems
