"""The room's figures: jittered crowd bubbles, hidden mode, escaped names and the role bars."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from components.room.map import (
    JITTER,
    MIN_DOT_PX,
    PROJECTOR_FONT_PX,
    best_fit_counts,
    crowd_map,
    crowd_style,
    jitter,
    participants_label,
    role_distribution,
)
from components.room.name_key import MAX_NAMED_DOTS
from roles.models import Catalog

XSS = "<img src=x onerror=alert(1)>"


@dataclass(frozen=True)
class FakeEntry:
    entry_id: int
    name: str | None
    ml: float
    swe: float
    comm: float


def _crowd(fig):  # type: ignore[no-untyped-def]
    return [t for t in fig.data if (t.meta or {}).get("kind") == "crowd"]


def test_participants_label_is_singular_for_one() -> None:
    assert participants_label(1) == "1 participant"
    assert participants_label(0) == "0 participants"
    assert participants_label(1500) == "1,500 participants"


@given(st.one_of(st.integers(), st.text(max_size=40)))
def test_jitter_is_small_and_the_same_every_time(entry_id: int | str) -> None:
    dx, dy = jitter(entry_id)
    assert (dx, dy) == jitter(entry_id)
    assert abs(dx) <= JITTER and abs(dy) <= JITTER


def test_jitter_separates_people_with_identical_answers(catalog: Catalog) -> None:
    entries = [FakeEntry(i, None, 5.0, 5.0, 5.0) for i in range(1, 51)]
    (trace,) = _crowd(crowd_map(catalog, entries))
    points = set(zip(np.round(trace.x, 4), np.round(trace.y, 4), strict=True))
    assert len(points) == 50


@given(st.integers(min_value=0, max_value=5000))
def test_bubbles_shrink_and_fade_as_the_room_fills(n: int) -> None:
    scale, opacity = crowd_style(n)
    bigger_scale, bigger_opacity = crowd_style(n + 100)
    assert bigger_scale <= scale and bigger_opacity <= opacity
    assert scale >= 0.4 and opacity >= 0.35


def test_crowd_map_has_one_bubble_per_entry_inside_the_frame(catalog: Catalog) -> None:
    entries = [FakeEntry(i, None, float(i % 11), 10.0, 3.0) for i in range(30)]
    (trace,) = _crowd(crowd_map(catalog, entries))
    assert len(trace.x) == 30
    assert np.all((np.asarray(trace.x) >= 0) & (np.asarray(trace.x) <= 10))
    assert np.all(np.asarray(trace.y) <= 10)


def _names(fig):  # type: ignore[no-untyped-def]
    return [t for t in fig.data if (t.meta or {}).get("kind") == "names"]


def test_names_are_escaped_in_hover_and_labels(catalog: Catalog) -> None:
    fig = crowd_map(catalog, [FakeEntry(1, XSS, 7, 4, 6)], show_names=True)
    (trace,) = _crowd(fig)
    assert "&lt;img src=x onerror=alert(1)&gt;" in trace.hovertext[0]
    assert "<img" not in trace.hovertext[0]
    (names,) = _names(fig)
    assert names.text == ("&lt;img src=x…",)


def test_anonymous_room_shows_numbers_not_names(catalog: Catalog) -> None:
    fig = crowd_map(catalog, [FakeEntry(1, "Ada", 7, 4, 6)], show_names=False)
    (trace,) = _crowd(fig)
    assert trace.hovertext is None
    assert "Participant %{customdata[3]}" in trace.hovertemplate
    assert "Ada" not in fig.to_json()
    assert _names(fig) == []


def test_past_the_cap_names_stay_in_the_hover_and_the_figure_says_how_many(
    catalog: Catalog,
) -> None:
    entries = [FakeEntry(i, f"P{i}", i % 11, (i * 7) % 11, 5) for i in range(MAX_NAMED_DOTS + 1)]
    fig = crowd_map(catalog, entries, show_names=True)
    (names,) = _names(fig)
    assert list(names.text) == []
    assert fig.layout.meta == {"key": [], "keyed": True, "shown": 0, "named": MAX_NAMED_DOTS + 1}
    assert "P3" in _crowd(fig)[0].hovertext[3]


def test_dots_are_at_least_14_px_and_text_at_least_20_px(catalog: Catalog) -> None:
    entries = [FakeEntry(i, None, 5, 5, 0) for i in range(2000)]
    fig = crowd_map(catalog, entries)
    (trace,) = _crowd(fig)
    assert min(trace.marker.size) - 2 * trace.marker.line.width >= 14
    assert MIN_DOT_PX >= 16
    assert fig.layout.xaxis.tickfont.size >= 20 and fig.layout.yaxis.title.font.size >= 20
    assert all(a.font.size >= 20 for a in fig.layout.annotations)  # the role names
    assert PROJECTOR_FONT_PX >= 20


def test_a_big_room_stays_a_small_message(catalog: Catalog) -> None:
    entries = [FakeEntry(i, f"Person {i}", i % 11, (i * 3) % 11, 5) for i in range(2000)]
    size = len(crowd_map(catalog, entries).to_json())
    assert size < 120_000, f"{size / 1024:.0f} KB for 2,000 participants"


def test_without_a_height_the_map_takes_its_container_height(catalog: Catalog) -> None:
    fig = crowd_map(catalog, [])
    assert fig.layout.height is None and fig.layout.autosize


def test_hidden_room_draws_no_bubbles_but_says_how_many(catalog: Catalog) -> None:
    entries = [FakeEntry(i, None, 5, 5, 5) for i in range(12)]
    fig = crowd_map(catalog, entries, hidden=True)
    assert _crowd(fig) == []
    notes = [a.text for a in fig.layout.annotations if a.name == "hidden"]
    assert notes == ["<b>Answers hidden — 12 participants</b>"]


def test_best_fit_counts_add_up_and_follow_the_catalog(catalog: Catalog) -> None:
    researcher = catalog.role("ml_researcher").region
    entries = [FakeEntry(i, None, researcher.ml, researcher.swe, 9) for i in range(4)]
    entries.append(FakeEntry(9, None, 0, 0, 0))
    counts = best_fit_counts(entries, catalog)
    assert list(counts) == catalog.role_ids
    assert sum(counts.values()) == 5
    assert counts["ml_researcher"] >= 4


def test_role_distribution_draws_one_bar_per_role(catalog: Catalog) -> None:
    entries = [FakeEntry(i, None, 8, 8, 8) for i in range(7)]
    (bar,) = role_distribution(catalog, entries).data
    assert len(bar.y) == len(catalog.roles)
    assert sum(bar.x) == 7
