"""Name labels on the projected map: capped, short, inside the plot and never overlapping."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from components.labels import AXIS_RANGE
from components.room.labels import (
    LINE_HEIGHT_EM,
    MAX_LABEL_EMS,
    PLOT_PX,
    ems,
    place_labels,
    segment_hits,
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
            e = 1e-6  # boxes that touch, read back from data units, may differ in the last bit
            assert not (a[0] < b[2] - e and b[0] < a[2] - e and a[1] < b[3] - e and b[1] < a[3] - e)
        for x, y, size in pts:  # measured: no name covers a dot, its own or another's
            cx, cy = _px(x, y)
            r = size / 2 - 0.01
            assert not (a[0] < cx + r and cx - r < a[2] and a[1] < cy + r and cy - r < a[3])


def test_a_name_with_no_room_beside_its_dot_goes_further_out_on_a_line() -> None:
    crowd = [(5.0 + dx, 5.0 + dy, 20.0) for dx in (-0.5, 0, 0.5) for dy in (-0.5, 0, 0.5)]
    labels = place_labels(
        crowd, [f"Person {i}" for i in range(9)], axis_range=AXIS_RANGE, font_px=FONT
    )
    # Beside their dots there is room for six; the middle dot's line would pass under another.
    assert sorted(lb.index for lb in labels) == [0, 1, 2, 3, 5, 6, 7, 8]
    far = [lb for lb in labels if lb.leader]
    assert far and all(lb.leader[:2] == pytest.approx(crowd[lb.index][:2]) for lb in far)


def test_a_leader_line_never_passes_under_another_dot() -> None:
    # All room near Ada is taken (role names, say) but a corridor to her right, and a dot
    # stands in it: a label out there would hang on a line under that dot, read as its name.
    x, y = _px(5.0, 5.0)
    w, h = PLOT_PX
    taken = [
        (0, 0, x - 12, h),
        (x - 12, y + 16, w, h),
        (x - 12, 0, w, y - 16),
        (x + 12, y + 3, x + 60, y + 15),  # beside her, but clear of a line at her height
    ]
    blocker = (5.0 + 70 / (w / 11.5), 5.0, 20.0)
    pts = [(5.0, 5.0, 20.0), blocker]
    labels = place_labels(pts, ["Ada", ""], axis_range=AXIS_RANGE, font_px=FONT, keep_clear=taken)
    assert labels == []
    # Without the dot in the way, the same band takes her name on a line.
    (alone,) = place_labels(pts[:1], ["Ada"], axis_range=AXIS_RANGE, font_px=FONT, keep_clear=taken)
    assert alone.leader is not None and alone.x > 5.0


def test_segment_hits_sees_a_small_box_a_sampled_line_stepped_over() -> None:
    # Sixteen samples on a 1000 px line are 60 px apart: a 16 px dot between two was missed.
    boxes = np.array([[492.0, -8.0, 508.0, 8.0], [0.0, 20.0, 10.0, 30.0]])
    hits = segment_hits(np.array([0.0, 0.0]), np.array([1000.0, 0.0]), boxes)
    assert hits.tolist() == [True, False]
    vertical = segment_hits(np.array([500.0, -50.0]), np.array([500.0, 50.0]), boxes)
    assert vertical.tolist() == [True, False]


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
