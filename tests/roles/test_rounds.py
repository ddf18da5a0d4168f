"""Two rounds of one team compared: who moved, who joined or left, how coverage changed."""

from __future__ import annotations

import pandas as pd

from roles.models import Catalog
from roles.rounds import compare_rounds

COLUMNS = ["member_id", "name", "ml", "swe", "comm"]


def _round(*rows: tuple[int, str, float, float, float]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=COLUMNS)


def test_who_moved_most_comes_first_with_the_change_per_measure(catalog: Catalog) -> None:
    one = _round((1, "Ana", 7, 7, 5), (2, "Bo", 2, 4, 5), (3, "Cy", 8, 3, 6))
    two = _round((1, "Ana", 7, 7.5, 5), (2, "Bo", 2, 7.5, 5), (3, "Cy", 8, 3, 6))
    result = compare_rounds(one, two, catalog, numbers=(1, 2))
    assert [m.name for m in result.moves] == ["Bo", "Ana", "Cy"]
    assert result.moves[0].deltas == {"ml": 0.0, "swe": 3.5, "comm": 0.0}
    assert [m.name for m in result.movers] == ["Bo", "Ana"]
    assert not result.moves[2].moved


def test_members_are_matched_by_id_not_name(catalog: Catalog) -> None:
    one = _round((1, "Ana", 5, 5, 5))
    two = _round((1, "Ana Lima", 6, 5, 5), (2, "Ana", 1, 1, 1))
    result = compare_rounds(one, two, catalog, numbers=(1, 2))
    assert [(m.name, m.deltas["ml"]) for m in result.moves] == [("Ana Lima", 1.0)]
    assert (result.joined, result.left) == (["Ana"], [])


def test_coverage_and_missing_roles_changes_are_named(catalog: Catalog) -> None:
    one = _round((1, "Ana", 7, 7, 5), (2, "Bo", 8, 3, 6))
    # Bo moved into the data engineer's region; nobody is a researcher any more.
    two = _round((1, "Ana", 7, 7, 5), (2, "Bo", 2.5, 7, 4.5))
    result = compare_rounds(one, two, catalog, numbers=(1, 2))
    assert "data_engineer" in result.no_longer_missing
    assert "ml_researcher" in result.newly_missing
    change = {r.role: r for r in result.roles}
    assert (change["data_engineer"].before, change["data_engineer"].after) == (0, 1)
    assert change["ml_researcher"].status_after == "missing"
    assert result.moves[0].role_before == "ML researcher"
    assert result.moves[0].role_after == "Data engineer"


def test_an_empty_earlier_round_means_everyone_joined(catalog: Catalog) -> None:
    empty = pd.DataFrame(columns=COLUMNS)
    two = _round((1, "Ana", 7, 7, 5))
    result = compare_rounds(empty, two, catalog, numbers=(1, 2))
    assert (result.moves, result.joined, result.left) == ([], ["Ana"], [])
    assert len(result.missing_before) == len(catalog.roles)


def test_the_table_has_both_rounds_and_the_change(catalog: Catalog) -> None:
    one = _round((1, "Ana", 7, 7, 5))
    two = _round((1, "Ana", 6, 7, 5))
    frame = compare_rounds(one, two, catalog, numbers=(1, 3)).as_frame()
    assert frame.loc[0, "ml_1"] == 7 and frame.loc[0, "ml_3"] == 6
    assert frame.loc[0, "ml_change"] == -1.0
