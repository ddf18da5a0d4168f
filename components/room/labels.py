"""Where names go on the projected map: at most a few, short, and never on top of each other.

Plotly places text without avoiding collisions, so labels are placed here, greedily, against the
smallest plot the projector view draws (a 1280x720 screen). A label that would touch one already
placed, or leave the plot, is left out. Font sizes are in pixels, so on a bigger screen the same
labels only get further apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from store.text import shorten

# The smallest map the projector view draws, in pixels, and the data range it shows.
PLOT_PX = (820.0, 440.0)
# Wider than most sans-serif glyphs, so the estimate of a label's width errs on the safe side.
CHAR_WIDTH_EM = 0.62
LINE_HEIGHT_EM = 1.3
MAX_LABEL_CHARS = 16
MAX_LABELS = 40


@dataclass(frozen=True)
class Label:
    """A name to draw, centred at (x, y) in data units."""

    x: float
    y: float
    text: str


def short_label(name: str) -> str:
    """A name cut to fit a label (at a word when possible), with an ellipsis when cut."""
    clean = " ".join(name.split())
    if len(clean) <= MAX_LABEL_CHARS:
        return clean
    return shorten(clean, MAX_LABEL_CHARS - 1).rstrip() + "…"


def _overlaps(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_labels(
    points: Sequence[tuple[float, float, float]],
    names: Sequence[str],
    *,
    axis_range: tuple[float, float],
    font_px: float,
    limit: int = MAX_LABELS,
    keep_clear: Sequence[tuple[float, float, str]] = (),
) -> list[Label]:
    """Labels for the points (x, y, marker diameter in px) that fit: above, else below the dot.

    `keep_clear` are texts already on the map (x, y, text), such as the role names: no label
    goes over them either.
    """
    lo, hi = axis_range
    sx, sy = PLOT_PX[0] / (hi - lo), PLOT_PX[1] / (hi - lo)
    height = font_px * LINE_HEIGHT_EM

    def box(x: float, y: float, text: str) -> tuple[float, ...]:
        width = len(text) * font_px * CHAR_WIDTH_EM
        return (x - width / 2, y - height / 2, x + width / 2, y + height / 2)

    placed = [box((x - lo) * sx, (y - lo) * sy, text) for x, y, text in keep_clear]
    labels: list[Label] = []
    for (x, y, size), name in zip(points, names, strict=True):
        text = short_label(name)
        if not text or len(labels) >= limit:
            continue
        py = (y - lo) * sy
        # Centred on the dot, shifted sideways as little as needed to stay inside the plot.
        half = len(text) * font_px * CHAR_WIDTH_EM / 2
        px = min(max((x - lo) * sx, half), PLOT_PX[0] - half)
        for offset in (size / 2 + height / 2 + 2, -(size / 2 + height / 2 + 2)):
            here = box(px, py + offset, text)
            inside = here[0] >= 0 and here[1] >= 0 and here[2] <= PLOT_PX[0]
            if inside and here[3] <= PLOT_PX[1] and not any(_overlaps(here, o) for o in placed):
                placed.append(here)
                labels.append(Label(x=px / sx + lo, y=(py + offset) / sy + lo, text=text))
                break
    return labels
