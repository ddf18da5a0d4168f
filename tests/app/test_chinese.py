"""Every page in Chinese (`?lang=zh`): what a person reads is Chinese, not English left behind.

A page "speaks Chinese" when no visible text (headings, markdown, alerts, widget labels and
options, tabs, chart titles, axes, legends and hover text) holds three English words in a row,
once the names this product keeps in English are set aside (ML, MLOps, CSV, the Kaggle survey).
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

import store
from roles.models import Profile
from tests.app.helpers import app, figures, html_bodies, texts

# Three English words in a row: a sentence or label nobody translated.
ENGLISH = re.compile(r"[A-Za-z][a-z]+(?:[ '’-]+[A-Za-z][a-z]+){2,}")
# Names kept in English on purpose (proper names, the survey's own wording quoted beside ours).
KEPT = re.compile(
    r"Kaggle[^。；，]*|Full Stack Deep Learning|ML Teams|ML & DS Survey|Machine Learning|"
    r"Data Scientist|Research Scientist|Data Engineer|Product Manager|Team offsite|"
    r"Data platform team|Visual Studio Code|Source Sans[^;\"]*|Noto Sans[^;\"]*|PingFang SC|Microsoft YaHei|"
    r"https?://\S+|`[^`]*`|（[^）]*）"
)
CJK = re.compile(r"[\u4e00-\u9fff]")


def _widget_texts(at: AppTest) -> list[str]:
    found: list[str] = []
    for kind in (
        "button",
        "radio",
        "selectbox",
        "select_slider",
        "slider",
        "text_input",
        "toggle",
        "checkbox",
        "number_input",
        "multiselect",
        "expander",
        "tab",
        "button_group",
    ):
        for w in at.get(kind):
            proto = w.proto
            for field in ("label", "placeholder", "help"):
                value = getattr(proto, field, "")
                if isinstance(value, str) and value:
                    found.append(value)
            if kind in ("radio", "selectbox", "multiselect", "select_slider", "button_group"):
                found += [str(o) for o in getattr(w, "options", [])]
    return found


def _figure_texts(spec: dict[str, Any]) -> list[str]:
    layout = spec.get("layout", {})
    found = [json.dumps(layout.get("title", ""), ensure_ascii=False)]
    for axis in ("xaxis", "yaxis"):
        found.append(json.dumps(layout.get(axis, {}).get("title", ""), ensure_ascii=False))
    found += [str(a.get("text", "")) for a in layout.get("annotations", [])]
    for trace in spec.get("data", []):
        found.append(str(trace.get("name", "")))
        for field in ("hovertext", "text"):
            value = trace.get(field)
            found += [str(v) for v in value] if isinstance(value, list) else [str(value or "")]
    return found


def _page_text(at: AppTest) -> str:
    """Markdown, alerts and the `st.html` the projector and phone pages draw (no CSS or JS)."""
    bodies = [re.sub(r"<(style|script)>.*?</\1>", " ", b, flags=re.S) for b in html_bodies(at)]
    return "\n".join([texts(at), *bodies])


def english_left(at: AppTest) -> list[str]:
    """Visible text that still reads as English (empty when the page speaks Chinese)."""
    parts = [_page_text(at), *_widget_texts(at)]
    for spec in figures(at):
        parts += _figure_texts(spec)
    left = []
    for part in parts:
        clean = KEPT.sub("", re.sub(r"<[^>]+>", " ", part))
        left += ENGLISH.findall(clean)
    return sorted(set(left))


def _speaks_chinese(at: AppTest) -> None:
    assert not at.exception, at.exception
    assert CJK.search(_page_text(at)), "no Chinese on the page"
    assert english_left(at) == []


@pytest.mark.parametrize(
    "page",
    [
        "views/me.py",
        "views/team.py",
        "views/about.py",
        "views/host.py",
        "views/join.py",
        "views/present.py",
        "views/my_team.py",
    ],
)
def test_every_page_opens_in_chinese(page: str, fresh_store: None) -> None:
    at = app(page, lang="zh").run()
    _speaks_chinese(at)
    assert at.query_params["lang"] == "zh"  # kept in the address, so a shared link keeps it


def test_the_me_page_with_a_target_and_the_questionnaire_in_chinese() -> None:
    at = app(None, lang="zh", ml="2", swe="8", comm="5", target="ml_engineer").run()
    _speaks_chinese(at)
    assert "机器学习工程师" in texts(at)
    at.radio(key="me_mode").set_value(at.radio(key="me_mode").options[1]).run()
    _speaks_chinese(at)


def test_the_team_page_with_the_example_team_in_chinese() -> None:
    at = app("views/team.py", lang="zh").run()
    next(b for b in at.button if b.label == "加载示例团队").click().run()
    _speaks_chinese(at)
    spec = figures(at)[0]
    assert "机器学习" in json.dumps(spec["layout"]["xaxis"]["title"], ensure_ascii=False)


def test_a_workshop_in_chinese_host_join_present(room: store.CreatedRoom) -> None:
    code = room.room.code
    host = app("views/host.py", lang="zh", room=code, key=room.key).run()
    _speaks_chinese(host)
    store.set_room_state(room=code, key=room.key, lang="zh", screen="map")
    store.submit(
        room=code,
        participant=store.new_participant_token(),
        profile=Profile(ml=3, swe=7, comm=5),
        name="Ana",
    )
    join = app("views/join.py", lang="zh", room=code).run()
    _speaks_chinese(join)
    present = app("views/present.py", room=code).run()  # the room's language, not the browser's
    _speaks_chinese(present)


def test_a_team_room_in_chinese_for_the_manager_and_a_member(fresh_store: None) -> None:
    team = store.create_team_room(title="Data platform team")
    store.submit_team_answer(
        room=team.room.code,
        participant=store.new_participant_token(),
        name="Ana",
        profile=Profile(ml=4, swe=7, comm=5),
        method="sliders",
    )
    manager = app("views/team.py", lang="zh", room=team.room.code, key=team.key).run()
    _speaks_chinese(manager)
    member = app("views/my_team.py", lang="zh", room=team.room.code).run()
    _speaks_chinese(member)
    assert member.button(key="tm_submit").label == "保存我的回答"


def test_the_team_report_is_written_in_chinese() -> None:
    from components.team.report import build_report_html
    from roles.catalog import DATA_DIR, load_catalog
    from roles.coverage import analyse_team
    from roles.team import parse_team_bytes

    catalog = load_catalog("2021", "zh")
    data = (DATA_DIR / "example_team_zh.csv").read_bytes()
    team = parse_team_bytes(data, "example_team_zh.csv").members
    page = build_report_html(analyse_team(team, catalog), catalog, None)
    assert '<html lang="zh-Hans">' in page and "团队技能地图" in page
    assert "在其区域内的人数" in page and "王一鸣" in page
    body = re.sub(r"<style>.*?</style>", " ", page, flags=re.S)
    assert ENGLISH.findall(KEPT.sub("", re.sub(r"<[^>]+>", " ", body))) == []


def test_the_person_on_the_me_map_is_called_you_in_chinese() -> None:
    at = app(None, lang="zh", ml="2", swe="8", comm="5").run()
    you = next(t for t in figures(at)[0]["data"] if t.get("mode") == "markers+text")
    assert you["text"] == ["<b>你</b>"]


def test_the_me_page_after_the_survey_questions_in_chinese() -> None:
    at = app(None, lang="zh", target="data_engineer").run()
    at.radio(key="me_mode").set_value(at.radio(key="me_mode").options[1]).run()
    at.selectbox(key="me_q_years_code").set_value("3-5 years")
    at.pills(key="me_q_languages").set_value(["python", "r"])
    at.pills(key="me_q_cv_methods").set_value(["classification"])
    at.selectbox(key="me_q_education").set_value("doctoral")
    next(b for b in at.get("form_submit_button")).click().run()
    _speaks_chinese(at)
    page = texts(at)
    assert "### 与你相似的人" in page and "的数据工程师经常使用 SQL；你没有选它" in page
