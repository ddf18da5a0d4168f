"""Learning steps from evidence: what people with the target role's survey title use."""

from __future__ import annotations

import pytest

from roles.evidence import MIN_SHARE, evidence, load_usage


def test_data_engineers_use_sql_and_the_step_says_so_with_the_share() -> None:
    found = evidence({"languages": ["python"]}, "data_engineer")
    sql = next(s for s in found.steps if s.option == "sql")
    assert sql.text == f"{sql.share:.0%} of data engineers use SQL regularly; you did not pick it"
    assert found.title == "Data Engineer" and "Kaggle" in found.source


def test_steps_are_the_most_distinguishing_first_and_common_enough() -> None:
    found = evidence({}, "ml_engineer")
    lifts = [s.lift for s in found.steps]
    assert lifts == sorted(lifts, reverse=True) and all(lift > 1 for lift in lifts)
    assert all(s.share >= MIN_SHARE for s in found.steps) and len(found.steps) == 5


def test_what_the_person_picked_is_left_out() -> None:
    picked = evidence({"languages": ["sql", "bash", "java"]}, "data_engineer")
    assert not {"sql", "bash", "java"} & {
        s.option for s in picked.steps if s.question == "languages"
    }


def test_an_unanswered_question_is_said_as_such_not_as_not_picked() -> None:
    found = evidence({"work_activities": ["analyze_data"]}, "data_engineer")
    sql = next(s for s in found.steps if s.option == "sql")
    assert not sql.answered and sql.text.endswith("you have not answered that question")


def test_a_title_is_not_the_role_and_no_title_is_ml_devops() -> None:
    assert "not the lecture's role" in evidence({}, "ml_researcher").note
    devops = evidence({}, "ml_devops")
    assert devops.title is None and devops.steps == []
    assert "lecture's description" in devops.note


def test_editors_are_not_learning_steps() -> None:
    for role in ("data_engineer", "data_scientist", "ml_researcher", "ml_engineer"):
        assert all(s.question != "ides" for s in evidence({}, role).steps)


def test_steps_speak_chinese() -> None:
    found = evidence({"languages": ["python"]}, "data_engineer", lang="zh")
    sql = next(s for s in found.steps if s.option == "sql")
    assert sql.text == f"{sql.share:.0%} 的数据工程师经常使用 SQL；你没有选它"
    assert "来源" not in found.note and "数据工程师" in found.note


@pytest.mark.parametrize("role", ["data_scientist", "ml_researcher", "ml_product_manager"])
def test_shares_are_the_survey_s(role: str) -> None:
    usage = load_usage()
    for step in evidence({}, role).steps:
        row = usage[(usage["option"] == step.option) & (usage["question"] == step.question)]
        assert step.share in set(row["share"])


def test_the_json_form_keeps_ids_and_rounds() -> None:
    doc = evidence({}, "data_engineer").as_dict()
    assert doc["title"] == "Data Engineer"
    assert {s["question"] for s in doc["steps"]} <= {
        "languages",
        "work_activities",
        "ml_frameworks",
    }
