"""Questionnaire answers become scores; 'no chance yet' is left out, not counted as zero."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roles.catalog import load_questionnaire
from roles.errors import ProfileError
from roles.questionnaire import NOT_YET, answer_options, score

Q = load_questionnaire()


def test_every_measure_has_at_least_five_items() -> None:
    for axis in ("ml", "swe", "comm"):
        assert sum(1 for i in Q.items if i.axis == axis) >= 5


def test_all_top_answers_score_ten_and_all_bottom_answers_zero() -> None:
    top = {i.id: answer_options(Q, i.id)[-2] for i in Q.items}
    bottom = {i.id: answer_options(Q, i.id)[0] for i in Q.items}
    assert score(Q, top)[0].as_dict() == {"ml": 10.0, "swe": 10.0, "comm": 10.0}
    assert score(Q, bottom)[0].as_dict() == {"ml": 0.0, "swe": 0.0, "comm": 0.0}


def test_no_chance_yet_is_left_out_instead_of_counting_as_zero() -> None:
    answers = {i.id: answer_options(Q, i.id)[-2] for i in Q.items}
    ml_items = [i.id for i in Q.items if i.axis == "ml"]
    answers[ml_items[0]] = NOT_YET
    profile, unscored = score(Q, answers)
    assert profile.ml == 10.0 and unscored == []


def test_a_measure_with_nothing_answered_is_reported_unscored() -> None:
    answers = {i.id: answer_options(Q, i.id)[-2] for i in Q.items if i.axis != "comm"}
    profile, unscored = score(Q, answers)
    assert unscored == ["comm"] and profile.comm == 0


def test_an_answer_that_is_not_an_option_is_refused() -> None:
    with pytest.raises(ProfileError, match="is not an answer"):
        score(Q, {Q.items[0].id: "Maybe"})


@given(st.data())
def test_scores_stay_in_range_for_any_answers(data: st.DataObject) -> None:
    answers = {i.id: data.draw(st.sampled_from(answer_options(Q, i.id))) for i in Q.items}
    profile, _ = score(Q, answers)
    assert all(0 <= v <= 10 for v in profile.as_dict().values())
