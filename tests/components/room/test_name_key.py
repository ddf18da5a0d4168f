"""Every name on the projector accounted for: beside its dot, or numbered with a key entry."""

from __future__ import annotations

import random

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from components.labels import AXIS_RANGE
from components.room.labels import LINE_HEIGHT_EM, Label, ems, short_label
from components.room.map_names import KEYED_PLOT_PX
from components.room.name_key import (
    KEY_LINES,
    MAX_NAMED_DOTS,
    NOTE_LINES,
    key_lines,
    label_room,
    reading_order,
)

FONT = 22.0
PLOT = KEYED_PLOT_PX
NAMES = [
    "Amara Okafor", "Bo Chen", "Carlos Mendes", "Dana Levi", "Elif Yilmaz", "Farid Haddad",
    "Greta Holm", "Hana Sato", "Ivan Petrov", "Julia Novak", "Kofi Mensah", "Lea Meyer",
    "Mateo Cruz", "Nora Berg", "Omar Aziz", "Amara Nair", "Bo Walsh", "Carlos Ortiz",
    "Dana Laine", "Elif Singh", "Farid Rao", "Greta Kral", "Hana Li", "Ivan Roux",
    "Julia Saleh", "Kofi Adams", "Lea Mori", "Mateo Cohen", "Nora Dubois", "Omar Patel",
]  # fmt: skip


def _px(x: float, y: float) -> tuple[float, float]:
    lo, hi = AXIS_RANGE
    return (x - lo) * PLOT[0] / (hi - lo), (y - lo) * PLOT[1] / (hi - lo)


def _box(label: Label) -> tuple[float, float, float, float]:
    x, y = _px(label.x, label.y)
    w = max(ems(line) for line in label.lines) * FONT / 2
    h = (
        len(label.lines)
        * FONT
        * (LINE_HEIGHT_EM if len(label.lines) > 1 or not label.on_dot else 1)
        / 2
    )
    return x - w, y - h, x + w, y + h


def _room(seed: int, n: int = 30) -> list[tuple[float, float, float]]:
    """A room of n people on whole and half answers, jittered like the projector's dots."""
    rng = random.Random(seed)
    return [
        (
            min(10.0, max(0.0, rng.randint(2, 18) / 2 + rng.uniform(-0.22, 0.22))),
            min(10.0, max(0.0, rng.randint(2, 18) / 2 + rng.uniform(-0.22, 0.22))),
            rng.choice([28.0, 36.4, 44.7]),
        )
        for _ in range(n)
    ]


def _label(points, names, **kw):  # type: ignore[no-untyped-def]
    return label_room(points, names, axis_range=AXIS_RANGE, font_px=FONT, plot_px=PLOT, **kw)


def _numbers_on_map(label: Label) -> list[int]:
    """The key numbers a number label stands for: "4", or a clump's "4–6"."""
    first, _, last = label.text.partition("–")
    return list(range(int(first), int(last or first) + 1))


def test_thirty_names_each_beside_its_dot_or_numbered_with_a_key_entry() -> None:
    for seed in range(40):
        found = _label(_room(seed), NAMES)
        on_chart = [NAMES[lb.index] for lb in found.labels]
        keyed = [name for _, name in found.key]
        assert sorted(on_chart + keyed) == sorted(NAMES), f"room {seed}"
        assert found.shown == found.named == 30
        assert [NAMES[i] for i in found.keyed] == keyed
        # Every key number is written on the map, each once.
        drawn = [n for lb in found.numbers for n in _numbers_on_map(lb)]
        assert len(drawn) == len(set(drawn)) and set(drawn) == {n for n, _ in found.key}


def test_numbers_run_in_reading_order_and_are_the_same_every_time() -> None:
    points = _room(3)
    first, again = _label(points, NAMES), _label(points, NAMES)
    assert first == again
    dots = np.array([(*_px(x, y), d / 2) for x, y, d in points])
    owners = [lb.index for lb in first.numbers]
    assert owners == reading_order(dots, owners, PLOT[1]) or any(
        "–" in lb.text for lb in first.numbers
    )
    numbers = [n for n, _ in first.key]
    assert numbers == sorted(numbers) and numbers[0] == 1


def test_a_clump_with_room_for_no_more_numbers_shares_one_label() -> None:
    # Ten people on the same answers: their dots lie nearly on top of each other.
    pts = [(4 + (i % 4) * 0.05 + 0.01 * i, 5 + (i // 4) * 0.05, 36.4) for i in range(10)]
    found = _label(pts, [f"P{i}" for i in range(10)])
    assert found.shown == 10
    shared = [lb for lb in found.numbers if len(_numbers_on_map(lb)) > 1]
    numbers = [n for n, _ in found.key]
    assert shared or len(set(numbers)) < len(numbers)  # a range, or one number for two


def test_reading_order_is_rows_from_the_top_then_left_to_right() -> None:
    dots = np.array([[300.0, 100.0, 9], [100.0, 500.0, 9], [50.0, 100.0, 9], [400.0, 510.0, 9]])
    assert reading_order(dots, [0, 1, 2, 3], 582.0) == [1, 3, 2, 0]


names = st.text(alphabet=st.characters(categories=("L", "N", "Zs")), max_size=30)
rooms = st.lists(
    st.tuples(
        st.floats(min_value=0, max_value=10),
        st.floats(min_value=0, max_value=10),
        st.sampled_from([16.0, 28.0, 36.4, 44.7]),
    ),
    max_size=MAX_NAMED_DOTS + 5,
)


@settings(max_examples=60, deadline=None)
@given(rooms, st.data())
def test_every_name_is_accounted_for_once_and_no_label_covers_a_dot(pts, data) -> None:  # type: ignore[no-untyped-def]
    texts = data.draw(st.lists(names, min_size=len(pts), max_size=len(pts)))
    found = _label(pts, texts)
    named = [i for i, t in enumerate(texts) if short_label(t)]
    on_chart = [lb.index for lb in found.labels]
    keyed = found.keyed
    assert len(set(on_chart)) == len(on_chart) and len(set(keyed)) == len(keyed)
    assert not set(on_chart) & set(keyed)
    assert set(on_chart) | set(keyed) <= set(named)
    assert found.named == len(named) and found.shown == len(on_chart) + len(keyed)
    drawn = {n for lb in found.numbers for n in _numbers_on_map(lb)}
    assert drawn == {n for n, _ in found.key}  # every key number is on the map
    if len(named) > MAX_NAMED_DOTS:
        assert found.shown == 0
    lines = sum(key_lines(name, FONT) for _, name in found.key)
    assert lines <= (KEY_LINES if found.shown == found.named else KEY_LINES - NOTE_LINES)
    dots = [(*_px(x, y), d / 2) for x, y, d in pts]
    boxes = [_box(lb) for lb in [*found.labels, *found.numbers]]
    for lb, a in zip([*found.labels, *found.numbers], boxes, strict=True):
        assert a[0] >= -0.01 and a[1] >= -0.01
        assert a[2] <= PLOT[0] + 0.01 and a[3] <= PLOT[1] + 0.01
        for b in boxes:
            assert a is b or not (
                a[0] < b[2] - 0.01
                and b[0] < a[2] - 0.01
                and a[1] < b[3] - 0.01
                and b[1] < a[3] - 0.01
            )
        if lb.on_dot:
            continue  # a number on its own dot: checked in the test below
        for cx, cy, r in dots:  # a name or a number beside its dot covers no dot at all
            assert not (
                a[0] < cx + r - 0.01
                and cx - r + 0.01 < a[2]
                and a[1] < cy + r - 0.01
                and cy - r + 0.01 < a[3]
            )


def test_a_number_on_a_dot_stays_inside_it() -> None:
    for seed in range(12):
        pts = _room(seed)
        for lb in _label(pts, NAMES).numbers:
            if lb.on_dot:
                x, y, d = pts[lb.index]
                cx, cy = _px(x, y)
                a = _box(lb)
                assert a[0] >= cx - d / 2 and a[2] <= cx + d / 2, (seed, lb)
                assert a[1] >= cy - d / 2 and a[3] <= cy + d / 2, (seed, lb)


def test_past_the_cap_no_names_are_drawn_and_none_is_counted_as_shown() -> None:
    pts = [(i % 10, (i * 7) % 10, 20.0) for i in range(MAX_NAMED_DOTS + 1)]
    found = _label(pts, [f"P{i}" for i in range(len(pts))])
    assert (found.labels, found.numbers, found.key) == ([], [], [])
    assert found.named == MAX_NAMED_DOTS + 1 and found.shown == 0


def test_blank_names_are_neither_drawn_nor_counted() -> None:
    found = _label([(2.0, 2.0, 20.0), (8.0, 8.0, 20.0)], ["  ", "Ada"])
    assert found.named == 1 and [lb.text for lb in found.labels] == ["Ada"]
