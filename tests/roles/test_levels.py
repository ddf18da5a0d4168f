"""Behaviour anchors for a slider value."""

from roles.catalog import load_levels
from roles.levels import anchors_around, describe_level, looks_flat
from roles.models import Profile

LEVELS = load_levels()


def test_an_even_level_shows_its_own_anchor_only() -> None:
    below, above = anchors_around(LEVELS, "swe", 6)
    assert below.level == 6 and above is None
    assert "shipped and maintained a service" in describe_level(LEVELS, "swe", 6)


def test_a_level_between_anchors_names_the_next_one() -> None:
    below, above = anchors_around(LEVELS, "ml", 7)
    assert (below.level, above.level if above else None) == (6, 8)
    assert "Heading toward **8" in describe_level(LEVELS, "ml", 7)


def test_ten_is_the_top_anchor() -> None:
    below, above = anchors_around(LEVELS, "comm", 10)
    assert below.level == 10 and above is None


def test_equal_scores_are_flagged_as_flat() -> None:
    assert looks_flat(Profile(ml=5, swe=5, comm=5))
    assert not looks_flat(Profile(ml=5, swe=5, comm=6))
