"""Archetypes: the data file is valid, the closest archetype and the hire-next ranking."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roles.archetypes import (
    ArchetypeCatalog,
    UnknownArchetypeError,
    fill_gaps,
    hire_next,
    load_archetypes,
    mix_for,
    rank_archetypes,
    shape_distance,
)
from roles.catalog import DATA_DIR, load_catalog, parse_yaml
from roles.errors import CatalogError
from roles.models import Catalog


def test_file_has_the_lectures_five_stages_in_order() -> None:
    book = load_archetypes()
    assert [a.stage for a in book.archetypes] == [1, 2, 3, 4, 5]
    assert book.get("ml_embedded_in_product").name == "ML embedded in product teams"
    assert [c.id for c in book.design_choices] == [
        "engineering_vs_research",
        "data_ownership",
        "model_ownership",
    ]


def test_unknown_archetype_names_the_valid_ids() -> None:
    with pytest.raises(UnknownArchetypeError, match="ml_first"):
        load_archetypes().get("unicorn_farm")


def test_mix_that_does_not_sum_to_one_is_rejected_with_the_field() -> None:
    text = (DATA_DIR / "archetypes.yaml").read_text()
    broken = text.replace("data_scientist: 0.75", "data_scientist: 0.95", 1)
    with pytest.raises(CatalogError, match=r"archetypes\[0\] \(nascent\).*add up to 1"):
        parse_yaml(broken, ArchetypeCatalog, "archetypes.yaml")


def test_unknown_role_in_a_mix_is_rejected(tmp_path: Path) -> None:
    text = (DATA_DIR / "archetypes.yaml").read_text()
    bad = tmp_path / "archetypes.yaml"
    bad.write_text(text.replace("ml_researcher: 0.5", "wizard: 0.5", 1))
    with pytest.raises(CatalogError, match="unknown role 'wizard'"):
        load_archetypes(str(bad))


def test_mix_is_rescaled_to_the_catalog_roles() -> None:
    mix = mix_for(load_archetypes().get("nascent"), load_catalog("2022"))
    assert "data_engineer" not in mix
    assert mix["data_scientist"] == pytest.approx(1.0)


def test_team_shaped_like_an_archetype_ranks_it_first(any_catalog: Catalog) -> None:
    book = load_archetypes()
    target = book.get("ml_rnd")
    counts = {r: round(share * 20) for r, share in mix_for(target, any_catalog).items()}
    ranking = rank_archetypes(counts, book, any_catalog)
    assert ranking[0][0].id == "ml_rnd" and ranking[0][1] > 0.9


def test_hire_next_puts_the_largest_shortfall_first(catalog: Catalog) -> None:
    embedded = load_archetypes().get("ml_embedded_in_product")
    counts = dict.fromkeys(catalog.role_ids, 0) | {
        "data_scientist": 4,
        "data_engineer": 3,
        "ml_engineer": 2,
        "ml_devops": 1,
    }
    hires = hire_next(counts, embedded, catalog)
    assert [h.role for h in hires] == ["ml_engineer", "ml_product_manager"]
    first = hires[0]
    g = catalog.role("ml_engineer").region
    assert (first.target.ml, first.target.swe) == (g.ml, g.swe)
    assert first.have == 2 and first.want == pytest.approx(4.4)
    # People come whole: the reason says "about 4 of 11", never "4.4 of 11".
    assert "(about 4 of 11 people); the team has 2." in first.reason and "4.4" not in first.reason


def test_needed_roles_nobody_covers_come_before_any_shortfall(catalog: Catalog) -> None:
    embedded = load_archetypes().get("ml_embedded_in_product")
    counts = dict.fromkeys(catalog.role_ids, 0) | {"data_scientist": 6, "ml_researcher": 4}
    hires = hire_next(counts, embedded, catalog, uncovered={"ml_devops", "data_engineer"})
    assert [h.role for h in hires[:2]] == ["data_engineer", "ml_devops"]
    assert "Nobody on the team covers this role" in hires[0].reason


def test_without_a_goal_the_gaps_are_filled_missing_roles_first(catalog: Catalog) -> None:
    counts = dict.fromkeys(catalog.role_ids, 0) | {"data_scientist": 3, "ml_engineer": 1}
    hires = fill_gaps(counts, catalog, uncovered=["ml_devops"], single=["ml_engineer"])
    assert [h.role for h in hires] == ["ml_devops", "ml_engineer"]
    assert hires[1].reason.startswith("Only one person covers this role")
    assert "The work of 3 people on the team relies on it" in hires[1].reason


def test_team_with_the_exact_mix_grows_its_largest_role(catalog: Catalog) -> None:
    rnd = load_archetypes().get("ml_rnd")
    counts = dict.fromkeys(catalog.role_ids, 0) | {
        "ml_researcher": 5,
        "data_scientist": 3,
        "ml_engineer": 1,
        "data_engineer": 1,
    }
    assert [h.role for h in hire_next(counts, rnd, catalog)] == ["ml_researcher"]


counts_strategy = st.dictionaries(
    st.sampled_from(load_catalog("2021").role_ids), st.integers(0, 30), min_size=1
)


@given(counts_strategy)
def test_shape_distance_stays_between_zero_and_one(counts: dict[str, int]) -> None:
    catalog = load_catalog("2021")
    for archetype in load_archetypes().archetypes:
        assert 0 <= shape_distance(counts, mix_for(archetype, catalog)) <= 1 + 1e-9


@given(counts_strategy, st.sets(st.sampled_from(load_catalog("2021").role_ids)))
def test_a_covered_role_never_outranks_a_needed_role_nobody_covers(
    counts: dict[str, int], uncovered: set[str]
) -> None:
    catalog = load_catalog("2021")
    for archetype in load_archetypes().archetypes:
        mix = mix_for(archetype, catalog)
        ranked = [h.role for h in hire_next(counts, archetype, catalog, uncovered=uncovered)]
        gaps = [r for r in ranked if r in uncovered and mix[r] > 0]
        assert ranked[: len(gaps)] == gaps
        assert {r for r in uncovered if mix[r] > 0} <= set(ranked)


@given(counts_strategy)
def test_the_first_suggestion_is_the_single_hire_that_best_fits_the_mix(
    counts: dict[str, int],
) -> None:
    # A team already exactly on the mix moves away with any hire; the first suggestion is
    # still the hire that moves it least (and one that is short brings it closer).
    catalog = load_catalog("2021")
    for archetype in load_archetypes().archetypes:
        hires = hire_next(counts, archetype, catalog)
        if not hires or sum(counts.values()) == 0:
            continue
        mix = mix_for(archetype, catalog)
        after = {
            r: shape_distance(counts | {r: counts.get(r, 0) + 1}, mix) for r in catalog.role_ids
        }
        assert after[hires[0].role] <= min(after.values()) + 1e-9


@given(counts_strategy)
def test_hire_next_speaks_of_whole_people_more_than_the_team_has(counts: dict[str, int]) -> None:
    catalog = load_catalog("2021")
    for archetype in load_archetypes().archetypes:
        for h in hire_next(counts, archetype, catalog):
            found = re.search(r"\(about (\d+) of (\d+) people\); the team has (\d+)\.", h.reason)
            assert found, h.reason
            wanted, size, have = map(int, found.groups())
            assert size == sum(counts.values()) + 1 and wanted > have == h.have
