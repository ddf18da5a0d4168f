"""The light join page (/j) in chromium on a phone: both languages, with and without
JavaScript, axe, the bytes a first visit costs, and the server's compressed files.

A person opens the QR code's link, picks a name and three levels by touch or keyboard and
presses Submit; the page that comes back says "Saved" and shows the result.
"""

from __future__ import annotations

import gzip
import re
import time
import urllib.request
from collections.abc import Iterator
from typing import Any

import brotli
import pytest
from playwright.sync_api import expect

import store
from tests.e2e.a11y import serious_violations
from tests.e2e.conftest import screenshot, start_app, stop_app
from tests.e2e.layout import PHONE

pytestmark = pytest.mark.e2e
BUDGET = 60 * 1024  # a first visit, until Submit can be pressed (issue #23)

WORDS = {
    "en": {
        "name": "Your name (optional)",
        "submit": "Submit",
        "saved": "Saved at",
        "best": "Nearest role on the map:",
        "ml": "ML expertise",
        "level": "7 · Models people use",
    },
    "zh": {
        "name": "你的名字（可选）",
        "submit": "提交",
        "saved": "已于",
        "best": "地图上最近的角色：",
        "ml": "机器学习能力",
        "level": "7 · 模型有人在用",
    },
}


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """One server for the module, and a way to read its store."""
    tmp = tmp_path_factory.mktemp("light")
    url, proc = start_app(tmp)
    engine = store.make_engine(f"sqlite:///{tmp / 'appdata' / 'rooms.sqlite'}")
    yield {"url": url, "engine": engine}
    engine.dispose()
    stop_app(proc)


def _room(served: dict[str, Any], title: str) -> str:
    return store.create_room(title=title, engine=served["engine"]).room.code


def _entries(served: dict[str, Any], code: str) -> list[store.Entry]:
    return store.room_snapshot(room=code, engine=served["engine"]).entries


def _checked_like_a_person(page: Any, script: bool) -> None:
    """axe (WCAG 2.2 AA) and nothing wider than the phone. axe runs as a script, so a page
    opened without JavaScript is checked as the same markup in a page that has it."""
    if not script:
        html = page.content()
        page = page.context.browser.new_page(viewport=PHONE)
        page.set_content(html)
    try:
        assert serious_violations(page) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    finally:
        if not script:
            page.close()


@pytest.mark.parametrize("script", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_phone_joins_and_sees_its_result(
    browser, served: dict[str, Any], lang: str, script: bool
) -> None:  # type: ignore[no-untyped-def]
    code = _room(served, f"Hall {lang} <i>{script}</i>")
    words = WORDS[lang]
    context = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, java_script_enabled=script
    )
    page = context.new_page()
    try:
        page.goto(f"{served['url']}/j?room={code}&lang={lang}")
        expect(page.get_by_role("heading", level=1)).to_have_text(f"Hall {lang} <i>{script}</i>")
        expect(page.locator("html")).to_have_attribute("lang", "zh-Hans" if lang == "zh" else "en")
        _checked_like_a_person(page, script)
        screenshot(page, f"light-join-{lang}-{'js' if script else 'nojs'}")
        page.get_by_label(words["name"]).fill("Ana")
        # The keyboard: into the first rating's group, then along it with the arrow keys.
        group = page.get_by_role("group", name=words["ml"])
        group.get_by_role("radio").nth(5).focus()
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        expect(group.get_by_role("radio", name=words["level"])).to_be_checked()
        page.get_by_role("button", name=words["submit"]).press("Enter")
        expect(page.get_by_role("status")).to_contain_text(words["saved"])
        expect(page.get_by_role("heading", level=2)).to_contain_text(words["best"])
        # The answer is on the first screen the Submit returns, not below the form.
        first_fit = page.locator("#result ~ ol li").first.bounding_box()
        assert first_fit is not None and first_fit["y"] + first_fit["height"] <= PHONE["height"]
        _checked_like_a_person(page, script)
        screenshot(page, f"light-join-{lang}-{'js' if script else 'nojs'}-saved")
        (entry,) = _entries(served, code)
        assert (entry.name, entry.ml, entry.swe, entry.comm) == ("Ana", 7, 5, 5)
        if script:  # the address is the room's page again: a reload does not send the form
            assert page.url.endswith(f"/j?room={code}&lang={lang}")
    finally:
        context.close()


def test_a_first_visit_costs_under_60_kb_until_submit(browser, served: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    code = _room(served, "Bytes")
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    received: list[int] = []
    cdp.on("Network.loadingFinished", lambda e: received.append(int(e["encodedDataLength"])))
    try:
        page.goto(f"{served['url']}/j?room={code}")
        submit = page.get_by_role("button", name="Submit")
        expect(submit).to_be_enabled()
        page.wait_for_timeout(300)  # anything the page would still fetch
        assert 0 < sum(received) <= BUDGET, f"{sum(received)} bytes in {len(received)} requests"
        assert len(received) == 1  # the page is everything: no script, style or icon to fetch
    finally:
        context.close()


def test_the_full_join_page_is_one_link_away(browser, served: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    code = _room(served, "Fallback")
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(f"{served['url']}/j?room={code}")
        page.get_by_role("link", name="Open the full version of this page").click()
        page.wait_for_url(re.compile(rf"/join\?room={code}"))
        expect(page.get_by_role("button", name="Submit")).to_be_visible(timeout=30_000)
    finally:
        context.close()


def _fetch(url: str, **headers: str) -> tuple[dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:
        return {k.lower(): v for k, v in response.headers.items()}, response.read()


def test_the_server_sends_its_own_files_compressed(served: dict[str, Any]) -> None:
    url = served["url"]
    _, index = _fetch(url + "/")
    script = re.search(rb'src="\./(static/js/index\.[^"]+\.js)"', index)
    assert script is not None
    plain_head, plain = _fetch(f"{url}/{script.group(1).decode()}")
    assert "content-encoding" not in plain_head and plain_head["vary"] == "Accept-Encoding"
    head, body = _fetch(f"{url}/{script.group(1).decode()}", **{"Accept-Encoding": "gzip"})
    assert head["content-encoding"] == "gzip" and gzip.decompress(body) == plain
    assert int(head["content-length"]) == len(body) < len(plain) / 2
    assert head["cache-control"] == plain_head["cache-control"]  # Streamlit's own caching
    for _ in range(100):  # brotli's copy is made in the background
        head, body = _fetch(f"{url}/{script.group(1).decode()}", **{"Accept-Encoding": "br"})
        if head.get("content-encoding") == "br":
            break
        time.sleep(0.2)
    assert head["content-encoding"] == "br" and brotli.decompress(body) == plain


def test_the_me_page_first_load_on_a_phone_is_under_3_mb(browser, served: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    """Every byte chromium receives until the map is drawn: files (headers and bodies as sent)
    and the WebSocket's frames. Uncompressed it was 7.7 MB (issue #23)."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    files: list[int] = []
    frames: list[int] = []
    cdp.on("Network.loadingFinished", lambda e: files.append(int(e["encodedDataLength"])))
    cdp.on(
        "Network.webSocketFrameReceived",
        lambda e: frames.append(len(e["response"]["payloadData"]) * 3 // 4),
    )
    try:
        page.goto(served["url"] + "/")
        page.wait_for_selector(".js-plotly-plot .scatterlayer .point", timeout=90_000)
        page.wait_for_timeout(1500)
        total = sum(files) + sum(frames)
        assert total <= 3 * 1024 * 1024, f"{total / 1e6:.2f} MB ({len(files)} files)"
        assert sum(files) > 1_000_000  # plotly.js is in it: the measure saw the page load
    finally:
        context.close()
