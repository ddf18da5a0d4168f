"""Coverage: who is in the region of their best-fit role, missing and single-person roles, the
centroid, and hire next ranked by what the team's work relies on."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from roles.coverage import (
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
    cov = coverage(team_fits(_example(), catalog), catalog)
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
    team = _team(("Far", g.ml - 1, g.swe + 0.5, 8), ("Centre", g.ml, g.swe, 8))
    names = coverage(team_fits(team, catalog), catalog).by_role()["data_scientist"]
    assert names == ["Centre", "Far"]


def test_a_person_covers_only_their_best_fit_and_only_in_its_region(catalog: Catalog) -> None:
    # Inside two overlapping regions, one person covers one role: the legend's.
    # "Lost" sits between the product manager's and the data engineer's regions: the regions
    # fitted on nine survey answers cover the middle of the map.
    team = _team(("Both", 6.0, 3.5, 7), ("Lost", 2.0, 2.5, 5))
    fitted = team_fits(team, catalog)
    cov = coverage(fitted, catalog).by_role()
    assert sum(name == "Both" for names in cov.values() for name in names) == 1
    assert not fitted.loc[1, "in_region"]  # between regions: covers nothing yet
    assert all("Lost" not in names for names in cov.values())


@pytest.mark.parametrize(
    ("who", "role"),
    [
        (("Platform", 1.0, 9.0, 4.0), "ml_devops"),  # a 5/5 platform engineer on a 1-5 file
        (("Researcher", 9.0, 3.0, 7.0), "ml_researcher"),  # the top researcher
        (("PM", 3.0, 1.0, 9.0), "ml_product_manager"),  # the product manager
    ],
)
def test_strong_people_of_a_one_to_five_file_cover_their_role(
    catalog: Catalog, who: tuple[str, float, float, float], role: str
) -> None:
    # A 1-5 file's 5 is 9 on the map (1 is 1), not the map's edge: these people stay covered.
    cov = coverage(team_fits(_team(who), catalog), catalog)
    assert cov.by_role()[role] == [who[0]]


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
    # The research engineer (ML 7, software engineering 5) fits the ML engineer best since the
    # researcher's region was fitted lower on software engineering (3.2).
    assert counts["ml_devops"] == 0 and counts["ml_researcher"] == 3 and counts["ml_engineer"] == 3


def test_analysis_uses_the_closest_archetype_unless_one_is_chosen(catalog: Catalog) -> None:
    auto = analyse_team(_example(), catalog)
    assert auto.archetype is None  # the closest one is only suggested
    assert {h.role for h in auto.hire} == set(auto.coverage.missing + auto.coverage.single)
    assert [h.role for h in auto.hire][:2] == ["data_engineer", "ml_devops"]  # the team's needs
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
    # Five people's work relies on data pipelines, one person's on the platform.
    assert [h.role for h in analysis.hire][:2] == ["data_engineer", "ml_devops"]
    assert "The work of 5 people on the team relies on it" in analysis.hire[0].reason
    goal = analyse_team(team, catalog, archetype_id="ml_embedded_in_product")
    assert {h.role for h in goal.hire[:2]} == {"ml_devops", "data_engineer"}


def test_three_data_scientists_are_told_to_hire_for_data_first_not_ml_devops(
    catalog: Catalog,
) -> None:
    team = _team(("D1", 5, 3, 7), ("D2", 5.5, 2.5, 7), ("D3", 4.5, 3.5, 7.5))
    hires = analyse_team(team, catalog).hire
    assert [h.role for h in hires][:2] == ["data_engineer", "ml_engineer"]
    assert "The work of 3 people on the team relies on it (Data scientist: " in hires[0].reason
    assert "No one's work on the team relies on it yet" in hires[2].reason


scores = st.floats(0, 10, allow_nan=False)
people = st.lists(st.tuples(scores, scores, scores), min_size=1, max_size=20)


@given(people)
def test_coverage_counts_each_person_at_most_once_under_their_legend_role(
    rows: list[tuple[float, float, float]],
) -> None:
    from roles.catalog import load_catalog

    catalog = load_catalog("2021")
    team = pd.DataFrame(
        [(f"P{i}", *r) for i, r in enumerate(rows)], columns=["name", "ml", "swe", "comm"]
    )
    fitted = team_fits(team, catalog)
    cov = coverage(fitted, catalog)
    best = dict(zip(fitted["name"], fitted["best_role"], strict=True))
    counted = [(n, r.role) for r in cov.roles for n in r.members]
    assert len({n for n, _ in counted}) == len(counted)
    assert all(best[n] == role for n, role in counted)
    # Whoever is in their best fit's region covers it: no held role is listed as missing.
    held = {best[n] for n, ok in zip(fitted["name"], fitted["in_region"], strict=True) if ok}
    assert not held & set(cov.missing)
