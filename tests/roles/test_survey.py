"""People like you: the survey titles of respondents who answer like you, from a fitted model."""

from __future__ import annotations

import pytest

from roles.errors import ProfileError
from roles.survey import (
    SURVEY_ITEMS,
    TITLE_ROLE,
    load_respondents,
    load_survey,
    people_like_you,
    people_like_you_detail,
    title_probabilities,
)

RESEARCHER = {
    "years_code": "10-20 years",
    "years_ml": "5-10 years",
    "work_activities": ["ml_research"],
}


def test_the_shipped_table_has_the_five_titles_split_once_by_title() -> None:
    table = load_respondents()
    assert len(table) == 7640 and set(table["title"]) == set(TITLE_ROLE)
    shares = table.assign(v=table["half"] == "validation").groupby("title")["v"].mean()
    # Stratified: every title gives the same share of its people to the validation half.
    assert shares.max() - shares.min() < 0.005 and 0.49 < shares.mean() < 0.5


def test_the_earlier_columns_are_still_there_for_earlier_callers() -> None:
    frame = load_survey().frame
    assert (frame["calibration"] + frame["validation"] == 1).all()
    assert (frame["activities"] == frame["work_activities"]).all()


def test_shares_cover_the_five_titles_best_first_and_add_up_to_one() -> None:
    likes = people_like_you(RESEARCHER)
    shares = [t.share for t in likes]
    assert shares == sorted(shares, reverse=True)
    assert sum(shares) == pytest.approx(1.0)
    assert {t.title for t in likes} == set(TITLE_ROLE)
    calibration = int((load_respondents()["half"] == "calibration").sum())
    assert all(t.n == calibration for t in likes)


def test_researchers_answers_point_to_research_scientists() -> None:
    assert people_like_you(RESEARCHER)[0].title == "Research Scientist"


def test_a_doctorate_and_research_make_research_scientist_likelier_still() -> None:
    plain = title_probabilities(RESEARCHER)["Research Scientist"]
    more = title_probabilities(RESEARCHER | {"education": "doctoral", "languages": ["matlab"]})
    assert more["Research Scientist"] > plain


def test_data_infrastructure_and_sql_point_to_data_engineers() -> None:
    answers = {"years_code": "5-10 years", "years_ml": "Under 1 year"}
    answers |= {"work_activities": ["data_infrastructure"], "languages": ["sql", "java"]}
    assert people_like_you(answers)[0].title == "Data Engineer"


def test_pytorch_and_vision_point_to_ml_engineers() -> None:
    answers = {
        "years_code": "3-5 years",
        "years_ml": "2-3 years",
        "work_activities": ["ml_service", "improve_models"],
        "ml_frameworks": ["pytorch", "tensorflow"],
        "cv_methods": ["detection", "segmentation"],
        "languages": ["python", "cpp"],
    }
    assert people_like_you(answers)[0].title == "Machine Learning Engineer"


def test_no_answers_means_no_title_is_likelier() -> None:
    likes = people_like_you_detail({})
    assert {round(t.share, 6) for t in likes.titles} == {0.2}
    assert likes.answered == () and "none of the survey questions" in likes.how


def test_it_says_which_answers_it_rests_on_in_the_order_asked() -> None:
    answers = {"ides": ["vscode"], "years_ml": "1-2 years", "ml_trained_real_data": "Yes"}
    likes = people_like_you_detail(answers)
    assert likes.answered == ("years_ml", "ides")
    assert "2 of the 9 survey questions (years of ML, IDEs)" in likes.how


def test_it_speaks_chinese() -> None:
    likes = people_like_you_detail(RESEARCHER, lang="zh")
    assert "9" in likes.how and "问卷" in likes.how


def test_an_unanswered_question_is_unknown_not_none() -> None:
    # Leaving the vision question out is not the same as saying one uses no vision method.
    left_out = title_probabilities(RESEARCHER)
    said_none = title_probabilities(RESEARCHER | {"cv_methods": ["none"]})
    assert left_out != said_none


def test_education_takes_an_option_id_or_the_survey_label() -> None:
    by_id = title_probabilities(RESEARCHER | {"education": "doctoral"})
    by_label = title_probabilities(RESEARCHER | {"education": "Doctoral degree"})
    assert by_id == by_label


def test_every_survey_question_is_one_the_questionnaire_asks() -> None:
    from roles.catalog import load_questionnaire

    q = load_questionnaire()
    assert all(q.item(i) is not None and q.item(i).survey for i in SURVEY_ITEMS)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "answers",
    [
        {"years_ml": "ages"},
        {"years_code": 3},
        {"work_activities": "ml_research"},
        {"languages": ["cobol"]},
        {"education": "phd"},
        {"ml_frameworks": ["none", "pytorch"]},
        {"cv_methods": "detection"},
    ],
)
def test_bad_survey_answers_are_refused(answers: dict) -> None:
    with pytest.raises(ProfileError):
        people_like_you(answers)


def test_people_like_you_for_one_person_is_quick_enough_to_call_on_every_rerun() -> None:
    # Not a timing test: the model is loaded once and reused (bench/bench_survey.py times it).
    from roles.survey_model import load_model

    people_like_you(RESEARCHER)
    model = load_model()
    people_like_you(RESEARCHER)
    assert len(load_model.cache) == 1
    assert load_model() is model


def test_a_calibration_respondent_s_evidence_comes_from_a_model_that_never_saw_them() -> None:
    from roles.survey import fold_models, held_out_likeness, respondents

    folds = fold_models()
    table = load_respondents()
    calibration = table[table["half"] == "calibration"]
    assert set(folds.fold) == set(calibration.index)  # every calibration respondent, once
    sizes = [sum(1 for f in folds.fold.values() if f == k) for k in range(len(folds.models))]
    assert [m.respondents for m in folds.models] == [len(calibration) - n for n in sizes]
    person = respondents("calibration")[0]
    mine = folds.models[folds.fold[person.row]]
    shares = {t.title: t.share for t in held_out_likeness(person, person.answers).titles}
    expected = mine.probabilities([person.answers])[0]
    classes = [str(c) for c in mine.estimator.classes_]
    assert [shares[c] for c in classes] == pytest.approx(list(expected))


def test_a_validation_respondent_s_evidence_is_the_shipped_model_s() -> None:
    from roles.survey import held_out_likeness, people_like_you, respondents

    person = respondents("validation")[0]
    held = {t.title: t.share for t in held_out_likeness(person, person.answers).titles}
    shipped = {t.title: t.share for t in people_like_you(person.answers)}  # type: ignore[arg-type]
    assert held == pytest.approx(shipped)
