"""Gaps toward a target role: shortfalls, nearest point and steps."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roles.catalog import load_catalog
from roles.errors import UnknownRoleError
from roles.gaps import SCORE_STEP, gaps, to_steps
from roles.match import match
from roles.models import Profile
from roles.region import offsets
from tests.roles.strategies import profiles

CATALOG = load_catalog("2021")
role_ids = st.sampled_from(CATALOG.role_ids)


@given(profiles, role_ids)
def test_over_qualification_is_never_reported_as_a_gap(p: Profile, role_id: str) -> None:
    g = gaps(p, CATALOG, role_id)
    role = CATALOG.role(role_id)
    assert all(v >= 0 for v in g.shortfall.values())
    if p.ml >= role.region.ml:
        assert g.shortfall["ml"] == 0
    if p.swe >= role.region.swe:
        assert g.shortfall["swe"] == 0
    if p.comm >= role.comm:
        assert g.shortfall["comm"] == 0


@given(profiles, role_ids)
def test_nearest_point_lies_in_the_region(p: Profile, role_id: str) -> None:
    g = gaps(p, CATALOG, role_id)
    role = CATALOG.role(role_id)
    point = Profile(ml=g.nearest[0], swe=g.nearest[1], comm=p.comm)
    u = offsets(point, role)  # open directions count as reached
    assert math.hypot(u["ml"], u["swe"]) <= 1 + 1e-3


@given(profiles, role_ids)
def test_steps_are_given_exactly_for_the_measures_that_fall_short(p: Profile, role_id: str) -> None:
    g = gaps(p, CATALOG, role_id)
    assert set(g.steps) == {a for a, v in g.shortfall.items() if v > 0}
    assert all(3 <= len(s) <= 6 for s in g.steps.values())


def test_backend_engineer_toward_ml_engineer_needs_ml_and_gets_ml_steps() -> None:
    g = gaps(Profile(ml=1, swe=9, comm=5), CATALOG, "ml_engineer")
    assert g.shortfall["ml"] >= 2.5
    assert g.shortfall["swe"] == 0 and g.shortfall["comm"] == 0
    assert not g.inside
    assert g.steps["ml"] == CATALOG.role("ml_engineer").steps.ml


def test_a_profile_inside_the_region_has_no_position_gap() -> None:
    g = gaps(Profile(ml=7, swe=5.6, comm=2), CATALOG, "ml_engineer")
    assert g.inside and g.nearest == (7, 5.6)
    assert g.shortfall == {"ml": 0.0, "swe": 0.0, "comm": 2.0}


def test_unknown_target_names_the_valid_roles() -> None:
    with pytest.raises(UnknownRoleError, match="ml_devops, data_engineer"):
        gaps(Profile(ml=1, swe=1, comm=1), CATALOG, "wizard")


@given(profiles, role_ids)
def test_gaps_are_whole_slider_steps_and_small_ones_are_within_reach(
    p: Profile, role_id: str
) -> None:
    g = gaps(p, CATALOG, role_id)
    for axis, v in g.shortfall.items():
        assert v % SCORE_STEP == 0, (axis, v)
        assert not (axis in g.within_reach and v > 0)
    assert set(g.steps) == {a for a, v in g.shortfall.items() if v >= SCORE_STEP}


def test_a_tenth_of_a_point_short_reads_within_reach_with_no_steps() -> None:
    bar = CATALOG.role("ml_researcher").comm  # 5.3
    g = gaps(Profile(ml=9.4, swe=2.8, comm=bar - 0.1), CATALOG, "ml_researcher")
    assert g.shortfall == {"ml": 0.0, "swe": 0.0, "comm": 0.0}
    assert g.within_reach == ["comm"] and g.steps == {}


def test_gap_is_rounded_to_the_nearest_step() -> None:
    assert [to_steps(v) for v in (0.1, 0.49, 0.5, 0.74, 0.75, 1.3, 4.3)] == [
        0.0,
        0.0,
        0.5,
        0.5,
        1.0,
        1.5,
        4.5,
    ]


def test_more_ml_keeps_a_researcher_in_the_ml_engineer_region_it_is_open_to() -> None:
    p = Profile(ml=9.5, swe=5.5, comm=6)
    g = gaps(p, CATALOG, "ml_engineer")
    assert g.place == "beyond" and g.total == 0 and g.past == {}
    why = next(f.reason for f in match(p, CATALOG) if f.role == "ml_engineer")
    assert why.startswith("Beyond the region in its open direction (more ML never lowers")


def test_past_a_region_where_it_is_not_open_is_told_why_the_fit_drops() -> None:
    p = Profile(ml=9.5, swe=3, comm=7)  # far right of the data scientist region, not open there
    g = gaps(p, CATALOG, "data_scientist")
    assert g.shortfall["ml"] == 0 and set(g.past) == {"ml"}
    why = next(f.reason for f in match(p, CATALOG) if f.role == "data_scientist")
    assert f"ML {g.past['ml']:.1f} past it" in why and "lowers the fit but is no gap" in why


@given(profiles, role_ids)
def test_only_past_means_no_measure_is_below_the_region_s_nearest_point(
    p: Profile, role_id: str
) -> None:
    g = gaps(p, CATALOG, role_id)
    if g.only_past:
        assert not g.inside
        assert p.ml >= g.nearest[0] - 0.05 and p.swe >= g.nearest[1] - 0.05
        assert p.comm >= CATALOG.role(role_id).comm - 0.05


def test_a_hair_short_of_a_region_is_not_only_past_it() -> None:
    g = gaps(Profile(ml=3.2, swe=7, comm=6), CATALOG, "ml_engineer")
    assert g.total == 0 and g.within_reach == ["ml"] and not g.only_past
    assert gaps(Profile(ml=9.5, swe=9.5, comm=9), CATALOG, "data_scientist").only_past
