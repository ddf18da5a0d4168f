"""Questionnaire answers become scores: survey questions first, few answers pulled to the middle."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roles.catalog import load_questionnaire
from roles.errors import ProfileError
from roles.questionnaire import NOT_YET, answer_options, score, score_detail, snap
from roles.questionnaire_models import ManyChoiceItem, OneChoiceItem

Q = load_questionnaire()
PRACTICE = [i for i in Q.items if isinstance(i, OneChoiceItem) and not i.survey]
ACTIVITIES = ["analyze_data", "data_infrastructure", "ml_prototypes", "ml_service"]
ACTIVITIES += ["improve_models", "ml_research", "none"]
YEARS_CODE = ["I have never written code", "< 1 years", "1-3 years", "3-5 years"]
YEARS_CODE += ["5-10 years", "10-20 years", "20+ years"]
YEARS_ML = ["I do not use machine learning methods", "Under 1 year", "1-2 years", "2-3 years"]
YEARS_ML += ["3-4 years", "4-5 years", "5-10 years", "10-20 years", "20 or more years"]


def test_the_three_survey_questions_come_first_in_the_survey_wording() -> None:
    code, ml, acts = Q.items[:3]
    assert (code.id, ml.id, acts.id) == ("years_code", "years_ml", "work_activities")
    assert code.text == "For how many years have you been writing code and/or programming?"
    assert ml.text == "For how many years have you used machine learning methods?"
    assert answer_options(Q, "years_code") == YEARS_CODE
    assert answer_options(Q, "years_ml") == YEARS_ML
    assert isinstance(acts, ManyChoiceItem) and [o.id for o in acts.options] == ACTIVITIES
    assert acts.options[0].label.startswith("Analyze and understand data to influence")


def test_every_measure_has_at_least_five_questions() -> None:
    for axis in ("ml", "swe", "comm"):
        assert sum(1 for i in Q.items if axis in i.axes) >= 5


def test_all_top_practice_answers_score_ten_and_all_bottom_answers_zero() -> None:
    top = {i.id: answer_options(Q, i.id)[-2] for i in PRACTICE}
    bottom = {i.id: answer_options(Q, i.id)[0] for i in PRACTICE}
    assert score(Q, top)[0].as_dict() == {"ml": 10.0, "swe": 10.0, "comm": 10.0}
    assert score(Q, bottom)[0].as_dict() == {"ml": 0.0, "swe": 0.0, "comm": 0.0}


def test_no_chance_yet_is_left_out_instead_of_counting_as_zero() -> None:
    answers = {i.id: answer_options(Q, i.id)[-2] for i in PRACTICE}
    answers[next(i.id for i in PRACTICE if i.axis == "ml")] = NOT_YET
    profile, unscored = score(Q, answers)
    assert profile.ml == 10.0 and unscored == []


def test_survey_questions_offer_no_chance_yet_only_their_own_answers() -> None:
    assert NOT_YET not in answer_options(Q, "years_ml")
    with pytest.raises(ProfileError, match="years_ml"):
        score(Q, {"years_ml": NOT_YET})


def test_a_measure_with_nothing_answered_is_unscored_and_stays_in_the_middle() -> None:
    answers = {i.id: answer_options(Q, i.id)[-2] for i in PRACTICE if i.axis != "comm"}
    detail = score_detail(Q, answers)
    assert detail.unscored == ["comm"] and detail.profile.comm == 5.0
    assert detail.answers["comm"] == 0 and detail.halo["comm"] == Q.scoring.halo[0]


def test_one_yes_is_pulled_toward_the_middle() -> None:
    detail = score_detail(Q, {"ml_new_method": "Yes"})
    assert detail.profile.ml == snap((10 + 2 * 5) / 3) == 6.5  # on the sliders' half steps
    assert detail.answers["ml"] == 1 and detail.halo["ml"] > detail.halo.get("swe", 0) - 2


def test_three_answers_are_not_pulled() -> None:
    answers = {"ml_new_method": "Yes", "ml_trained_real_data": "Yes", "ml_read_papers": "Regularly"}
    assert score(Q, answers)[0].ml == 10.0


def test_many_choice_counts_once_per_measure_at_the_mean_of_ticked_levels() -> None:
    detail = score_detail(Q, {"work_activities": ["ml_research", "data_infrastructure"]})
    assert detail.answers == {"ml": 1, "swe": 1, "comm": 1}
    acts = Q.item("work_activities")
    assert isinstance(acts, ManyChoiceItem)
    research, infra = acts.option("ml_research"), acts.option("data_infrastructure")
    assert research is not None and infra is not None
    mean_ml = (research.levels["ml"] + infra.levels["ml"]) / 2
    assert detail.profile.ml == snap((mean_ml + 2 * 5) / 3)


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"nope": "Yes"}, "unknown question 'nope'; the questions are"),
        ({"swe_tests_ci": "Maybe"}, "swe_tests_ci: 'Maybe' is not an answer; pick one of"),
        ({"years_code": "a while"}, "years_code: 'a while' is not an answer"),
        ({"work_activities": "ml_research"}, "work_activities: expects a list of option ids"),
        ({"work_activities": ["knitting"]}, "work_activities: 'knitting' is not an option; use"),
        ({"work_activities": ["none", "ml_service"]}, "'none' cannot be combined"),
    ],
)
def test_bad_answers_name_the_question_and_what_is_allowed(answers: dict, message: str) -> None:
    with pytest.raises(ProfileError, match=message.replace("(", r"\(")):
        score(Q, answers)


def _survey_answers() -> st.SearchStrategy[dict[str, object]]:
    acts = st.one_of(
        st.none(),
        st.just(["none"]),
        st.lists(st.sampled_from(ACTIVITIES[:-1]), min_size=1, max_size=6, unique=True),
    )
    return st.fixed_dictionaries(
        {
            "years_code": st.one_of(st.none(), st.sampled_from(YEARS_CODE)),
            "years_ml": st.one_of(st.none(), st.sampled_from(YEARS_ML)),
            "work_activities": acts,
        }
    )


@given(st.data())
def test_scores_stay_in_range_for_any_answers(data: st.DataObject) -> None:
    answers: dict[str, object] = {
        i.id: data.draw(st.sampled_from([*answer_options(Q, i.id), None])) for i in PRACTICE
    }
    answers |= data.draw(_survey_answers())
    profile, _ = score(Q, answers)
    assert all(0 <= v <= 10 for v in profile.as_dict().values())


@given(_survey_answers(), st.integers(0, len(YEARS_ML) - 2))
def test_more_years_of_ml_never_lowers_ml(answers: dict, bucket: int) -> None:
    fewer = score(Q, answers | {"years_ml": YEARS_ML[bucket]})[0].ml
    more = score(Q, answers | {"years_ml": YEARS_ML[bucket + 1]})[0].ml
    assert more >= fewer


@given(_survey_answers())
def test_ticking_ml_research_never_lowers_ml(answers: dict) -> None:
    ticked = [a for a in (answers["work_activities"] or []) if a != "none"]
    without = score(Q, answers | {"work_activities": ticked or None})[0].ml
    with_research = score(Q, answers | {"work_activities": [*ticked, "ml_research"]})[0].ml
    assert with_research >= without


@given(st.sampled_from(YEARS_CODE))
def test_years_of_coding_alone_cannot_reach_level_six_engineering(years: str) -> None:
    assert score(Q, {"years_code": years})[0].swe < 6
    bottom = {i.id: answer_options(Q, i.id)[0] for i in PRACTICE if i.axis == "swe"}
    assert score(Q, bottom | {"years_code": years})[0].swe < 6


@given(st.data())
def test_every_score_is_on_the_sliders_half_steps(data: st.DataObject) -> None:
    answers: dict[str, object] = {
        i.id: data.draw(st.sampled_from([*answer_options(Q, i.id), None])) for i in PRACTICE
    }
    answers |= data.draw(_survey_answers())
    profile, _ = score(Q, answers)
    assert all((2 * v).is_integer() for v in profile.as_dict().values())


def test_halves_round_up_the_same_way_everywhere() -> None:
    assert [snap(v) for v in (2.24, 2.25, 2.74, 2.75, 9.9)] == [2.0, 2.5, 2.5, 3.0, 10.0]
