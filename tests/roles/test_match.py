"""Ranking roles for a profile: the rules that must hold for every input."""

from __future__ import annotations

from itertools import pairwise

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from roles.catalog import load_catalog
from roles.match import match, match_many
from roles.models import Catalog, Profile
from tests.roles.strategies import profiles, scores

CATALOGS = {cid: load_catalog(cid) for cid in ("2021", "2022")}
catalogs = st.sampled_from(list(CATALOGS.values()))


@given(profiles, catalogs)
def test_fit_is_between_0_and_100_and_the_list_is_sorted_best_first(p: Profile, c: Catalog) -> None:
    fits = match(p, c)
    assert [f.role for f in fits] != [] and sorted(f.role for f in fits) == sorted(c.role_ids)
    assert all(0 <= f.fit <= 100 for f in fits)
    assert all(a.fit >= b.fit for a, b in pairwise(fits))


@given(catalogs, st.data())
def test_profile_at_a_roles_centre_ranks_that_role_first(c: Catalog, data: st.DataObject) -> None:
    role = data.draw(st.sampled_from(c.roles))
    comm = data.draw(st.floats(min_value=role.comm, max_value=10))
    p = Profile(ml=role.region.ml, swe=role.region.swe, comm=comm)
    fits = match(p, c)
    assert fits[0].role == role.id
    assert fits[0].fit == pytest.approx(100)


@given(profiles, catalogs, st.data())
def test_raising_a_score_toward_a_role_never_lowers_its_fit(
    p: Profile, c: Catalog, data: st.DataObject
) -> None:
    role = data.draw(st.sampled_from(c.roles))
    axis = data.draw(st.sampled_from(["ml", "swe", "comm"]))
    level = {"ml": role.region.ml, "swe": role.region.swe, "comm": role.comm}[axis]
    current = p.as_dict()[axis]
    # A step toward the role's level that does not overshoot it (communication: any rise helps).
    limit = 10 if axis == "comm" else level
    if current >= limit:
        return
    moved = p.model_copy(update={axis: data.draw(st.floats(min_value=current, max_value=limit))})
    before = {f.role: f.fit for f in match(p, c)}[role.id]
    after = {f.role: f.fit for f in match(moved, c)}[role.id]
    assert after >= before - 1e-9


@given(profiles, catalogs)
def test_results_are_deterministic(p: Profile, c: Catalog) -> None:
    assert match(p, c) == match(p, c)


@given(st.lists(st.tuples(scores, scores, scores), min_size=1, max_size=40), catalogs)
def test_match_many_agrees_with_match_row_by_row(
    rows: list[tuple[float, float, float]], c: Catalog
) -> None:
    frame = pd.DataFrame(rows, columns=["ml", "swe", "comm"])
    many = match_many(frame, c)
    for i, (ml, swe, comm) in enumerate(rows):
        single = match(Profile(ml=ml, swe=swe, comm=comm), c)
        assert many.loc[i, "best_role"] == single[0].role
        for f in single:
            assert many.loc[i, f.role] == pytest.approx(f.fit)


def test_match_many_keeps_the_index_and_accepts_arrays(catalog: Catalog) -> None:
    frame = pd.DataFrame(
        {"ml": [1.0, 9.4], "swe": [9.0, 2.8], "comm": [5.0, 6.0]}, index=["a", "b"]
    )
    out = match_many(frame, catalog)
    assert list(out.index) == ["a", "b"]
    assert list(out["best_role"]) == ["ml_devops", "ml_researcher"]
    from_array = match_many(np.array([[1.0, 9.0, 5.0]]), catalog)
    assert from_array.loc[0, "best_role"] == "ml_devops"


def test_match_many_on_no_profiles_returns_an_empty_frame(catalog: Catalog) -> None:
    out = match_many(pd.DataFrame(columns=["ml", "swe", "comm"], dtype=float), catalog)
    assert len(out) == 0 and "best_role" in out.columns


def test_backend_engineer_with_little_ml_fits_ml_devops_best(catalog: Catalog) -> None:
    fits = match(Profile(ml=1, swe=9, comm=5), catalog)
    assert fits[0].role == "ml_devops"
    assert fits[0].reason.startswith("Inside the region")


def test_reason_names_the_axis_that_is_off(catalog: Catalog) -> None:
    researcher = next(
        f for f in match(Profile(ml=2, swe=3.2, comm=6), catalog) if f.role == "ml_researcher"
    )
    assert researcher.reason == "Outside the region: ML 3 short of it."


def test_communication_above_the_bar_does_not_change_the_fit(catalog: Catalog) -> None:
    at_bar = {f.role: f.fit for f in match(Profile(ml=5, swe=5, comm=8.5), catalog)}
    above = {f.role: f.fit for f in match(Profile(ml=5, swe=5, comm=10), catalog)}
    assert at_bar == above
