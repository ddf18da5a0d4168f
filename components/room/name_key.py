"""Every name on the projector accounted for: beside its dot, or a number and a key line.

A name with no free spot beside its dot (nor on a leader line) gets a number, placed beside its
dot like a label (clear of every dot, name and line), and the key beside the map says whose it
is ("3 Wang Fang"). Numbers run in reading order, rows of one score point from the top and left
to right in each row, so they are the same at every refresh and easy to find on the map.

The key holds what its column holds at the chart's text size (`KEY_LINES`); names beyond that,
and beyond `MAX_NAMED_DOTS`, are not shown, and the page says how many are (never silently).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from components.room.labels import (
    MAX_LABELS,
    PLOT_PX,
    REACHES,
    Box,
    Label,
    Placer,
    Spot,
    ems,
    short_label,
    to_label,
    to_plot,
)

# Lines of chart-size text the key column holds on a 1280x720 screen (656 px at 27.5 px a line,
# less a heading of two); it scales with the screen like the chart, so this holds on 4K too.
KEY_LINES = 21
# Lines kept for the note when some names are not shown ("Names shown for 28 of 30...").
NOTE_LINES = 6
# The key column's width in chart pixels (measured at 1280x720: 195), and the number's place
# before each name, in ems: an entry wider than that takes two lines.
KEY_WIDTH_PX = 195.0
NUMBER_EMS = 1.6
# Up to this many named dots, names are drawn (beside dots or keyed): 40 fill a 720p map with
# names and a full key. Past it, names would cover the crowd the map is there to show, and
# everyone has their own result on their phone.
MAX_NAMED_DOTS = 40


@dataclass(frozen=True)
class RoomNames:
    """Names placed on the chart, numbers placed beside dots, and the key of those numbers."""

    labels: list[Label]
    numbers: list[Label]  # text is the number; index is the dot it marks
    key: list[tuple[int, str]]  # (number, name as on a label)
    named: int  # dots with a name
    keyed: list[int] = field(default_factory=list)  # the dot of each key entry

    @property
    def shown(self) -> int:
        """Names readable on the screen: on the chart or in the key."""
        return len(self.labels) + len(self.key)


def reading_order(dots: np.ndarray, indices: Sequence[int], plot_height: float) -> list[int]:
    """Indices of the dots (x, y in plot pixels from the bottom) in reading order: rows one
    tenth of the plot high from the top, left to right within a row."""
    row = plot_height / 10
    return sorted(
        indices, key=lambda i: (int((plot_height - dots[i, 1]) // row), dots[i, 0], -dots[i, 1], i)
    )


def key_lines(text: str, font_px: float) -> int:
    """Lines a key entry (its number's place, then the name) takes: one, or two if wider."""
    return 1 if (NUMBER_EMS + ems(text)) * font_px <= KEY_WIDTH_PX else 2


def label_room(
    points: Sequence[tuple[float, float, float]],
    names: Sequence[str],
    *,
    axis_range: tuple[float, float],
    font_px: float,
    plot_px: tuple[float, float] = PLOT_PX,
    keep_clear: Sequence[Box] = (),
    limit: int = MAX_LABELS,
    key_lines_max: int = KEY_LINES,
) -> RoomNames:
    """Names for the points (x, y, marker diameter in px): beside their dots where they fit,
    otherwise a number beside (or on) the dot and a key entry, while the key has room.

    Names beside their dots come first (see `_place` for the order of names and numbers); a
    dot with no room for its number takes a nearby name's or number's spot, that one moving
    or becoming a number in turn (`_make_room`), or, in a clump of dots, shares a neighbour's
    label ("3–4", `_share`). `keyed` lists the dot of each key entry.
    """
    texts = [short_label(n) for n in names]
    named = sum(1 for t in texts if t)
    if named > MAX_NAMED_DOTS:
        return RoomNames([], [], [], named)
    placer = Placer(to_plot(points, axis_range, plot_px), keep_clear, plot_px)
    wanted = [i for i, t in enumerate(texts) if t]
    found, held = _place(placer, texts, wanted, font_px, limit)
    shares: dict[int, int] = {}  # a dot whose number shares the label of a dot in its clump
    for i in wanted:
        if i not in found and i not in held and not _make_room(placer, i, found, held, font_px):
            _share(placer, i, held, shares, font_px)
    labels = [to_label(i, spot, axis_range, plot_px) for i, spot in sorted(found.items())]
    groups = [
        reading_order(placer.dots, [j, *(k for k, lead in shares.items() if lead == j)], plot_px[1])
        for j in reading_order(placer.dots, list(held), plot_px[1])
    ]
    lines = np.cumsum([sum(key_lines(texts[k], font_px) for k in g) for g in groups], dtype=int)
    if sum(map(len, groups)) < len(wanted) - len(found) or (
        len(lines) and lines[-1] > key_lines_max
    ):
        key_lines_max -= NOTE_LINES  # some names are not shown: the note says so, below
    numbers: list[Label] = []
    key: list[tuple[int, str]] = []
    dots: list[int] = []
    for group, used in zip(groups, lines, strict=True):
        if used > key_lines_max:
            break  # the key is full: the page says how many names are shown
        owner = shares.get(group[0], group[0])  # the dot whose spot the label holds
        room, box, line = held[owner]
        first = key[-1][0] + 1 if key else 1
        ranged = len(group) > 1 and ems(room[0]) >= ems(_RANGE_ROOM)
        last = first + len(group) - 1 if ranged else first
        text = f"{first}–{last}" if ranged else str(first)
        on_dot = line is None and _on(placer.dots[owner], box)
        numbers.append(to_label(owner, ([text], box, line), axis_range, plot_px, on_dot=on_dot))
        key += [(first + n if ranged else first, texts[k]) for n, k in enumerate(group)]
        dots += group
    return RoomNames(labels, numbers, key, named, dots)


def _place(
    placer: Placer, texts: Sequence[str], wanted: Sequence[int], font_px: float, limit: int
) -> tuple[dict[int, Spot], dict[int, Spot]]:
    """Names placed (beside their dots, then on leader lines) and numbers' spots held.

    A dot in a clump (touching another) has the least room: its number's spot is held first.
    The other names left after the spots beside dots hold theirs before any leader line (a
    long line's label would otherwise take the room a number needs); a name that then finds a
    leader spot gives its number's spot back.
    """
    held = {i: s for i in _crowded(placer, wanted) if (s := _number_spot(placer, i, font_px))}
    found: dict[int, Spot] = {}
    for reach in REACHES:
        for i in wanted:
            if i in found or len(found) >= limit:
                continue
            if i in held:
                placer.release(held[i])
            spot = placer.place(i, texts[i], font_px, reach)
            if spot is not None:
                found[i] = spot
                held.pop(i, None)
            elif i in held:
                placer.take(held[i])  # still free: nothing was placed meanwhile
        if reach == REACHES[0]:
            for i in wanted:
                if i not in found and i not in held and (s := _number_spot(placer, i, font_px)):
                    held[i] = s
    return found, held


# Room for a shared label of a clump's numbers ("12–14"), and whose label is that wide.
_RANGE_ROOM = "00–00"


def _share(
    placer: Placer, i: int, held: dict[int, Spot], shares: dict[int, int], font_px: float
) -> None:
    """Dot i, in a clump with no room for one more number, shares the number label of the
    nearest dot in its clump that has one: the label then reads "4–5" (their key entries),
    or, with no room for that either, both key entries carry the same number."""
    x, y = placer.dots[i, :2]
    mates = [j for j in placer.blob(i) if j in held and j not in shares]
    for j in sorted(mates, key=lambda j: float(np.hypot(*(placer.dots[j, :2] - (x, y))))):
        if ems(held[j][0][0]) >= ems(_RANGE_ROOM):
            shares[i] = j  # already wide enough for a range
            return
        placer.release(held[j])
        if (wide := _number_spot(placer, j, font_px, _RANGE_ROOM)) is not None:
            held[j], shares[i] = wide, j
            return
        if (wide := _number_spot(placer, i, font_px, _RANGE_ROOM)) is not None:
            held[i] = wide  # the label moves to dot i, and j's group with it
            del held[j]
            for k in [k for k, lead in shares.items() if lead == j] + [j]:
                shares[k] = i
            return
        placer.take(held[j])
    if mates:  # no room for a range anywhere: the nearest's number stands for both
        shares[i] = min(mates, key=lambda j: float(np.hypot(*(placer.dots[j, :2] - (x, y)))))


# Room held for a number: two digits, the widest a key of `KEY_LINES` entries needs.
_NUMBER_ROOM = "00"


def _number_spot(placer: Placer, i: int, font_px: float, room: str = _NUMBER_ROOM) -> Spot | None:
    """Room for dot i's number: beside it, on the dot itself (when that covers no other dot),
    further out on a leader line, or, for a dot buried in a pile of dots on nearly the same
    answers, on the dot over the edges of its pile (never a dot apart, nor any text), or,
    inside a clump of dots, out of the clump on a line under its dots (the line then points at
    the clump, not at one dot in it: the best a number can say there)."""
    return (
        placer.place(i, room, font_px, REACHES[0])
        or placer.place_on_dot(i, room, font_px)
        or next((s for r in REACHES[1:] if (s := placer.place(i, room, font_px, r))), None)
        or placer.place_on_dot(i, room, font_px, pile=True)
        or next(
            (s for r in REACHES[1:] if (s := placer.place(i, room, font_px, r, placer.blob(i)))),
            None,
        )
    )


# Names and numbers tried for a swap, nearest first: further ones rarely free room here.
_SWAP_TRIES = 8


def _make_room(
    placer: Placer, i: int, found: dict[int, Spot], held: dict[int, Spot], font_px: float
) -> bool:
    """Room for dot i's number where a name or a number nearby stands, moved or made a number
    in turn (a number needs less room than a name); if either finds no spot, nothing changes."""
    x, y = placer.dots[i, :2]
    taken = {**held, **found}
    near = sorted(
        taken,
        key=lambda j: min(_distance(taken[j][1], x, y), np.hypot(*(placer.dots[j, :2] - (x, y)))),
    )[:_SWAP_TRIES]
    for j in near:
        placer.release(taken[j])
        mine = _number_spot(placer, i, font_px)
        theirs = _number_spot(placer, j, font_px) if mine else None
        if mine and theirs:
            held[i], held[j] = mine, theirs
            found.pop(j, None)
            return True
        if mine:
            placer.release(mine)
        placer.take(taken[j])
    return False


def _distance(box: Box, x: float, y: float) -> float:
    return float(np.hypot((box[0] + box[2]) / 2 - x, (box[1] + box[3]) / 2 - y))


def _crowded(placer: Placer, indices: Sequence[int]) -> list[int]:
    """The dots among `indices` that touch another dot."""
    return [i for i in indices if len(placer.pile(i)) > 1]


def _on(dot: np.ndarray, box: Box) -> bool:
    """Whether the box is centred on the dot (a number written on it)."""
    x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return bool(abs(x - dot[0]) < 0.5 and abs(y - dot[1]) < 0.5)
