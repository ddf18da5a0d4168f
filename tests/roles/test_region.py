"""Open toward strength: being strong never costs a person the role their strength defines."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roles.catalog import load_catalog
from roles.match import fit_matrix, match
from roles.models import Catalog, Profile
from roles.region import in_region, placement
from tests.roles.strategies import profiles, scores

CATALOGS = {cid: load_catalog(cid) for cid in ("2021", "2022")}
catalogs = st.sampled_from(list(CATALOGS.values()))


def _fit(p: Profile, catalog: Catalog, role_id: str) -> float:
    return {f.role: f.fit for f in match(p, catalog)}[role_id]


@given(profiles, catalogs, st.data())
def test_more_of_what_a_role_is_open_to_never_lowers_its_fit(
    p: Profile, c: Catalog, data: st.DataObject
) -> None:
    role = data.draw(st.sampled_from([r for r in c.roles if r.open]))
    way = data.draw(st.sampled_from(role.open))
    sign = 1 if way.toward == "more" else -1
    now = getattr(p, way.axis)
    moved = data.draw(st.floats(min_value=0, max_value=10).filter(lambda v: (v - now) * sign >= 0))
    after = p.model_copy(update={way.axis: moved})
    assert _fit(after, c, role.id) >= _fit(p, c, role.id) - 1e-9


@given(profiles, catalogs)
def test_raising_a_roles_defining_measure_never_lowers_that_roles_fit(
    p: Profile, c: Catalog
) -> None:
    # The researcher's ML, ML DevOps' and the data engineer's engineering, both for the ML
    # engineer, and communication for everyone.
    defining = {
        "ml_researcher": ["ml", "comm"],
        "ml_devops": ["swe", "comm"],
        "data_engineer": ["swe", "comm"],
        "ml_engineer": ["ml", "swe", "comm"],
        "data_scientist": ["comm"],
        "ml_product_manager": ["comm"],
    }
    for role in c.roles:
        for axis in defining[role.id]:
            up = p.model_copy(update={axis: min(10.0, getattr(p, axis) + 1.5)})
            assert _fit(up, c, role.id) >= _fit(p, c, role.id) - 1e-9, (role.id, axis)


@pytest.mark.parametrize(
    ("who", "profile", "role"),
    [
        ("a PhD researcher", Profile(ml=9.5, swe=1.5, comm=8), "ml_researcher"),
        ("a software engineer who taught herself ML", Profile(ml=7, swe=8, comm=5), "ml_engineer"),
        ("a NeurIPS physicist", Profile(ml=9.5, swe=4, comm=6), "ml_researcher"),
        ("a strong all-rounder", Profile(ml=8.5, swe=8.5, comm=7), "ml_engineer"),
    ],
)
def test_the_lectures_textbook_people_land_in_their_roles_region(
    catalog: Catalog, who: str, profile: Profile, role: str
) -> None:
    assert in_region(profile, catalog.role(role)), who
    assert match(profile, catalog)[0].role == role, who
    assert _fit(profile, catalog, role) >= 95, who


edge = st.floats(min_value=0, max_value=10, allow_nan=False)


@given(edge, st.sampled_from(["ml", "swe"]))
def test_no_profile_at_the_top_of_an_axis_is_outside_every_region(other: float, top: str) -> None:
    # On the 2021 chart (the 2022 chart has no role between ML DevOps and the ML engineer at the
    # top of the map; its heading still names the nearest role).
    catalog = CATALOGS["2021"]
    values = {"ml": other, "swe": other, "comm": 10.0} | {top: 10.0}
    p = Profile(**values)
    assert any(in_region(p, r) for r in catalog.roles), p
    assert match(p, catalog)[0].fit >= 80


EDGE = 100 * math.exp(-1 / 4.5)  # the fit on a region's edge, meeting the bar: 80.07


@given(profiles, catalogs)
def test_in_the_region_and_meeting_the_bar_is_a_fit_of_80_or_more(p: Profile, c: Catalog) -> None:
    fits = fit_matrix([[p.ml, p.swe, p.comm]], c)[0]
    for role, fit in zip(c.roles, fits, strict=True):
        if in_region(p, role) and p.comm >= role.comm:
            assert fit >= EDGE - 1e-9, (role.id, fit)
        if not in_region(p, role):
            assert fit < EDGE, (role.id, fit)


@given(scores, scores, catalogs)
def test_inside_the_drawn_ellipse_is_never_called_beyond_or_outside(
    ml: float, swe: float, c: Catalog
) -> None:
    p = Profile(ml=ml, swe=swe, comm=5)
    for role in c.roles:
        g = role.region
        d = math.hypot((ml - g.ml) / g.ml_extent, (swe - g.swe) / g.swe_extent)
        assert (placement(p, role) == "inside") == (d <= 1.0)
        if not role.open:
            assert placement(p, role) != "beyond"
