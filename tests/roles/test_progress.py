"""Saved results (roles.progress) and how far a person has come (roles.progress_change)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from roles.catalog import load_catalog, load_questionnaire
from roles.match import match
from roles.models import Profile
from roles.progress import (
    MAX_POINTS,
    ProgressFileError,
    ProgressPoint,
    dump_file,
    encode_point_answers,
    load_file,
    make_point,
    point_answers,
)
from roles.progress_change import closed_sentences, compare, path_summary, point_heading
from tests.progress_points import progress_point
from tests.roles.strategies import profiles

CATALOG = load_catalog("2021", "en")
START = datetime(2026, 3, 12, 9, 30, tzinfo=UTC)


def _point(profile: Profile, days: float = 0, target: str | None = "ml_engineer") -> ProgressPoint:
    return progress_point(profile, START + timedelta(days=days), target=target)


def test_a_point_holds_the_heading_the_target_its_fit_and_gaps() -> None:
    q = load_questionnaire()
    answers = {"years_code": "3-5 years", "years_ml": "1-2 years"}
    point = make_point(
        Profile(ml=3, swe=3, comm=5),
        CATALOG,
        catalog_id="2021",
        target=None,
        answers=answers,
        questionnaire_code=encode_point_answers(q, answers),
        when=START,
    )
    assert point.heading in ("one", "close_call", "unsure") and point.confidence is not None
    best = match(Profile(ml=3, swe=3, comm=5), CATALOG)[0]
    assert point.target == best.role and point.target_fit == round(best.fit, 1)  # no target
    assert point_answers(q, point) == answers  # the answers come back whole
    assert set(point.gaps) == {"ml", "swe", "comm"}


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(profiles, st.floats(0, 3000)), min_size=1, max_size=12))
def test_any_saved_history_survives_its_file(history: list[tuple[Profile, float]]) -> None:
    points = [_point(p, days) for p, days in history]
    loaded = load_file(dump_file(points))
    assert loaded == sorted(points, key=lambda p: p.saved_at)


@settings(max_examples=40, deadline=None)
@given(profiles, profiles)
def test_the_change_is_the_last_minus_the_first_and_closes_only_real_gaps(
    first: Profile, last: Profile
) -> None:
    change = compare([_point(last, 90), _point(first)], CATALOG)  # any order in
    assert change is not None and change.first.saved_at == START
    for move in change.moves:
        expected = getattr(last, move.axis) - getattr(first, move.axis)
        assert move.delta == pytest.approx(expected, abs=1e-6)
    for closed in change.closed:
        assert change.first.gaps[closed.axis] > 0 and change.last.gaps[closed.axis] == 0
        assert closed.axis not in change.still_short


def test_closing_a_gap_is_said_with_the_first_date_in_both_languages() -> None:
    change = compare(
        [_point(Profile(ml=3, swe=3, comm=5)), _point(Profile(ml=6, swe=7, comm=5), 90)], CATALOG
    )
    assert change is not None and [c.axis for c in change.closed] == ["ml", "swe"]
    assert closed_sentences(change, "en")[1] == (
        "You closed the software-engineering gap toward ML engineer since 12 Mar 2026."
    )
    zh = compare(
        [_point(Profile(ml=3, swe=3, comm=5)), _point(Profile(ml=6, swe=7, comm=5), 90)],
        load_catalog("2021", "zh"),
    )
    assert zh is not None
    assert (
        closed_sentences(zh, "zh")[1]
        == "自 2026年3月12日 以来，你已补上通往机器学习工程师的软件工程差距。"
    )
    assert change.closed[1].steps  # the steps that gap called for are the ones marked done


def test_the_path_in_words_names_every_date_and_the_fit() -> None:
    points = [_point(Profile(ml=3, swe=3, comm=5)), _point(Profile(ml=4, swe=5, comm=5), 120)]
    text = path_summary(points, compare(points, CATALOG), "en")
    assert text.startswith("2 saved results, oldest first: 12 Mar 2026: ML 3, software")
    assert "10 Jul 2026: ML 4, software engineering 5, communication 5" in text
    assert "Fit to ML engineer: " in text
    assert path_summary(points[:1], None, "en").startswith("1 saved result: 12 Mar 2026")
    assert point_heading(points[0], CATALOG, "en").startswith("Nearest role on the map:")


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"", "not a progress file"),
        (b"[1, 2]", "not a progress file"),
        (json.dumps({"profile": {"ml": 2}}).encode(), "not a progress file"),
        (json.dumps({"format": "ml-skills-map-progress", "version": 9}).encode(), "version 9"),
        (b"\xff\xfe", "not a progress file"),
        (b"[" * 100_000, "not a progress file"),
        (b" " * (600 * 1024), "at most 512 kB"),
    ],
)
def test_a_foreign_or_broken_file_is_refused_with_a_reason(data: bytes, says: str) -> None:
    with pytest.raises(ProgressFileError, match=says):
        load_file(data)


def test_a_file_with_a_bad_field_or_too_many_points_names_the_place() -> None:
    good = json.loads(dump_file([_point(Profile(ml=3, swe=3, comm=5))]))
    bad = {**good, "points": [{**good["points"][0], "ml": 11}]}
    with pytest.raises(ProgressFileError, match=r"damaged at points\.0\.ml"):
        load_file(json.dumps(bad).encode())
    extra = {**good, "points": [{**good["points"][0], "name": "Ana"}]}  # nothing unknown
    with pytest.raises(ProgressFileError, match=r"points\.0\.name"):
        load_file(json.dumps(extra).encode())
    many = {**good, "points": good["points"] * (MAX_POINTS + 1)}
    with pytest.raises(ProgressFileError, match="points"):
        load_file(json.dumps(many).encode())
