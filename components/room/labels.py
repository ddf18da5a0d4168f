"""Where names go on the projected map: beside their dot, on a leader line, or as a number.

Plotly places text without avoiding collisions, so labels are placed here, greedily, for the plot
the projector view draws (its size on a 1280x720 screen, scaled with the screen): beside the dot
in eight directions, on one line or two, clear of every dot, every role name and each other.
A label set further out is joined to its dot by a leader line that passes under no other dot
and through no other label (a line under a dot reads as that dot's). `components.room.name_key`
gives the names with no such spot a number beside their dot and a key on the screen.
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

Box = tuple[float, float, float, float]  # left, bottom, right, top in plot pixels
Leader = tuple[np.ndarray, np.ndarray]  # from a dot's centre to its label's edge, plot pixels
Spot = tuple[list[str], Box, Leader | None]  # a label's lines, its box and any leader line


def ems(text: str) -> float:
    """A label's width in ems (a Chinese character is one em, other glyphs less)."""
    return sum(1.0 if is_wide(c) else CHAR_WIDTH_EM for c in text)


@dataclass(frozen=True)
class Label:
    """A name (or a number) to draw, centred at (x, y) in data units, on one line or two."""

    x: float
    y: float
    text: str
    lines: tuple[str, ...] = ()
    # (dot x, dot y, label edge x, label edge y) of a line joining a label set further out.
    leader: tuple[float, float, float, float] | None = None
    index: int = -1  # the point it names
    on_dot: bool = False  # a number written on its own dot (drawn light on dark)


def short_label(name: str) -> str:
    """A name cut to fit a label (at a word when possible), with an ellipsis when cut."""
    clean = " ".join(name.split())
    if ems(clean) <= MAX_LABEL_EMS:
        return clean
    limit = len(clean)
    while limit > 1 and ems(clean[:limit]) > MAX_LABEL_EMS - 1:  # room for the ellipsis
        limit -= 1
    return shorten(clean, limit).rstrip() + "…"


# Directions to try, in order: above, below, right, left, then the four corners.
_DIRECTIONS = ((0, 1), (0, -1), (1, 0), (-1, 0), (1, 1), (-1, 1), (1, -1), (-1, -1))
_GAP_PX = 2.0
REACHES = (1.0, 2.0, 3.0, 4.5, 6.0, 8.0)


def layouts(text: str) -> list[list[str]]:
    """The label on one line, then on two (a first and a last name stacked)."""
    two = split_in_two(text)
    return [[text], two] if len(two) == 2 else [[text]]


def _candidates(dot: np.ndarray, lines: list[str], font_px: float, reach: float) -> Iterator[Box]:
    """Boxes around a dot (x, y, radius), `reach` label sizes out, none touching it."""
    width = max(ems(line) for line in lines) * font_px
    height = len(lines) * font_px * LINE_HEIGHT_EM
    cx, cy, radius = (float(v) for v in dot)
    for ux, uy in _DIRECTIONS:
        x = cx + ux * (radius + _GAP_PX + reach * width / 2)
        y = cy + uy * (radius + _GAP_PX + reach * height / 2)
        yield x - width / 2, y - height / 2, x + width / 2, y + height / 2


def segment_hits(start: np.ndarray, end: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """Which boxes (rows of left, bottom, right, top) the segment from start to end passes
    through: exactly (Liang-Barsky clipping), not sampled, so no small dot is stepped over."""
    boxes = np.asarray(boxes, dtype=float).reshape(-1, 4)
    lo, hi = np.zeros(len(boxes)), np.ones(len(boxes))
    inside = np.ones(len(boxes), dtype=bool)
    for axis in (0, 1):
        d = float(end[axis] - start[axis])
        near, far = boxes[:, axis] - start[axis], boxes[:, axis + 2] - start[axis]
        if abs(d) < 1e-9:  # parallel to this axis: within the box's slab all along, or never
            inside &= (near < 0) & (far > 0)
            continue
        a, b = near / d, far / d
        lo, hi = np.maximum(lo, np.minimum(a, b)), np.minimum(hi, np.maximum(a, b))
    return inside & (lo < hi)


def _edge_point(box: Box, towards: np.ndarray) -> np.ndarray:
    """The point of the box's edge nearest a dot: where a leader line ends."""
    return np.array(
        [min(max(float(towards[0]), box[0]), box[2]), min(max(float(towards[1]), box[1]), box[3])]
    )


class Placer:
    """Free room on the plot: dots (x, y, radius in plot pixels), boxes taken by labels and
    role names, and the leader lines drawn so far. Each `place` takes the first free spot."""

    def __init__(self, dots: np.ndarray, keep_clear: Sequence[Box], plot_px: tuple[float, float]):
        self.dots = np.asarray(dots, dtype=float).reshape(-1, 3)
        d = self.dots
        self.dot_boxes = np.column_stack(
            [d[:, 0] - d[:, 2], d[:, 1] - d[:, 2], d[:, 0] + d[:, 2], d[:, 1] + d[:, 2]]
        )
        self.fixed: list[Box] = [tuple(b) for b in keep_clear]  # type: ignore[misc]
        self.boxes: list[Box] = []  # the names and numbers placed
        self.leaders: list[Leader] = []
        self.plot_px = plot_px

    def _free(self, box: Box, own: Sequence[int] = (), *, over_fixed: bool = False) -> bool:
        """Inside the plot, touching no label, no dot (but its `own`) and no leader line;
        `over_fixed`: it may cover what `keep_clear` held (a role's name)."""
        if box[0] < 0 or box[1] < 0 or box[2] > self.plot_px[0] or box[3] > self.plot_px[1]:
            return False
        fixed = [] if over_fixed else self.fixed
        if any(_overlaps(box, other) for other in [*fixed, *self.boxes]):
            return False
        dots = np.delete(self.dot_boxes, list(own), axis=0)
        if _touches(box, dots):
            return False
        here = np.array([box])
        return not any(segment_hits(s, e, here)[0] for s, e in self.leaders)

    def _leader(self, i: int, box: Box, through: Sequence[int] = ()) -> Leader | None:
        """The line from dot i's edge to the box, if it passes under no other dot (but those
        `through`) and through no label; None if it would."""
        centre = self.dots[i, :2]
        end = _edge_point(box, centre)
        length = float(np.hypot(*(end - centre)))
        start = centre + (end - centre) * min(1.0, (self.dots[i, 2] + 0.5) / max(length, 1e-9))
        others = np.delete(self.dot_boxes, [i, *through], axis=0)
        if segment_hits(start, end, others).any():
            return None
        taken = [*self.fixed, *self.boxes]
        if taken and segment_hits(start, end, np.array(taken)).any():
            return None
        return centre, end

    def place(
        self, i: int, text: str, font_px: float, reach: float, through: Sequence[int] = ()
    ) -> Spot | None:
        """The first layout and box for dot i's text at `reach` (1: beside the dot; further:
        on a leader line, which may pass under the dots `through`), now taken; None if no spot
        is free."""
        for lines in layouts(text):
            for box in _candidates(self.dots[i], lines, font_px, reach):
                if not self._free(box):
                    continue
                leader = self._leader(i, box, through) if reach > 1 else None
                if reach > 1 and leader is None:
                    continue
                self.boxes.append(box)
                if leader is not None:
                    self.leaders.append(leader)
                return lines, box, leader
        return None

    def pile(self, i: int) -> list[int]:
        """Dot i and the dots that touch it: a pile people stand in on nearly the same answers."""
        b = self.dot_boxes
        touching = (
            (b[:, 0] < b[i, 2]) & (b[i, 0] < b[:, 2]) & (b[:, 1] < b[i, 3]) & (b[i, 1] < b[:, 3])
        )
        return [int(j) for j in np.flatnonzero(touching)]

    def blob(self, i: int) -> list[int]:
        """Dot i's pile and every dot touching it in turn: a clump of people close together."""
        seen, todo = {i}, [i]
        while todo:
            for j in self.pile(todo.pop()):
                if j not in seen:
                    seen.add(j)
                    todo.append(j)
        return sorted(seen)

    def place_on_dot(self, i: int, text: str, font_px: float, *, pile: bool = False) -> Spot | None:
        """The text on dot i itself, if it covers no other dot (`pile`: none outside dot i's
        pile), label or line; now taken. Inside the dot's own square it may stand over a role's
        name: the dot, drawn over role names, already hides that part."""
        x, y, r = self.dots[i]
        w, h = ems(text) * font_px / 2, font_px / 2
        box = (x - w, y - h, x + w, y + h)
        if not self._free(box, own=self.pile(i) if pile else [i], over_fixed=max(w, h) <= r):
            return None
        self.boxes.append(box)
        return [text], box, None

    def take(self, spot: Spot) -> None:
        """Take a spot's room again (one released just before, nothing placed since)."""
        self.boxes.append(spot[1])
        if spot[2] is not None:
            self.leaders.append(spot[2])

    def release(self, spot: Spot) -> None:
        """Give a placed spot's room back (its box and its line)."""
        self.boxes.remove(spot[1])
        if spot[2] is not None:
            self.leaders = [ln for ln in self.leaders if ln is not spot[2]]


def _touches(box: Box, boxes: np.ndarray) -> bool:
    b = boxes
    return bool(
        ((b[:, 0] < box[2]) & (box[0] < b[:, 2]) & (b[:, 1] < box[3]) & (box[1] < b[:, 3])).any()
    )


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def to_plot(
    points: Sequence[tuple[float, float, float]],
    axis_range: tuple[float, float],
    plot_px: tuple[float, float],
) -> np.ndarray:
    """Points (x, y, marker diameter in px) as dots (x, y, radius) in plot pixels."""
    lo, hi = axis_range
    sx, sy = plot_px[0] / (hi - lo), plot_px[1] / (hi - lo)
    return np.array(
        [((x - lo) * sx, (y - lo) * sy, size / 2) for x, y, size in points], dtype=float
    ).reshape(-1, 3)


def to_label(
    i: int,
    spot: Spot,
    axis_range: tuple[float, float],
    plot_px: tuple[float, float],
    *,
    on_dot: bool = False,
) -> Label:
    """A placed spot (in plot pixels) as a Label in data units."""
    lo, hi = axis_range
    sx, sy = plot_px[0] / (hi - lo), plot_px[1] / (hi - lo)
    lines, box, leader = spot
    line = None
    if leader is not None:
        (x0, y0), (x1, y1) = leader
        line = (float(x0 / sx + lo), float(y0 / sy + lo), float(x1 / sx + lo), float(y1 / sy + lo))
    return Label(
        x=(box[0] + box[2]) / 2 / sx + lo,
        y=(box[1] + box[3]) / 2 / sy + lo,
        text=" ".join(lines),
        lines=tuple(lines),
        leader=line,
        index=i,
        on_dot=on_dot,
    )


def place_labels(
    points: Sequence[tuple[float, float, float]],
    names: Sequence[str],
    *,
    axis_range: tuple[float, float],
    font_px: float,
    limit: int = MAX_LABELS,
    keep_clear: Sequence[Box] = (),
    plot_px: tuple[float, float] = PLOT_PX,
) -> list[Label]:
    """Labels for the points (x, y, marker diameter in px) that fit beside their dot, on one
    line or two, touching no other label, no dot (any of them) and nothing in `keep_clear`
    (boxes in plot pixels from the plot's lower left corner, such as the role names)."""
    placer = Placer(to_plot(points, axis_range, plot_px), keep_clear, plot_px)
    texts = [short_label(name) for name in names]
    return [
        to_label(i, spot, axis_range, plot_px)
        for i, spot in sorted(place_names(placer, texts, font_px, limit).items())
    ]


def place_names(
    placer: Placer,
    texts: Sequence[str],
    font_px: float,
    limit: int,
    reaches: Sequence[float] = REACHES,
    found: dict[int, Spot] | None = None,
) -> dict[int, Spot]:
    """Beside the dot first, for everyone; then, further out on a leader line, for those left
    (measured on rooms of 30: 20 to 24 names beside their dots, the rest on lines)."""
    found = {} if found is None else found
    for reach in reaches:
        for i, text in enumerate(texts):
            if not text or i in found or len(found) >= limit:
                continue
            spot = placer.place(i, text, font_px, reach)
            if spot is not None:
                found[i] = spot
    return found
