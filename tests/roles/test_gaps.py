"""Gaps toward a target role: shortfalls, nearest point and steps."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roles.catalog import load_catalog
from roles.errors import UnknownRoleError
from roles.gaps import gaps
from roles.models import Profile
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
def test_nearest_point_lies_on_or_inside_the_region(p: Profile, role_id: str) -> None:
    g = gaps(p, CATALOG, role_id)
    r = CATALOG.role(role_id).region
    d = math.hypot((g.nearest[0] - r.ml) / r.ml_extent, (g.nearest[1] - r.swe) / r.swe_extent)
    assert d <= 1 + 1e-3


@given(profiles, role_ids)
def test_steps_are_given_exactly_for_the_measures_that_fall_short(p: Profile, role_id: str) -> None:
    g = gaps(p, CATALOG, role_id)
    assert set(g.steps) == {a for a, v in g.shortfall.items() if v > 0}
    assert all(3 <= len(s) <= 6 for s in g.steps.values())


def test_backend_engineer_toward_ml_engineer_needs_ml_and_gets_ml_steps() -> None:
    g = gaps(Profile(ml=1, swe=9, comm=5), CATALOG, "ml_engineer")
    assert g.shortfall["ml"] > 3
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
