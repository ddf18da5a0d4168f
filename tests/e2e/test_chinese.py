"""Every page in a real chromium, in Chinese and in English, on a laptop, a phone and a 1280x720
projector: each says its `<html lang>`, passes axe (WCAG 2.2 AA), has no scroll region a keyboard
cannot reach (overflowing here or not, and none even with its text drawn far wider than any font
would: see tests/e2e/a11y.py), sticks out of no window and keeps its chart labels inside the
plot. A participant's 40-letter name without a space is on the pages that list people.
Screenshots go to tests/e2e/screenshots/{zh,en}-*.png."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

import store
from roles.models import Profile
from tests.e2e.a11y import serious_violations, wide_text_violations
from tests.e2e.conftest import screenshot
from tests.e2e.layout import DESKTOP, MAP_DRAWN, PHONE, horizontal_overflow, label_problems
from testsupport.server import start_app, stop_app

pytestmark = pytest.mark.e2e

SIZES = {"1440x900": DESKTOP, "390x844": PHONE, "1280x720": {"width": 1280, "height": 720}}
# A name that cannot wrap at a space (the longest a participant may type).
LONG_NAME = "Maximiliansbergerdorffvoralternwarengewi"
# What each walk waits for, in each language.
WORDS = {
    "zh": {
        "role": "机器学习工程师",
        "example": "加载示例团队",
        "host": "投影",
        "update": "更新我的回答",
        "submit": "提交",
        "two": "2 名参与者",
        "save": "保存我的回答",
    },
    "en": {
        "role": "ML engineer",
        "example": "Load example team",
        "host": "projector",
        "update": "Update my answers",
        "submit": "Submit",
        "two": "2 participants",
        "save": "Save my answers",
    },
}
TAGS = {"zh": "zh-Hans", "en": "en"}


@pytest.fixture(scope="module")
def zh_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """One app for the module, with a Chinese workshop room (answered) and a team room."""
    tmp = tmp_path_factory.mktemp("zh")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SKILLS_MAP_DATA_HOME", str(tmp / "appdata"))
        mp.delenv("SKILLS_MAP_DATABASE_URL", raising=False)
        mp.delenv("SKILLS_MAP_PUBLIC_URL", raising=False)
        url, proc = start_app(tmp)
        room = store.create_room(title="机器学习团队工作坊", lang="zh")
        team = store.create_team_room(title="数据平台组")
        for i, (name, scores) in enumerate([("王芳", (3, 8, 5)), (LONG_NAME, (7, 6, 4))]):
            profile = Profile(ml=scores[0], swe=scores[1], comm=scores[2])
            token = store.new_participant_token()
            store.submit(room=room.room.code, participant=token, profile=profile, name=name)
            store.submit_team_answer(
                room=team.room.code,
                participant=token,
                name=name,
                profile=profile,
                method="sliders",
            )
            if i == 0:
                store.set_room_state(room=room.room.code, key=room.key, show_names=True)
        try:
            yield {"url": url, "room": room, "team": team}
        finally:
            stop_app(proc)
            store.default_engine().dispose()


def _document_lang(page: Page, tag: str) -> None:
    """`<html lang>` says `tag` (set by a small script once the page has drawn)."""
    page.wait_for_function("(tag) => document.documentElement.lang === tag", arg=tag)


def _check(page: Page, name: str, size: str, lang: str, *, overflow: bool = True) -> Path:
    """The document's language, axe, reachable scroll regions (also with far wider text),
    nothing wider than the window; the screenshot's path."""
    page.wait_for_timeout(600)  # let fonts and the last redraw settle
    _document_lang(page, TAGS[lang])
    assert serious_violations(page) == [], name
    assert wide_text_violations(page) == [], name
    if overflow:
        assert horizontal_overflow(page) <= 0, name
    return screenshot(page, f"{lang}-{name}-{size}")


def _shot_at(page: Page, key: str, name: str, size: str, lang: str) -> None:
    """A second screenshot with the element `.st-key-{key}` (a map) scrolled into view."""
    page.locator(f".st-key-{key}").scroll_into_view_if_needed()
    page.wait_for_timeout(400)
    screenshot(page, f"{lang}-{name}-{size}")


def _open(page: Page, url: str, key: str | None = None, *, heading: bool = True) -> None:
    page.goto(url)
    if heading:
        page.get_by_role("heading", level=1).first.wait_for()
    if key:
        page.wait_for_function(MAP_DRAWN, arg=key, timeout=60_000)


def _walk(app: dict[str, Any], browser: Any, size: str, lang: str) -> None:
    """Every page in `lang` at `size`, each checked by `_check`."""
    url, room, team, words = app["url"], app["room"], app["team"], WORDS[lang]
    phone = size == "390x844"
    context = browser.new_context(viewport=SIZES[size], is_mobile=phone, has_touch=phone)
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        _open(page, f"{url}/?lang={lang}&ml=2&swe=8&comm=5&target=ml_engineer", "me_map")
        expect(page.get_by_text(words["role"]).first).to_be_visible()
        assert label_problems(page, "me_map") == []
        _check(page, "me", size, lang)
        _shot_at(page, "me_map", "me-map", size, lang)

        _open(page, f"{url}/team?lang={lang}")
        page.get_by_role("button", name=words["example"]).click()
        page.wait_for_function(MAP_DRAWN, arg="team_map", timeout=60_000)
        _check(page, "team", size, lang)
        _shot_at(page, "team_map", "team-map", size, lang)

        code, key = room.room.code, room.key
        _open(page, f"{url}/host?lang={lang}&room={code}&key={key}")
        expect(page.get_by_text(words["host"]).first).to_be_visible()
        _check(page, "host", size, lang)

        _open(page, f"{url}/join?lang={lang}&room={code}", heading=False)
        expect(
            page.get_by_role("button", name=words["update"]).or_(
                page.get_by_role("button", name=words["submit"])
            )
        ).to_be_visible()
        _check(page, "join", size, lang)

        # The projector speaks the room's language (Chinese) whatever the browser says.
        page.goto(f"{url}/present?room={code}")
        expect(page.get_by_text(WORDS["zh"]["two"]).first).to_be_visible()
        _check(page, "present-join", size, "zh", overflow=not phone)
        store.set_room_state(room=code, key=key, screen="map")
        page.wait_for_function(MAP_DRAWN, arg="present_map_chart", timeout=60_000)
        _check(page, "present-map", size, "zh", overflow=not phone)
        store.set_room_state(room=code, key=key, screen="join")

        _open(page, f"{url}/about?lang={lang}")
        page.wait_for_function(MAP_DRAWN.replace(".point", "path"), arg="about_map")
        assert label_problems(page, "about_map") == []
        _check(page, "about", size, lang)

        tcode, tkey = team.room.code, team.key
        _open(page, f"{url}/team?lang={lang}&room={tcode}&key={tkey}")
        page.wait_for_function(MAP_DRAWN, arg="team_map", timeout=60_000)
        _check(page, "team-room", size, lang)
        _shot_at(page, "team_map", "team-room-map", size, lang)

        _open(page, f"{url}/my_team?lang={lang}&room={tcode}", heading=False)
        expect(page.get_by_role("button", name=words["save"])).to_be_visible()
        _check(page, "my-team", size, lang)
    finally:
        context.close()


@pytest.mark.parametrize("size", list(SIZES))
def test_every_page_in_chinese(zh_app: dict[str, Any], browser, size: str) -> None:  # type: ignore[no-untyped-def]
    _walk(zh_app, browser, size, "zh")


@pytest.mark.parametrize("size", list(SIZES))
def test_every_page_in_english(zh_app: dict[str, Any], browser, size: str) -> None:  # type: ignore[no-untyped-def]
    _walk(zh_app, browser, size, "en")


def test_the_browser_language_then_the_switch_choose_the_language(  # type: ignore[no-untyped-def]
    zh_app: dict[str, Any], browser
) -> None:
    """No ?lang: a Chinese browser gets Chinese (st.context.locale); the sidebar switch then
    changes the page and the address, and the address keeps the choice on the next page."""
    context = browser.new_context(viewport=DESKTOP, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        _open(page, f"{zh_app['url']}/about")
        expect(page.get_by_role("heading", level=1)).to_have_text("关于这张技能地图")
        _document_lang(page, "zh-Hans")
        page.get_by_text("English", exact=True).first.click()
        expect(page.get_by_role("heading", level=1)).to_have_text("About the skills map")
        assert "lang=en" in page.url
        page.get_by_role("link", name="Team map").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Team map")
        _document_lang(page, "en")
    finally:
        context.close()
