"""Getting the job on the Me page (and a team member's result): the assessments for the target
role, the first three in the open and the rest in an expander, ordered by the person's gaps, in
English and Chinese, and the same in the download."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

import store
from components.me.results import result_json
from roles.catalog import load_catalog
from roles.models import Profile
from tests.app.helpers import app, texts


def _section(at: AppTest) -> str:
    """The section's open part: the Markdown block that starts with its heading."""
    return next(
        m.value for m in at.markdown if "Getting the job as" in m.value or "求职" in m.value
    )


def _numbered(markdown: str) -> list[str]:
    """The names of the numbered assessments, in order ('1. **Name** · *likely*')."""
    return [
        line.split("**")[1]
        for line in markdown.splitlines()
        if line[:1].isdigit() and ". **" in line
    ]


def test_the_section_follows_the_path_with_three_assessments_open_and_the_rest_folded() -> None:
    at = app(ml="8", swe="3", comm="6", target="ml_engineer").run()
    assert not at.exception
    section = _section(at)
    assert section.startswith("### Getting the job as ML engineer")
    assert "our own reading of the ML Teams lecture" in section
    assert _numbered(section) == [
        "Whiteboard or pair coding",
        "Pair debugging of ML code",
        "Applied ML assessment",
    ]
    assert "This answers your software engineering gap (+" in section
    (more,) = [e for e in at.expander if e.label == "5 more assessments"]
    assert _numbered(more.markdown[0].value)[0] == "Take-home project"
    assert more.markdown[0].value.startswith("4. ")  # the numbers go on
    page = texts(at)
    assert page.index("### Your path toward ML engineer") < page.index("Getting the job as")
    assert "**How to stand out**" in page and "ML research conferences" in page


def test_the_order_follows_this_persons_gaps_toward_the_same_role() -> None:
    engineer_section = _section(app(ml="1", swe="8", comm="6", target="ml_engineer").run())
    engineer = _numbered(engineer_section)
    assert "This answers your ML expertise gap (+2.5)." in engineer_section
    scientist = _numbered(_section(app(ml="8", swe="2", comm="6", target="ml_engineer").run()))
    # An engineer short of ML: the applied assessment and theory come first. A scientist short
    # of engineering: the coding and pair debugging.
    assert engineer[:2] == ["Applied ML assessment", "ML theory questions"]
    assert scientist[:2] == ["Whiteboard or pair coding", "Pair debugging of ML code"]


def test_changing_the_target_role_changes_the_section() -> None:
    at = app(ml="5", swe="5", comm="5").run()
    best = _section(at).splitlines()[0]
    at.selectbox(key="me_target").set_value("ml_product_manager").run()
    section = _section(at)
    assert section != best and section.startswith("### Getting the job as ML product manager")
    assert "Pair debugging" not in section + "".join(
        m.value for e in at.expander for m in e.markdown
    )


def test_the_section_speaks_chinese() -> None:
    at = app(ml="8", swe="3", comm="6", target="ml_engineer", lang="zh").run()
    section = _section(at)
    assert section.startswith("### 求职：机器学习工程师")
    assert "**面试考什么**" in section and "我们对 ML 团队讲座" in section
    assert _numbered(section)[0] == "白板编程或结对编程"
    assert "这能弥补你在软件工程能力上的差距（+" in section
    assert [e.label for e in at.expander if "项考核" in e.label] == ["还有 5 项考核"]
    assert "**如何脱颖而出**" in texts(at) and "机器学习学术会议" in texts(at)
    assert "Getting the job" not in texts(at)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_download_holds_the_plan_under_the_target(lang: str) -> None:
    catalog = load_catalog("2021", lang)  # type: ignore[arg-type]
    doc = json.loads(result_json(Profile(ml=8, swe=3, comm=6), catalog, "ml_engineer", None))
    plan = doc["target"]["interviews"]
    assert [a["id"] for a in plan["assessments"]][:2] == ["coding", "pair_debugging"]
    assert plan["assessments"][0]["gap"] == doc["target"]["gaps"]["swe"] > 0
    assert plan["stand_out"][0]["id"] == "finished_projects"
    assert "ml_conferences" in [c["id"] for c in plan["where_to_look"]]
    assert ("解读" in plan["note"]) == (lang == "zh")


def test_a_team_member_sees_the_section_for_their_best_fit(fresh_store: None) -> None:
    team = store.create_team_room(title="Data platform team")
    at = app("views/my_team.py", room=team.room.code).run()
    at.radio(key="tm_mode").set_value("Quick sliders").run()
    at.text_input(key="tm_name").set_value("Bo")
    at.select_slider(key="tm_s_swe").set_value(9.0)
    at.select_slider(key="tm_s_ml").set_value(1.0)
    at.button(key="tm_submit").click().run()
    section = _section(at)
    assert section.startswith("#### Getting the job as ML DevOps / platform engineer")
    assert _numbered(section)[0] == "Whiteboard or pair coding"
