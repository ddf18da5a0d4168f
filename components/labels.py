"""Place text labels beside markers so they neither overlap nor leave the plot (pure functions).

Plotly has no label placement of its own. A label's size is fixed in pixels while the map's scale
(pixels per score point) depends on the screen, so each label takes the first spot that is free
and inside the plot at every scale in `SCALES`, from a phone's narrow map to a wide desktop one.
A label with no free spot is left off, and the caller lists it beside the map instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from roles.i18n import is_wide

# The map's axes, in score points: a little past 0-10, so regions near the frame are drawn whole.
AXIS_RANGE = (-0.6, 10.9)
# Pixels per score point: a 360 px phone (about 23) up to a 1440 px desktop (about 50).
SCALES = (22.0, 28.0, 36.0, 44.0, 52.0)
# A projector's map, 1280x720 up to 4K: at least about 55 pixels per point on either axis.
PROJECTOR_SCALES = (52.0, 64.0, 80.0)
# Average glyph width as a share of the font size; generous, so estimates err toward room.
# A Chinese character (or any full-width glyph) is a whole em wide, bold or not.
_CHAR_WIDTH = {False: 0.56, True: 0.62}
_WIDE = 1.0
_LINE_HEIGHT = 1.3
_PAD = 2.0  # label padding and border, per side, in pixels
_GAP = 3.0  # space between a marker's edge and its label


@dataclass(frozen=True)
class Mark:
    """A marker to label: where it is, its text (empty: keep clear, no label), its radius in
    pixels and the label's font."""

    x: float
    y: float
    text: str
    radius: float = 6.0
    font_size: float = 12.0
    bold: bool = False
    # Other points the label may be centred on when no spot beside the marker is free.
    fallbacks: tuple[tuple[float, float], ...] = ()
    # As a last resort the label may cover other markers (never another label)...
    may_cover_markers: bool = False
    # ...except this one (a person's own bubble): only if no other spot is left at all.
    never_cover: bool = False


# (x step, y step, xanchor, yanchor) of each candidate spot, in order of preference;
# the same directions further out when the near spots are taken.
_NEAR_SPOTS = (
    (0, 1, "center", "bottom"),
    (1, 0, "left", "middle"),
    (-1, 0, "right", "middle"),
    (0, -1, "center", "top"),
    (1, 1, "left", "bottom"),
    (-1, 1, "right", "bottom"),
    (1, -1, "left", "top"),
    (-1, -1, "right", "top"),
)
_CENTRED = (0.0, 0.0, "center", "middle")
_SPOTS: tuple[tuple[float, float, str, str], ...] = tuple(
    (k * dx, k * dy, xa, ya) for k in (1, 2, 3.5) for dx, dy, xa, ya in _NEAR_SPOTS
)


def text_ems(text: str, *, bold: bool = False) -> float:
    """How wide `text` is, in ems of its font (a Chinese character is one em)."""
    return sum(_WIDE if is_wide(c) else _CHAR_WIDTH[bold] for c in text)


def text_size(lines: Sequence[str], font_size: float, *, bold: bool = False) -> tuple[float, float]:
    """Estimated (width, height) of a label in pixels, padding included."""
    width = max(text_ems(line, bold=bold) for line in lines) * font_size + 2 * _PAD
    return width, len(lines) * font_size * _LINE_HEIGHT + 2 * _PAD


def _breaks(text: str) -> list[int]:
    """Where a label may go onto a second line: at a space, after a slash, or inside a run of
    Chinese characters. Chinese has no spaces and most words are two characters, so a run is
    cut only an even number of characters in ("机器学习|工程师"), never next to punctuation
    that cannot start a line, and never leaving one character alone."""
    spots = []
    run = 0  # Chinese characters since the run started
    for i in range(1, len(text)):
        before, after = text[i - 1], text[i]
        run = run + 1 if is_wide(before) else 0
        at_space = after == " " or (before == "/" and i < len(text) - 1)
        in_chinese = is_wide(after) and run % 2 == 0 and after not in _NO_LINE_START
        if at_space or (in_chinese and 2 <= i <= len(text) - 2):
            spots.append(i)
    return spots


# Punctuation that never starts a line in Chinese typesetting.
_NO_LINE_START = "，。、；：！？）」』》〉】”’/"


def split_in_two(text: str) -> list[str]:
    """The text as two lines, split at the break (see `_breaks`) nearest its middle (one line
    if it has none)."""
    spots = _breaks(text)
    if not spots:
        return [text]
    half = text_ems(text) / 2
    cut = min(spots, key=lambda i: abs(text_ems(text[:i]) - half))
    return [text[:cut].rstrip(), text[cut:].lstrip()]


def _layouts(text: str) -> list[list[str]]:
    """The label on one line, then split in two at the break nearest its middle."""
    two = split_in_two(text)
    return [[text], two] if len(two) == 2 else [[text]]


def _box(
    mark: Mark, spot: tuple[float, float, str, str], size: tuple[float, float], scale: float
) -> tuple[float, float, float, float]:
    """The label's box (left, bottom, right, top) in pixels from the data origin."""
    dx, dy, _, _ = spot
    w, h = size
    cx = mark.x * scale + dx * (mark.radius + _GAP)
    cy = mark.y * scale + dy * (mark.radius + _GAP)
    left = {"left": cx, "right": cx - w}.get(spot[2], cx - w / 2)
    bottom = {"bottom": cy, "top": cy - h}.get(spot[3], cy - h / 2)
    return left, bottom, left + w, bottom + h


def _overlaps(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _marker_box(mark: Mark, scale: float) -> tuple[float, float, float, float]:
    r = mark.radius
    return mark.x * scale - r, mark.y * scale - r, mark.x * scale + r, mark.y * scale + r


def place_labels(
    marks: Sequence[Mark],
    bounds: tuple[float, float],
    *,
    leading: int = 0,
    scales: tuple[float, ...] = SCALES,
) -> list[dict[str, Any] | None]:
    """For each mark in order (earlier marks get the better spots), the annotation fields that
    put its label in a free spot, or None. Labels keep clear of every mark and of each other;
    a label that fits nowhere on one line may take two (`lines` in the result).

    The first `leading` marks are placed as if the others were not there (role names: where
    the empty map puts them, so a crowd of people cannot push them onto each other); the rest
    then keep clear of them."""
    lo, hi = bounds
    markers = {s: [_marker_box(m, s) for m in marks] for s in scales}
    labels: dict[float, list[tuple[float, ...]]] = {s: [] for s in scales}
    out: list[dict[str, Any] | None] = []
    for i, mark in enumerate(marks):
        # An empty text is a marker to keep clear of, with no label of its own.
        found = None
        if mark.text:
            seen = leading if i < leading else len(marks)
            found = _free_spot(mark, {s: markers[s][:seen] + labels[s] for s in scales}, lo, hi)
            if found is None and mark.may_cover_markers:
                kept = [m for m in marks if m.never_cover]
                found = _free_spot(
                    mark, {s: labels[s] + [_marker_box(m, s) for m in kept] for s in scales}, lo, hi
                ) or _free_spot(mark, labels, lo, hi)
        if found is None:
            out.append(None)
            continue
        anchor, (dx, dy, xanchor, yanchor), lines, boxes = found
        for s, box in boxes.items():
            labels[s].append(box)
        out.append(
            {
                "x": anchor.x,
                "y": anchor.y,
                "xanchor": xanchor,
                "yanchor": yanchor,
                "xshift": dx * (anchor.radius + _GAP),
                "yshift": dy * (anchor.radius + _GAP),
                "showarrow": False,
                "lines": lines,
            }
        )
    return out


def _free_spot(
    mark: Mark, placed: dict[float, list[tuple[float, ...]]], lo: float, hi: float
) -> tuple[Mark, tuple[float, float, str, str], list[str], dict[float, tuple[float, ...]]] | None:
    """The first (anchor, spot, lines, boxes) inside the plot and free at every scale."""
    centred = [Mark(x, y, mark.text, radius=0.0) for x, y in mark.fallbacks]
    for lines in _layouts(mark.text):
        size = text_size(lines, mark.font_size, bold=mark.bold)
        tries = [(mark, spot) for spot in _SPOTS] + [(m, _CENTRED) for m in centred]
        for anchor, spot in tries:
            boxes: dict[float, tuple[float, ...]] = {s: _box(anchor, spot, size, s) for s in placed}
            inside = all(
                lo * s <= b[0] and b[2] <= hi * s and lo * s <= b[1] and b[3] <= hi * s
                for s, b in boxes.items()
            )
            if inside and not any(_overlaps(b, o) for s, b in boxes.items() for o in placed[s]):
                return anchor, spot, lines, boxes
    return None


def covers(
    spots: Sequence[dict[str, Any] | None],
    marks: Sequence[Mark],
    points: Sequence[tuple[float, float, float]],
    scales: tuple[float, ...] = SCALES,
) -> bool:
    """Whether any placed label (a spot from `place_labels` for the mark beside it) covers any
    of the points (x, y, radius in pixels) at any scale: a cheap check that tells whether the
    labels must be placed again around them."""
    return bool(covered(spots, marks, points, scales, first_only=True))


def covered(
    spots: Sequence[dict[str, Any] | None],
    marks: Sequence[Mark],
    points: Sequence[tuple[float, float, float]],
    scales: tuple[float, ...] = SCALES,
    *,
    first_only: bool = False,
) -> list[int]:
    """Indices of the points (x, y, radius in pixels) that a placed label covers, even partly,
    at one of the scales or more (with `first_only`, stop at the first)."""
    hidden: set[int] = set()
    for spot, mark in zip(spots, marks, strict=True):
        if spot is None:
            continue
        w, h = text_size(spot["lines"], mark.font_size, bold=mark.bold)
        for s in scales:
            cx, cy = spot["x"] * s + spot["xshift"], spot["y"] * s + spot["yshift"]
            left = {"left": cx, "right": cx - w}.get(spot["xanchor"], cx - w / 2)
            bottom = {"bottom": cy, "top": cy - h}.get(spot["yanchor"], cy - h / 2)
            box = (left, bottom, left + w, bottom + h)
            for i, (x, y, r) in enumerate(points):
                if i not in hidden and _overlaps(box, _marker_box(Mark(x, y, "", r), s)):
                    hidden.add(i)
                    if first_only:
                        return [i]
    return sorted(hidden)
