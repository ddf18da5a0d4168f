"""Job-posting check: matched roles, the unicorn flag and its concrete suggestions."""

from __future__ import annotations

from hypothesis import given

from roles.models import Catalog, Profile
from roles.posting import check_posting
from tests.roles.strategies import profiles


def test_posting_at_the_ml_engineer_centre_matches_that_role(catalog: Catalog) -> None:
    g = catalog.role("ml_engineer").region
    result = check_posting(Profile(ml=g.ml, swe=g.swe, comm=4), catalog)
    assert result.matched[0] == "ml_engineer"
    assert not result.unicorn and result.suggestions == []


def test_top_right_posting_is_a_unicorn_with_a_split_and_a_lowering(any_catalog: Catalog) -> None:
    result = check_posting(Profile(ml=9.5, swe=9.5, comm=6), any_catalog)
    assert result.unicorn and result.matched == []
    assert result.split is not None and result.split[0] != result.split[1]
    assert result.suggestions[0].startswith("Split it into two roles")
    assert result.lowering is not None and result.lowering.lowered < result.lowering.current
    assert "plan training" in result.suggestions[1]


def test_lowering_lands_inside_the_named_role(catalog: Catalog) -> None:
    demand = Profile(ml=9, swe=9, comm=5)
    cut = check_posting(demand, catalog).lowering
    assert cut is not None
    lowered = demand.model_copy(update={cut.axis: cut.lowered - 0.05})
    g = catalog.role(cut.role).region
    assert ((lowered.ml - g.ml) / g.ml_extent) ** 2 + (
        (lowered.swe - g.swe) / g.swe_extent
    ) ** 2 <= 1


def test_split_names_a_modelling_role_and_an_engineering_role(catalog: Catalog) -> None:
    result = check_posting(Profile(ml=9, swe=9, comm=5), catalog)
    assert result.split == ("ml_researcher", "data_engineer")


def test_junior_posting_below_every_region_is_not_a_unicorn(catalog: Catalog) -> None:
    assert not check_posting(Profile(ml=0, swe=0, comm=0), catalog).unicorn


@given(profiles)
def test_a_posting_that_matches_a_role_is_never_a_unicorn(demand: Profile) -> None:
    from roles.catalog import load_catalog

    result = check_posting(demand, load_catalog("2021"))
    assert not (result.matched and result.unicorn)
    assert result.unicorn == bool(result.suggestions)
