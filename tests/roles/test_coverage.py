"""Coverage: who fits each role at a threshold, missing and single-person roles, the centroid."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from roles.coverage import (
    DEFAULT_THRESHOLD,
    analyse_team,
    centroid,
    coverage,
    role_counts,
    team_fits,
)
from roles.models import Catalog
from roles.team import parse_team_bytes

EXAMPLE = Path(__file__).resolve().parents[2] / "data" / "example_team.csv"


def _team(*people: tuple[str, float, float, float]) -> pd.DataFrame:
    return pd.DataFrame(people, columns=["name", "ml", "swe", "comm"])


def _example() -> pd.DataFrame:
    return parse_team_bytes(EXAMPLE.read_bytes(), EXAMPLE.name).members


def test_example_team_misses_exactly_two_roles_on_the_2021_chart(catalog: Catalog) -> None:
    # A research-heavy team with nobody for production or data: the lecture's R&D trap.
    cov = coverage(team_fits(_example(), catalog), catalog, DEFAULT_THRESHOLD)
    assert cov.missing == ["ml_devops", "data_engineer"]


def test_person_at_a_role_centre_covers_it_alone(catalog: Catalog) -> None:
    g = catalog.role("ml_engineer").region
    cov = coverage(team_fits(_team(("Ana", g.ml, g.swe, 9)), catalog), catalog)
    by_role = {r.role: r for r in cov.roles}
    assert by_role["ml_engineer"].members == ("Ana",)
    assert by_role["ml_engineer"].status == "single"
    assert "ml_engineer" in cov.single and "ml_engineer" not in cov.missing


def test_coverage_lists_best_fit_first(catalog: Catalog) -> None:
    g = catalog.role("data_scientist").region
    team = _team(("Far", g.ml + 2, g.swe + 1, 8), ("Centre", g.ml, g.swe, 8))
    names = coverage(team_fits(team, catalog), catalog, 10).by_role()["data_scientist"]
    assert names == ["Centre", "Far"]


def test_raising_the_threshold_can_turn_a_covered_role_missing(catalog: Catalog) -> None:
    fitted = team_fits(_example(), catalog)
    assert "ml_engineer" not in coverage(fitted, catalog, 80).missing
    assert "ml_engineer" in coverage(fitted, catalog, 99.5).missing


def test_coverage_frame_has_one_row_per_role(any_catalog: Catalog) -> None:
    frame = coverage(team_fits(_example(), any_catalog), any_catalog).as_frame()
    assert frame["role_id"].tolist() == any_catalog.role_ids
    assert set(frame["status"]) <= {"missing", "single", "covered"}


def test_centroid_is_the_mean_profile() -> None:
    c = centroid(_team(("A", 2, 4, 6), ("B", 4, 8, 10)))
    assert c is not None and (c.ml, c.swe, c.comm) == (3, 6, 8)
    assert centroid(_team()) is None


def test_role_counts_include_every_role(catalog: Catalog) -> None:
    counts = role_counts(team_fits(_example(), catalog), catalog)
    assert list(counts) == catalog.role_ids and sum(counts.values()) == 10
    assert counts["ml_devops"] == 0 and counts["ml_researcher"] == 3


def test_analysis_uses_the_closest_archetype_unless_one_is_chosen(catalog: Catalog) -> None:
    auto = analyse_team(_example(), catalog)
    assert auto.archetype is None  # the closest one is only suggested
    assert [h.role for h in auto.hire] == auto.coverage.missing + auto.coverage.single
    chosen = analyse_team(_example(), catalog, archetype_id="ml_rnd")
    assert chosen.archetype is not None and chosen.archetype.id == "ml_rnd"


def test_an_rnd_shaped_team_is_not_told_to_hire_another_researcher(catalog: Catalog) -> None:
    # The team: 2 researchers, 2 data scientists, 1 ML engineer, 1 product manager.
    team = _team(
        ("R1", 8, 3, 6),
        ("R2", 7.5, 3.5, 6),
        ("D1", 5, 3, 7),
        ("D2", 5.5, 2.5, 7),
        ("E1", 6.5, 6, 4.5),
        ("P1", 3, 2.5, 8.5),
    )
    analysis = analyse_team(team, catalog)
    assert analysis.suggested.id == "ml_rnd"
    assert analysis.archetype is None
    assert [h.role for h in analysis.hire][:2] == ["ml_devops", "data_engineer"]
    goal = analyse_team(team, catalog, archetype_id="ml_embedded_in_product")
    assert {h.role for h in goal.hire[:2]} == {"ml_devops", "data_engineer"}


scores = st.floats(0, 10, allow_nan=False)
people = st.lists(st.tuples(scores, scores, scores), min_size=1, max_size=20)


@given(people, st.floats(0, 100), st.floats(0, 100))
def test_coverage_counts_never_grow_with_the_threshold(
    rows: list[tuple[float, float, float]], low: float, high: float
) -> None:
    from roles.catalog import load_catalog

    catalog = load_catalog("2021")
    low, high = sorted((low, high))
    team = pd.DataFrame(
        [(f"P{i}", *r) for i, r in enumerate(rows)], columns=["name", "ml", "swe", "comm"]
    )
    fitted = team_fits(team, catalog)
    at_low, at_high = coverage(fitted, catalog, low), coverage(fitted, catalog, high)
    for a, b in zip(at_low.roles, at_high.roles, strict=True):
        assert set(b.members) <= set(a.members)
