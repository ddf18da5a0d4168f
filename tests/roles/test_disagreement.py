"""Self vs manager: the largest disagreements per measure, said in a sentence."""

from __future__ import annotations

import math

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from roles.disagreement import Disagreement, largest, pairs


def _team(*rows: tuple[str, float, float, float, float | None, float | None, float | None]):
    return pd.DataFrame(
        rows, columns=["name", "ml", "swe", "comm", "manager_ml", "manager_swe", "manager_comm"]
    )


def test_the_issue_example_reads_as_a_sentence() -> None:
    d = Disagreement("Ana", "swe", own=7, manager=4)
    assert d.sentence() == "Ana rates their software engineering 7, you rate it 4 (3 lower)."
    assert Disagreement("Bo", "ml", 2.5, 5).sentence().endswith("(2.5 higher).")


def test_largest_gaps_come_first_per_measure_and_small_ones_are_left_out() -> None:
    team = _team(
        ("Ana", 5, 7, 5, None, 4, None),
        ("Bo", 5, 3, 5, None, 8, 5.5),
        ("Cy", 5, 6, 5, 5.5, 6.5, None),
    )
    found = largest(team)
    assert [(d.name, d.gap) for d in found["swe"]] == [("Bo", 5.0), ("Ana", -3.0)]
    assert found["ml"] == [] and found["comm"] == []  # 0.5 apart is agreement


def test_unrated_measures_are_not_pairs() -> None:
    team = _team(("Ana", 5, 7, 5, None, None, None), ("Bo", 5, 3, 5, float("nan"), 3, None))
    assert [(d.name, d.axis, d.gap) for d in pairs(team)] == [("Bo", "swe", 0.0)]


def test_at_most_three_per_measure() -> None:
    team = _team(*[(f"P{i}", 0, 0, 0, i + 1, None, None) for i in range(6)])
    assert [d.name for d in largest(team)["ml"]] == ["P5", "P4", "P3"]


scores = st.floats(0, 10, allow_nan=False)
maybe = st.one_of(st.none(), scores)


@given(st.lists(st.tuples(scores, scores, scores, maybe, maybe, maybe), max_size=12))
def test_listed_gaps_are_at_least_a_point_and_sorted(rows: list) -> None:
    team = _team(*[(f"P{i}", *r) for i, r in enumerate(rows)])
    for listed in largest(team).values():
        gaps = [abs(d.gap) for d in listed]
        assert all(g >= 1 for g in gaps) and gaps == sorted(gaps, reverse=True)
        assert len(listed) <= 3
        assert all(math.isfinite(d.own) and math.isfinite(d.manager) for d in listed)
