"""How sure the answer is: close calls name what tips them, communication never decides silently."""

from __future__ import annotations

from hypothesis import given, settings

from roles.match import match
from roles.models import Catalog, Profile
from roles.verdict import CLOSE, EDGE_FIT, verdict
from tests.roles.strategies import profiles


def test_a_profile_at_a_role_centre_is_a_clear_best_fit(catalog: Catalog) -> None:
    g = catalog.role("ml_engineer").region
    v = verdict(Profile(ml=g.ml, swe=g.swe, comm=5), catalog)
    assert v.kind == "clear" and v.headline == "Best fit: ML engineer"


def test_a_product_manager_in_the_lecture_terms_is_not_called_a_data_scientist(
    catalog: Catalog,
) -> None:
    v = verdict(Profile(ml=3, swe=2.5, comm=9), catalog)
    assert v.best.role == "ml_product_manager"


def test_between_regions_the_heading_says_no_role_fits_closely(catalog: Catalog) -> None:
    v = verdict(Profile(ml=9.5, swe=9.5, comm=5), catalog)
    assert v.kind == "no_close_fit" and v.best.fit < EDGE_FIT
    assert v.headline.startswith("No role fits closely yet; nearest: ")


def test_a_close_call_names_both_roles_and_the_measure_that_tips_it(catalog: Catalog) -> None:
    # Between the ML engineer and the researcher: close on fit.
    profile = Profile(ml=6.5, swe=4.5, comm=5)
    v = verdict(profile, catalog)
    second = v.runner_up
    assert second is not None and v.kind == "close_call"
    assert v.best.fit - second.fit < CLOSE
    assert v.headline == f"Close call: {v.best.name} or {second.name}"
    assert v.tip is not None and v.tip.role == second.role
    assert v.tip.phrase().endswith(f"would make it {second.name}")
    moved = profile.model_copy(update={v.tip.axis: getattr(profile, v.tip.axis) + v.tip.delta})
    assert match(moved, catalog)[0].role == second.role


@settings(max_examples=150, deadline=None)
@given(profiles)
def test_communication_never_changes_the_best_fit_silently(profile: Profile) -> None:
    from roles.catalog import load_catalog

    catalog = load_catalog("2021")
    v = verdict(profile, catalog)
    for delta in (-1.0, -0.5, 0.5, 1.0):
        comm = min(10.0, max(0.0, profile.comm + delta))
        moved = match(profile.model_copy(update={"comm": comm}), catalog)[0].role
        if moved != v.best.role:
            assert v.comm_decides is not None, (profile, delta, moved)


@settings(max_examples=100, deadline=None)
@given(profiles)
def test_a_tip_really_tips_the_best_fit(profile: Profile) -> None:
    from roles.catalog import load_catalog

    catalog = load_catalog("2021")
    v = verdict(profile, catalog)
    if v.tip is None:
        return
    value = min(10.0, max(0.0, getattr(profile, v.tip.axis) + v.tip.delta))
    moved = profile.model_copy(update={v.tip.axis: value})
    assert match(moved, catalog)[0].role == v.tip.role
