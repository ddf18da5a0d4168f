"""Where names go on the projected map: at most a few, short, and never on top of each other.

Plotly places text without avoiding collisions, so labels are placed here, greedily, for the plot
the projector view draws (its size on a 1280x720 screen, scaled with the screen): beside the dot
in eight directions, on one line or two, clear of every dot, every role name and each other. A
label with no such spot is left out (the name stays in the dot's hover).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from components.labels import split_in_two
from roles.i18n import is_wide
from store.text import shorten

# The plot area of the projector's map, in pixels: the chart is always drawn at its size on a
# 1280x720 screen (912x656, `map.PROJECTOR_PX`) less its margins, then scaled with the screen.
PLOT_PX = (838.0, 582.0)
# Wider than most sans-serif glyphs, so the estimate of a label's width errs on the safe side.
CHAR_WIDTH_EM = 0.62
LINE_HEIGHT_EM = 1.3
MAX_LABEL_CHARS = 16
# The widest label, in ems: sixteen Latin letters, or about ten Chinese characters.
MAX_LABEL_EMS = MAX_LABEL_CHARS * CHAR_WIDTH_EM
MAX_LABELS = 40


def ems(text: str) -> float:
    """A label's width in ems (a Chinese character is one em, other glyphs less)."""
    return sum(1.0 if is_wide(c) else CHAR_WIDTH_EM for c in text)


@dataclass(frozen=True)
class Label:
    """A name to draw, centred at (x, y) in data units, on one line or two (`lines`)."""

    x: float
    y: float
    text: str
    lines: tuple[str, ...] = ()
    # (dot x, dot y, label edge x, label edge y) of a line joining a label set further out.
    leader: tuple[float, float, float, float] | None = None


def short_label(name: str) -> str:
    """A name cut to fit a label (at a word when possible), with an ellipsis when cut."""
    clean = " ".join(name.split())
    if ems(clean) <= MAX_LABEL_EMS:
        return clean
    limit = len(clean)
    while limit > 1 and ems(clean[:limit]) > MAX_LABEL_EMS - 1:  # room for the ellipsis
        limit -= 1
    return shorten(clean, limit).rstrip() + "…"


def _overlaps(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


# Directions to try, in order: above, below, right, left, then the four corners.
_DIRECTIONS = ((0, 1), (0, -1), (1, 0), (-1, 0), (1, 1), (-1, 1), (1, -1), (-1, -1))
_GAP_PX = 2.0
_REACHES = (1.0, 2.0, 3.0, 4.5, 6.0, 8.0)


def _layouts(text: str) -> list[list[str]]:
    """The label on one line, then on two (a first and a last name stacked)."""
    two = split_in_two(text)
    return [[text], two] if len(two) == 2 else [[text]]


def _candidates(
    cx: float, cy: float, radius: float, lines: list[str], font_px: float, reach: float = 1.0
) -> Iterator[tuple[float, float, float, float]]:
    """Boxes (left, bottom, right, top) around a dot, `reach` label sizes out, none touching it."""
    width = max(ems(line) for line in lines) * font_px
    height = len(lines) * font_px * LINE_HEIGHT_EM
    for ux, uy in _DIRECTIONS:
        x = cx + ux * (radius + _GAP_PX + reach * width / 2)
        y = cy + uy * (radius + _GAP_PX + reach * height / 2)
        yield x - width / 2, y - height / 2, x + width / 2, y + height / 2


def place_labels(
    points: Sequence[tuple[float, float, float]],
    names: Sequence[str],
    *,
    axis_range: tuple[float, float],
    font_px: float,
    limit: int = MAX_LABELS,
    keep_clear: Sequence[tuple[float, float, float, float]] = (),
) -> list[Label]:
    """Labels for the points (x, y, marker diameter in px) that fit beside their dot, on one
    line or two, touching no other label, no dot (any of them) and nothing in `keep_clear`
    (boxes in plot pixels from the plot's lower left corner, such as the role names)."""
    lo, hi = axis_range
    sx, sy = PLOT_PX[0] / (hi - lo), PLOT_PX[1] / (hi - lo)
    dots = np.array(
        [((x - lo) * sx, (y - lo) * sy, size / 2) for x, y, size in points], dtype=float
    ).reshape(-1, 3)
    dot_boxes = np.column_stack(
        [
            dots[:, 0] - dots[:, 2],
            dots[:, 1] - dots[:, 2],
            dots[:, 0] + dots[:, 2],
            dots[:, 1] + dots[:, 2],
        ]
    )
    placed = [tuple(b) for b in keep_clear]
    found: dict[int, tuple[list[str], tuple[float, float, float, float], bool]] = {}
    texts = [short_label(name) for name in names]
    # Beside the dot first, for everyone; then, further out with a leader line to the dot, for
    # those left (measured on rooms of 30: 20 to 24 names beside their dots, the rest on lines).
    for reach in _REACHES:
        for i, (dot, text) in enumerate(zip(dots, texts, strict=True)):
            if not text or i in found or len(found) >= limit:
                continue
            spot = _first_free(text, tuple(dot), font_px, placed, dot_boxes, reach)
            if spot is not None:
                placed.append(spot[1])
                found[i] = (spot[0], spot[1], reach > 1)
    labels = []
    for i in sorted(found):
        lines, box, leader = found[i]
        x, y = (box[0] + box[2]) / 2 / sx + lo, (box[1] + box[3]) / 2 / sy + lo
        end = _edge_point(box, dots[i][:2])
        labels.append(
            Label(
                x=x,
                y=y,
                text=" ".join(lines),
                lines=tuple(lines),
                leader=(points[i][0], points[i][1], end[0] / sx + lo, end[1] / sy + lo)
                if leader
                else None,
            )
        )
    return labels


def _edge_point(box: tuple[float, ...], towards: np.ndarray) -> tuple[float, float]:
    """The point of the box's edge nearest a dot: where a leader line ends."""
    x = min(max(float(towards[0]), box[0]), box[2])
    y = min(max(float(towards[1]), box[1]), box[3])
    return x, y


def _crosses(start: np.ndarray, end: tuple[float, float], boxes: list[tuple[float, ...]]) -> bool:
    """Whether the straight line from start to end passes through any of the boxes (sampled)."""
    for t in np.linspace(0.05, 0.95, 16):
        x, y = start[0] + t * (end[0] - start[0]), start[1] + t * (end[1] - start[1])
        if any(b[0] < x < b[2] and b[1] < y < b[3] for b in boxes):
            return True
    return False


def _first_free(
    text: str,
    dot: tuple[float, ...],
    font_px: float,
    placed: list[tuple[float, ...]],
    dot_boxes: np.ndarray,
    reach: float = 1.0,
) -> tuple[list[str], tuple[float, float, float, float]] | None:
    """The first layout and box at `reach` (1: beside the dot; further: on a leader line that
    crosses no label) inside the plot and clear of every label and dot."""
    for lines in _layouts(text):
        for box in _candidates(dot[0], dot[1], dot[2], lines, font_px, reach):
            if box[0] < 0 or box[1] < 0 or box[2] > PLOT_PX[0] or box[3] > PLOT_PX[1]:
                continue
            if any(_overlaps(box, other) for other in placed):
                continue
            hits = (
                (dot_boxes[:, 0] < box[2])
                & (box[0] < dot_boxes[:, 2])
                & (dot_boxes[:, 1] < box[3])
                & (box[1] < dot_boxes[:, 3])
            )
            centre = np.array(dot[:2])
            if hits.any() or (reach > 1 and _crosses(centre, _edge_point(box, centre), placed)):
                continue
            return lines, box
    return None
