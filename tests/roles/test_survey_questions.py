"""The survey's six questions about tools and education: asked as the survey asked them, and
moving the scores only in the directions the survey supports."""

from __future__ import annotations

import copy
import csv
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from roles.catalog import DATA_DIR, load_questionnaire
from roles.errors import ProfileError
from roles.questionnaire import score, score_detail
from roles.questionnaire_models import Questionnaire, ShiftItem

Q = load_questionnaire()
NEW = ["languages", "education", "ml_frameworks", "cv_methods", "nlp_methods", "ides"]
PREFIX = {"languages": "lang_", "ml_frameworks": "fw_", "cv_methods": "cv_"}
PREFIX |= {"nlp_methods": "nlp_", "ides": "ide_"}
DICTIONARY = Path(__file__).resolve().parents[1] / "data" / "survey" / "kaggle2021_dictionary.csv"
EDUCATION = [
    "high_school",
    "some_college",
    "bachelor",
    "master",
    "doctoral",
    "professional_doctorate",
    "no_answer",
]
CV_METHODS = ["classification", "segmentation", "detection", "general_tools", "generative"]


def _dictionary() -> list[dict[str, str]]:
    with DICTIONARY.open(encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


def _item(item_id: str) -> ShiftItem:
    item = Q.item(item_id)
    assert isinstance(item, ShiftItem)
    return item


def test_the_six_come_right_after_the_first_three_in_order() -> None:
    assert [i.id for i in Q.items[3:9]] == NEW
    assert all(_item(i).survey for i in NEW)


@pytest.mark.parametrize("item_id", list(PREFIX))
def test_a_multiple_choice_question_is_the_survey_s_own(item_id: str) -> None:
    rows = [r for r in _dictionary() if r["column"].startswith(PREFIX[item_id])]
    item = _item(item_id)
    assert item.multiple
    assert {r["question_2021"] for r in rows} == {item.wording}
    # Option ids are the dictionary column's suffix; the label is the survey's choice.
    survey = {r["column"].removeprefix(PREFIX[item_id]): r["choice_2021"] for r in rows}
    assert {o.id for o in item.options} == set(survey)
    for option in item.options:
        choices = survey[option.id].split(" OR ") if survey[option.id] else ["None"]
        assert option.wording in choices, option.id


def test_education_is_the_survey_s_question_with_its_seven_answers() -> None:
    row = next(r for r in _dictionary() if r["column"] == "education")
    item = _item("education")
    assert not item.multiple and item.wording == row["question_2021"]
    survey = dict(part.split("=", 1) for part in row["coding"].split(" / "))
    assert [o.id for o in item.options] == EDUCATION == list(survey)
    assert {o.id: o.wording for o in item.options} == survey


def test_the_many_options_are_listed_most_used_first_with_none_and_other_last() -> None:
    for item_id in PREFIX:
        options = _item(item_id).options
        assert [o.id for o in options[-2:]] == ["none", "other"]
        shares = [o.share for o in options[:-2]]
        assert None not in shares and shares == sorted(shares, reverse=True)  # type: ignore[type-var]
        assert next(o for o in options if o.id == "none").exclusive


def test_every_option_is_translated() -> None:
    zh = load_questionnaire("zh")
    for item_id in NEW:
        item = zh.item(item_id)
        assert isinstance(item, ShiftItem) and item.text != _item(item_id).text
    assert zh.item("education").option("doctoral").label == "博士学位"  # type: ignore[union-attr]


def test_an_unanswered_question_moves_nothing_and_an_answer_moves_by_its_shift() -> None:
    base = {"years_code": "3-5 years", "years_ml": "2-3 years", "work_activities": ["ml_service"]}
    before = score_detail(Q, base)
    after = score_detail(Q, base | {"education": "doctoral"})
    doctoral = _item("education").option("doctoral")
    assert doctoral is not None and doctoral.shift["ml"] > 0
    assert after.profile.ml == pytest.approx(before.profile.ml + doctoral.shift["ml"], abs=0.051)
    assert after.shifts["ml"] == doctoral.shift["ml"] and after.answers["ml"] == 3
    assert after.levels["ml"] == before.levels["ml"] == 2  # a shift sets no level of its own


def test_education_takes_an_option_id_or_the_survey_label() -> None:
    by_id = score(Q, {"education": "master"})[0]
    assert score(Q, {"education": "Master’s degree"})[0] == by_id


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"languages": "python"}, "languages: expects a list of option ids"),
        ({"languages": ["cobol"]}, "languages: 'cobol' is not an option"),
        ({"ml_frameworks": ["none", "pytorch"]}, "'none' cannot be combined"),
        ({"education": "phd"}, "education: 'phd' is not an answer"),
        ({"education": ["doctoral"]}, "education: "),
    ],
)
def test_bad_tool_answers_name_the_question(answers: dict, message: str) -> None:
    with pytest.raises(ProfileError, match=message):
        score(Q, answers)


def _options(item_id: str) -> list[str]:
    return [o.id for o in _item(item_id).options if not o.exclusive]


def _ticks(item_id: str) -> st.SearchStrategy[list[str] | None]:
    return st.one_of(
        st.none(), st.just(["none"]), st.lists(st.sampled_from(_options(item_id)), unique=True)
    )


@st.composite
def _answers(draw: st.DrawFn) -> dict[str, object]:
    """Any answers to the nine survey questions and the practices (any left out)."""
    out: dict[str, object] = {}
    for item in Q.items:
        if isinstance(item, ShiftItem):
            out[item.id] = (
                draw(_ticks(item.id))
                if item.multiple
                else draw(st.one_of(st.none(), st.sampled_from(EDUCATION)))
            )
        elif item.kind == "one":
            keys = [c.key for c in Q.choices(item)]  # type: ignore[arg-type]
            out[item.id] = draw(st.one_of(st.none(), st.sampled_from(keys)))
        else:
            acts = [o.id for o in item.options if not o.exclusive]  # type: ignore[union-attr]
            out[item.id] = draw(st.one_of(st.none(), st.lists(st.sampled_from(acts), unique=True)))
    return {k: v for k, v in out.items() if v not in (None, [])}


def _tick(answers: dict[str, object], item_id: str, option: str) -> dict[str, object]:
    given_ = answers.get(item_id)
    ticked = [o for o in (given_ or []) if o != "none"]  # type: ignore[union-attr]
    return answers | {item_id: [*dict.fromkeys([*ticked, option])]}


def _untick(answers: dict[str, object], item_id: str, option: str) -> dict[str, object]:
    rest = [o for o in (answers.get(item_id) or []) if o not in ("none", option)]  # type: ignore[union-attr]
    return {k: v for k, v in answers.items() if k != item_id} | ({item_id: rest} if rest else {})


@given(_answers())
def test_ticking_pytorch_never_lowers_ml(answers: dict) -> None:
    without = score(Q, _untick(answers, "ml_frameworks", "pytorch"))[0].ml
    assert score(Q, _tick(answers, "ml_frameworks", "pytorch"))[0].ml >= without


@given(_answers(), st.sampled_from(CV_METHODS))
def test_ticking_a_vision_method_never_lowers_ml(answers: dict, method: str) -> None:
    without = score(Q, _untick(answers, "cv_methods", method))[0].ml
    assert score(Q, _tick(answers, "cv_methods", method))[0].ml >= without


NOT_DOCTORATES = [None, *EDUCATION[:4], "no_answer"]


@given(_answers(), st.sampled_from(NOT_DOCTORATES), st.sampled_from(EDUCATION[4:6]))
def test_a_doctorate_never_lowers_ml(answers: dict, other: str | None, doctorate: str) -> None:
    # Against leaving it out, or any answer that is not a doctorate.
    rest = {k: v for k, v in answers.items() if k != "education"}
    instead = rest | ({"education": other} if other else {})
    assert score(Q, rest | {"education": doctorate})[0].ml >= score(Q, instead)[0].ml


@given(_answers())
def test_scores_stay_in_range_whatever_is_ticked(answers: dict) -> None:
    assert all(0 <= v <= 10 for v in score(Q, answers)[0].as_dict().values())


def _raw() -> dict:
    return yaml.safe_load((DATA_DIR / "questionnaire.yaml").read_text(encoding="utf-8"))


def test_options_out_of_usage_order_are_refused_with_the_fix() -> None:
    raw = _raw()
    item = next(i for i in raw["items"] if i["id"] == "languages")
    item["options"][0], item["options"][1] = item["options"][1], item["options"][0]
    with pytest.raises(ValidationError, match="most used first"):
        Questionnaire.model_validate(raw, context={"lang": "en"})


def test_a_shift_without_a_reason_is_refused() -> None:
    raw = copy.deepcopy(_raw())
    item = next(i for i in raw["items"] if i["id"] == "education")
    del next(o for o in item["options"] if o["id"] == "doctoral")["why"]
    with pytest.raises(ValidationError, match="say why"):
        Questionnaire.model_validate(raw, context={"lang": "en"})


def test_tool_answers_alone_leave_a_measure_unmeasured() -> None:
    detail = score_detail(Q, {"education": "doctoral", "languages": ["python", "c"]})
    assert set(detail.unscored) == {"ml", "swe", "comm"}
    assert detail.profile.ml == Q.scoring.middle  # no level to refine: nothing to move
