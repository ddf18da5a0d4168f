"""The Me page's heading for each kind of evidence, in both languages; what the questionnaire keeps
(answers on reopening, the share link, the download); and what an unanswered measure shows."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block

from components.me.results import result_json
from roles.catalog import load_catalog
from roles.models import Profile
from tests.app.helpers import app, figures, texts

# Survey answers for each kind of heading (checked against roles.verdict.assess in each test).
KINDS = {
    "one": ("10-20 years", "10-20 years", ["ml_research"]),
    "close_call": ("1-3 years", "Under 1 year", ["ml_service"]),
    "unsure": ("1-3 years", "2-3 years", ["analyze_data"]),
}
HEADINGS = {
    "en": {
        "one": "Best fit: ML researcher",
        "close_call": "Close call: ML engineer or ML product manager",
        "unsure": "No role stands out yet: Data scientist or ML product manager",
    },
    "zh": {
        "one": "最匹配的角色：机器学习研究员",
        "close_call": "难分高下：机器学习工程师还是机器学习产品经理",
        "unsure": "还没有突出的角色：数据科学家还是机器学习产品经理",
    },
}
CHANCE = {"en": "people who answer like you", "zh": "回答和你相似的人"}


def _questionnaire(at: AppTest) -> AppTest:
    at.radio(key="me_mode").set_value("Questionnaire").run()
    return at


def _submit(at: AppTest) -> AppTest:
    return at.get("form_submit_button")[0].click().run()


def _answer(at: AppTest, code: str | None, ml: str | None, acts: list[str]) -> AppTest:
    _questionnaire(at)
    if code:
        at.selectbox(key="me_q_years_code").set_value(code)
    if ml:
        at.selectbox(key="me_q_years_ml").set_value(ml)
    for a in acts:
        at.checkbox(key=f"me_q_work_activities__{a}").check()
    return _submit(at)


def _heading(at: AppTest) -> str:
    return str(at.subheader[0].value)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_each_kind_of_heading_names_its_roles_and_its_chance(kind: str, lang: str) -> None:
    from roles.verdict import assess

    code, ml, acts = KINDS[kind]
    answers = {"years_code": code, "years_ml": ml, "work_activities": acts}
    expected = assess(answers, load_catalog("2021", lang))
    assert expected.kind == kind  # the fixture still gives this kind of heading
    at = _answer(app(lang=lang).run(), code, ml, acts)
    assert not at.exception
    assert _heading(at) == HEADINGS[lang][kind]
    n = round((expected.confidence or 0) * 10)
    page = texts(at)
    assert CHANCE[lang] in page and (f"{n} in 10" in page or f"{n} 人" in page)
    fit_line = next(h.proto.body for h in at.get("html") if "sm-fit-line" in h.proto.body)
    assert HEADINGS[lang][kind] in fit_line


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_sliders_alone_name_the_nearest_region_and_no_chance(lang: str) -> None:
    at = app(lang=lang, ml="7", swe="6", comm="5").run()
    heading = _heading(at)
    assert heading.endswith("ML engineer" if lang == "en" else "机器学习工程师")
    assert heading.startswith("Nearest role on the map" if lang == "en" else "地图上最近的角色")
    assert " in 10 " not in texts(at) and "10 人中" not in texts(at)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_unmeasured_measure_is_said_and_gets_the_widest_halo(lang: str) -> None:
    at = app(lang=lang).run()
    _questionnaire(at)
    at.selectbox(key="me_q_years_ml").set_value("5-10 years")
    at.radio(key="me_q_comm_present_non_experts").set_value("Regularly")
    _submit(at)
    page = texts(at)
    said = "Software engineering is not measured yet" if lang == "en" else "软件工程能力还没有测到"
    assert said in page
    assert ("Not measured yet" if lang == "en" else "还没有测到") in page  # under its slider
    halo = next(s for s in figures(at)[0]["layout"]["shapes"] if s.get("name") == "halo")
    widest = 3.0  # data/questionnaire.yaml: halo for 0 answers
    assert halo["y1"] - halo["y0"] == pytest.approx(2 * widest)
    assert halo["x1"] - halo["x0"] == pytest.approx(2 * 2.0)  # one answer behind ML


def test_two_answers_never_let_communication_decide() -> None:
    at = _answer(app().run(), "3-5 years", "1-2 years", [])
    page = texts(at)
    assert "Communication is not measured yet" in page
    assert "Communication decided this" not in page


def test_reopening_the_questionnaire_shows_the_answers_given() -> None:
    code, ml, acts = KINDS["one"]
    at = _answer(app().run(), code, ml, acts)
    at.radio(key="me_mode").set_value("Questionnaire").run()
    assert at.selectbox(key="me_q_years_code").value == code
    assert at.selectbox(key="me_q_years_ml").value == ml
    assert at.checkbox(key="me_q_work_activities__ml_research").value is True


def test_the_share_link_carries_the_answers_and_restores_what_they_rest_on() -> None:
    code, ml, acts = KINDS["one"]
    at = _answer(app().run(), code, ml, acts)
    params = {k: at.query_params[k] for k in ("ml", "swe", "comm", "a")}
    assert len(params["a"]) < 40  # compact: three answers in a few dozen characters
    again = app(**params).run()
    page = texts(again)
    assert _heading(again) == "Best fit: ML researcher"
    assert "### People like you" in page
    assert "From 2 answers (pulled toward the middle: fewer than 3)." in page
    assert any(s.get("name") == "halo" for s in figures(again)[0]["layout"]["shapes"])


def test_a_bad_answers_link_warns_and_falls_back_to_the_sliders() -> None:
    at = app(ml="7", swe="6", comm="5", a="zzzzzzz.qqqq").run()
    warnings = " ".join(w.value for w in at.warning)
    assert "belong to questions or options this version does not have" in warnings
    assert _heading(at).startswith("Nearest role on the map")
    assert not at.exception


def test_nothing_answered_is_said_right_under_the_button() -> None:
    at = _submit(_questionnaire(app().run()))
    assert [e.value for e in at.error] == ["Nothing answered yet: answer at least one question."]

    def blocks(node: Any) -> Iterator[Any]:
        if isinstance(node, Block):
            yield node
            for child in node.children.values():
                yield from blocks(child)

    # The questionnaire's block holds the form (whose last element is the button), then the
    # error.
    endings = [[getattr(e, "type", "") for e in b.children.values()][-2:] for b in blocks(at.main)]
    assert ["form", "error"] in endings


def test_no_chance_answers_are_explained_after_submitting() -> None:
    at = _questionnaire(app().run())
    at.radio(key="me_q_swe_tests_ci").set_value("No chance to do this yet")
    at.radio(key="me_q_swe_code_review").set_value("Regularly")
    at.radio(key="me_q_ml_read_papers").set_value("No chance to do this yet")
    _submit(at)
    assert (
        "You answered “No chance to do this yet” to 2 questions: they are left out of your "
        "scores, not counted against you." in texts(at)
    )


def test_the_download_holds_the_heading_its_chance_the_answers_and_people_like_you() -> None:
    catalog = load_catalog("2021")
    code, ml, acts = KINDS["one"]
    answers = {"years_code": code, "years_ml": ml, "work_activities": acts}
    doc = json.loads(result_json(Profile(ml=8, swe=4.5, comm=5.5), catalog, None, (answers, ())))
    assert doc["verdict"]["kind"] == "one" and doc["verdict"]["roles"] == ["ml_researcher"]
    assert 0.5 <= doc["verdict"]["confidence"] <= 1
    assert doc["answers_used"] == answers
    assert doc["people_like_you"][0]["title"] == "Research Scientist"
    sliders = json.loads(result_json(Profile(ml=8, swe=4.5, comm=5.5), catalog, None, None))
    assert sliders["verdict"]["confidence"] is None and "people_like_you" not in sliders


def test_the_questionnaire_takes_the_page_width_and_the_sliders_sit_beside_the_map() -> None:
    at = _questionnaire(app().run())
    assert at.radio(key="me_q_swe_tests_ci")  # drawn...
    assert not any(c.radio for c in at.columns)  # ...and in no column: the page's width
    assert not any(c.select_slider for c in at.columns)
    _submit(at)  # with nothing answered it stays open; the quick rating is one choice away
    at.radio(key="me_mode").set_value("Quick rating").run()
    assert any(c.select_slider for c in at.columns)  # sliders beside the map again
