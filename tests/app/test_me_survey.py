"""The Me page with the survey's six tool and education questions, People like you from every
answered survey question, and the survey's evidence under the path."""

from __future__ import annotations

import pytest

from roles.catalog import load_catalog
from roles.survey import TITLE_ROLE, people_like_you_detail, title_name
from roles.verdict import assess
from tests.app.helpers import app, figures, questionnaire, submit_answers, texts

TOOL_QUESTIONS = [
    "What programming languages do you use on a regular basis? (Select all that apply)",
    "Which of the following machine learning frameworks do you use on a regular basis? (Select all that apply)",
    "Which categories of computer vision methods do you use on a regular basis? (Select all that apply)",
    "Which of the following natural language processing (NLP) methods do you use on a regular basis? (Select all that apply)",
    "Which of the following integrated development environments (IDE's) do you use on a regular basis? (Select all that apply)",
]


_questionnaire, _submit = questionnaire, submit_answers


def _three(at):  # type: ignore[no-untyped-def]
    at.selectbox(key="me_q_years_code").set_value("3-5 years")
    at.selectbox(key="me_q_years_ml").set_value("2-3 years")
    at.checkbox(key="me_q_work_activities__ml_service").check()
    return at


def test_the_tool_questions_follow_the_first_three_as_chips_most_used_first() -> None:
    at = _questionnaire(app().run())
    pills = [p for p in at.pills if p.key and p.key.startswith("me_q_")]
    assert [p.label for p in pills] == TOOL_QUESTIONS
    assert pills[0].options[:3] == ["Python", "SQL", "R"]
    assert pills[0].options[-2:] == ["None", "Other"]
    education = at.selectbox(key="me_q_education")
    assert education.label.startswith("What is the highest level of formal education")
    page = texts(at)
    assert page.index("**Your tools and education** (optional)") < page.index("**ML expertise**")


def test_tool_answers_move_the_scores_and_make_people_like_you_surer() -> None:
    plain = _submit(_three(_questionnaire(app().run())))
    at = _three(_questionnaire(app().run()))
    at.pills(key="me_q_ml_frameworks").set_value(["pytorch", "tensorflow"])
    at.pills(key="me_q_cv_methods").set_value(["detection", "classification"])
    at.pills(key="me_q_languages").set_value(["python", "cpp"])
    at.selectbox(key="me_q_education").set_value("master")
    at = _submit(at)
    assert at.select_slider(key="me_swe").value > plain.select_slider(key="me_swe").value
    page = texts(at)
    assert "This rests on your answers to 7 of the 9 survey questions" in page
    assert "(years of coding, years of ML, work activities, languages, education" in page

    def share(at, title: str) -> float:  # type: ignore[no-untyped-def]
        bars = next(
            f for f in figures(at) if f["data"][0].get("meta", {}).get("kind") == "people_like_you"
        )["data"][0]
        return dict(zip(bars["y"], bars["x"], strict=True))[title]

    assert share(at, "Machine Learning Engineer") > share(plain, "Machine Learning Engineer")


def test_one_tool_answer_alone_is_enough_for_people_like_you() -> None:
    at = _questionnaire(app().run())
    at.pills(key="me_q_languages").set_value(["sql"])
    at = _submit(at)
    page = texts(at)
    assert "### People like you" in page
    assert "your answer to 1 of the 9 survey questions (languages)" in page


def test_the_survey_s_evidence_sits_under_the_path_with_shares() -> None:
    at = app(ml="2", swe="7", comm="4", target="data_engineer").run()
    page = texts(at)
    assert "**From the survey**: what people called Data Engineer use" in page
    assert "of data engineers use SQL regularly; you have not answered that question" in page
    assert "A survey title is what people are called, not the lecture's role" in page
    assert "Kaggle Machine Learning & Data Science Survey 2021 (CC BY 2.0)" in page
    assert page.index("### Your path toward") < page.index("**From the survey**")


def test_what_you_ticked_is_no_longer_a_step() -> None:
    at = _questionnaire(app(target="data_engineer").run())
    at.pills(key="me_q_languages").set_value(["python", "sql"])
    at = _submit(at)
    page = texts(at)
    assert "use SQL regularly" not in page
    assert "of data engineers use Bash regularly; you did not pick it" in page


def test_ml_devops_says_what_its_steps_rest_on() -> None:
    at = app(ml="1", swe="9", comm="4", target="ml_devops").run()
    page = texts(at)
    assert "No survey title is this role, so these steps rest on the lecture's description" in page
    assert "**From the survey**" not in page


def test_people_like_you_bars_show_the_chance_the_heading_states() -> None:
    # The heading says "about N in 10" from calibrated chances; the bars once showed the model's
    # raw shares (49% under a heading resting on 0.56). Now both rest on one figure per title.
    at = _three(_questionnaire(app().run()))
    at.checkbox(key="me_q_work_activities__ml_research").check()
    at = _submit(at)
    bars = next(
        f for f in figures(at) if f["data"][0].get("meta", {}).get("kind") == "people_like_you"
    )["data"][0]
    answers = {
        "years_code": "3-5 years",
        "years_ml": "2-3 years",
        "work_activities": ["ml_service", "ml_research"],
    }
    said = assess(answers, load_catalog("2021", "en"))
    drawn = {
        title: dict(zip(bars["y"], bars["x"], strict=True))[title_name(title)]
        for title in TITLE_ROLE
    }
    for title, role in TITLE_ROLE.items():
        assert drawn[title] == pytest.approx(100 * said.chances[role], abs=0.06)
    # Not the raw shares: the test would pass on them only if calibration changed nothing.
    raw = people_like_you_detail(answers).probabilities
    assert any(abs(100 * raw[t] - drawn[t]) > 1 for t in TITLE_ROLE)
