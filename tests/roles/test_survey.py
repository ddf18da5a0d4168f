"""People like you: real survey respondents who answered the three survey questions alike."""

from __future__ import annotations

import pytest

from roles.errors import ProfileError
from roles.survey import (
    MIN_EXACT,
    NEIGHBOURS,
    TITLE_ROLE,
    load_survey,
    people_like_you,
    people_like_you_detail,
)

RESEARCHER = {
    "years_code": "10-20 years",
    "years_ml": "5-10 years",
    "work_activities": ["ml_research"],
}


def test_the_shipped_counts_cover_the_five_titles_in_two_halves() -> None:
    frame = load_survey().frame
    assert set(frame["title"]) == set(TITLE_ROLE)
    total = int(frame["calibration"].sum() + frame["validation"].sum())
    assert 7000 < total < 8000  # respondents with one of the five titles
    assert abs(int(frame["calibration"].sum()) - int(frame["validation"].sum())) < 300


def test_shares_are_best_first_and_add_up_to_one() -> None:
    likes = people_like_you(RESEARCHER)
    shares = [t.share for t in likes]
    assert shares == sorted(shares, reverse=True)
    assert sum(shares) == pytest.approx(1.0)
    assert all(t.n == likes[0].n for t in likes) and likes[0].n >= MIN_EXACT


def test_researchers_answers_point_to_research_scientists() -> None:
    assert people_like_you(RESEARCHER)[0].title == "Research Scientist"


def test_data_infrastructure_answers_point_to_data_engineers() -> None:
    answers = {"years_code": "5-10 years", "years_ml": "Under 1 year"}
    answers |= {"work_activities": ["data_infrastructure"]}
    assert people_like_you(answers)[0].title == "Data Engineer"


def test_rare_answers_back_off_to_the_nearest_people_and_say_so() -> None:
    rare = {
        "years_code": "I have never written code",
        "years_ml": "20 or more years",
        "work_activities": ["data_infrastructure", "ml_research", "analyze_data"],
    }
    likes = people_like_you_detail(rare)
    assert not likes.exact and likes.n >= NEIGHBOURS
    assert "closest" in likes.how


def test_common_answers_use_exactly_alike_people() -> None:
    common = {"years_code": "1-3 years", "years_ml": "Under 1 year"}
    likes = people_like_you_detail(common | {"work_activities": ["analyze_data"]})
    assert likes.exact and "exactly" in likes.how


def test_no_answers_means_everyone_with_a_title() -> None:
    likes = people_like_you_detail({})
    frame = load_survey().frame
    assert likes.n == int(frame["calibration"].sum() + frame["validation"].sum())
    # Balanced: with everyone, every title has the same share.
    assert {round(t.share, 6) for t in likes.titles} == {0.2}


def test_a_half_can_be_used_on_its_own() -> None:
    both = people_like_you_detail(RESEARCHER).n
    one = people_like_you_detail(RESEARCHER, half="calibration").n
    assert 0 < one < both


@pytest.mark.parametrize(
    "answers",
    [{"years_ml": "ages"}, {"years_code": 3}, {"work_activities": "ml_research"}],
)
def test_bad_survey_answers_are_refused(answers: dict) -> None:
    with pytest.raises(ProfileError):
        people_like_you(answers)
