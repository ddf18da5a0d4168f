"""Name labels on the projected map: capped, short, inside the plot and never overlapping."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from components.labels import AXIS_RANGE
from components.room.labels import (
    LINE_HEIGHT_EM,
    MAX_LABEL_EMS,
    PLOT_PX,
    ems,
    place_labels,
    short_label,
)

FONT = 22.0
points = st.lists(
    st.tuples(
        st.floats(min_value=0, max_value=10),
        st.floats(min_value=0, max_value=10),
        st.floats(min_value=14, max_value=44),
    ),
    max_size=120,
)
names = st.text(alphabet=st.characters(categories=("L", "N", "Zs")), min_size=1, max_size=40)


def _px(x: float, y: float) -> tuple[float, float]:
    lo, hi = AXIS_RANGE
    return (x - lo) * PLOT_PX[0] / (hi - lo), (y - lo) * PLOT_PX[1] / (hi - lo)


def _box(label) -> tuple[float, float, float, float]:  # type: ignore[no-untyped-def]
    x, y = _px(label.x, label.y)
    w = max(ems(line) for line in label.lines) * FONT / 2
    h = len(label.lines) * FONT * LINE_HEIGHT_EM / 2
    return x - w, y - h, x + w, y + h


@given(points, st.data())
def test_labels_never_overlap_each_other_or_any_dot_and_stay_inside(pts, data) -> None:  # type: ignore[no-untyped-def]
    texts = data.draw(st.lists(names, min_size=len(pts), max_size=len(pts)))
    labels = place_labels(pts, texts, axis_range=AXIS_RANGE, font_px=FONT, limit=40)
    boxes = [_box(lb) for lb in labels]
    assert len(labels) <= 40
    for i, a in enumerate(boxes):
        assert a[0] >= -0.01 and a[1] >= -0.01 and a[2] <= PLOT_PX[0] + 0.01
        assert a[3] <= PLOT_PX[1] + 0.01
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])
        for x, y, size in pts:  # measured: no name covers a dot, its own or another's
            cx, cy = _px(x, y)
            r = size / 2 - 0.01
            assert not (a[0] < cx + r and cx - r < a[2] and a[1] < cy + r and cy - r < a[3])


def test_a_name_with_no_room_beside_its_dot_goes_further_out_on_a_line() -> None:
    crowd = [(5.0 + dx, 5.0 + dy, 20.0) for dx in (-0.3, 0, 0.3) for dy in (-0.3, 0, 0.3)]
    labels = place_labels(
        crowd, [f"Person {i}" for i in range(9)], axis_range=AXIS_RANGE, font_px=FONT
    )
    assert len(labels) >= 8  # beside their dots there is room for about four
    far = [lb for lb in labels if lb.leader]
    assert far and all(lb.leader[:2] in [(x, y) for x, y, _ in crowd] for lb in far)


def test_labels_keep_clear_of_the_role_names() -> None:
    # A role name's box over everything around the dot leaves no room near it.
    x, y = _px(5.0, 5.0)
    label = place_labels(
        [(5.0, 5.0, 20.0)],
        ["Ada"],
        axis_range=AXIS_RANGE,
        font_px=FONT,
        keep_clear=[
            (0, 0, PLOT_PX[0], y - 12),
            (0, y + 12, PLOT_PX[0], PLOT_PX[1]),
            (0, 0, x - 12, PLOT_PX[1]),
            (x + 12, 0, PLOT_PX[0], PLOT_PX[1]),
        ],
    )
    assert label == []


@given(st.text(max_size=80))
def test_short_labels_fit(name: str) -> None:
    # Measured in ems, not characters: a Chinese character is about as wide as two letters.
    label, clean = short_label(name), " ".join(name.split())
    assert ems(label) <= MAX_LABEL_EMS
    assert (label != clean) == (ems(clean) > MAX_LABEL_EMS)
    assert label == clean or label.endswith("…")


def test_chinese_names_are_cut_by_width_not_by_count() -> None:
    assert short_label("欧阳娜娜") == "欧阳娜娜"
    long = "司马相如是一位非常有名的辞赋家"
    assert short_label(long).endswith("…") and len(short_label(long)) <= 10


def test_short_labels_cut_after_a_word() -> None:
    assert short_label("Katherine Johnson") == "Katherine…"
    assert short_label("Ada Lovelace") == "Ada Lovelace"
