"""What a hall and a phone see: the projector fits the screen, text and dots are big enough,
names past the cap are said, not dropped, Submit is in reach on a phone, and the pages pass axe."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

import store
from roles.models import Profile
from tests.e2e.a11y import serious_violations
from tests.e2e.conftest import screenshot
from tests.e2e.layout import SLACK_EM
from testsupport.server import start_app, stop_app

pytestmark = pytest.mark.e2e

PROJECTORS = [(1280, 720), (1366, 768), (1920, 1080)]
NAMES = ["Ada Lovelace", "Grace Hopper", "Alan Turing", "Katherine Johnson", "Barbara Liskov"]

_FITS_JS = """() => { const main = document.querySelector('[data-testid="stMain"]');
  return document.documentElement.scrollHeight <= innerHeight + 1
    && (!main || main.scrollHeight <= main.clientHeight + 1)
    && document.documentElement.scrollWidth <= innerWidth + 1; }"""
_BOXES_JS = """(sel) => [...document.querySelectorAll(sel)].map(e => {
  const r = e.getBoundingClientRect();
  return {l: r.left, t: r.top, r: r.right, b: r.bottom,
          size: parseFloat(getComputedStyle(e).fontSize) || 0}; })"""
# Tick labels (the role names beside the bars) that start left of their chart are cut off; a
# quarter of their font size over (a machine's fonts draw a little wider) is not.
_CLIPPED_TICKS_JS = """(slackEm) => [...document.querySelectorAll('.js-plotly-plot')].flatMap(plot => {
  // The chart as drawn: its box is smaller, the chart is scaled with the screen (present.py).
  const box = plot.querySelector('.main-svg').getBoundingClientRect();
  return [...plot.querySelectorAll('.ytick text, .xtick text')]
    .filter(t => { const r = t.getBoundingClientRect();
      const slack = Math.max(0.5, slackEm * parseFloat(getComputedStyle(t).fontSize));
      return r.width > 0 && (r.left < box.left - slack || r.right > box.right + slack); })
    .map(t => t.textContent); })"""
_FONT_SIZES_JS = """(sel) => [...document.querySelectorAll(sel)].map(
  e => parseFloat(getComputedStyle(e).fontSize))"""


@pytest.fixture(scope="module")
def hall(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, store.CreatedRoom]]:
    """One server with a room of 80 named participants, names shown, for every screen test."""
    tmp = tmp_path_factory.mktemp("hall")
    mp = pytest.MonkeyPatch()
    mp.setenv("SKILLS_MAP_DATA_HOME", str(tmp / "appdata"))
    mp.delenv("SKILLS_MAP_DATABASE_URL", raising=False)
    public = {"SKILLS_MAP_PUBLIC_URL": "https://maps.example.org"}
    created = store.create_room(title="All-hands [link](http://x) *ML*")
    rng = random.Random(8)
    for i in range(80):
        store.submit(
            room=created.room.code,
            participant=store.new_participant_token(),
            profile=Profile(ml=rng.randint(0, 20) / 2, swe=rng.randint(0, 20) / 2, comm=5),
            name=f"{NAMES[i % len(NAMES)]} {i}",
        )
    url, proc = start_app(tmp, extra_env=public)
    yield url, created
    stop_app(proc)
    store.default_engine().dispose()
    mp.undo()


def _open(browser, url: str, size: tuple[int, int], **kwargs):  # type: ignore[no-untyped-def]
    page = browser.new_context(viewport={"width": size[0], "height": size[1]}, **kwargs).new_page()
    page.set_default_timeout(30_000)
    page.goto(url)
    return page


@pytest.mark.parametrize("size", PROJECTORS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_map_screen_fits_and_reads_from_the_back(  # type: ignore[no-untyped-def]
    browser, hall, size: tuple[int, int]
) -> None:
    url, room = hall
    store.set_room_state(room=room.room.code, key=room.key, screen="map", show_names=True)
    page = _open(browser, f"{url}/present?room={room.room.code}", size)
    try:
        page.locator(".js-plotly-plot .scatterlayer path.point").first.wait_for()
        page.wait_for_timeout(500)
        assert page.evaluate(_FITS_JS), "the projector page scrolls"
        axis = page.get_by_text("ML expertise →").bounding_box()
        assert axis and axis["y"] + axis["height"] <= size[1], "the x axis is below the fold"
        # The chart as drawn (its box is smaller: it is scaled with the screen, see present.py).
        plot = page.locator(".js-plotly-plot .main-svg").first.bounding_box()
        assert plot and plot["height"] >= 0.8 * size[1] - 40  # height comes from the screen
        roles = page.evaluate(_FONT_SIZES_JS, ".js-plotly-plot .shape-label-text")
        ticks = page.evaluate(
            _FONT_SIZES_JS, ".js-plotly-plot .xtick text, .js-plotly-plot .xtitle"
        )
        assert roles and min(roles) >= 20 and min(ticks) >= 20
        assert page.evaluate(_CLIPPED_TICKS_JS, SLACK_EM) == []
        dots = page.evaluate(_BOXES_JS, ".js-plotly-plot .scatterlayer path.point")
        assert len(dots) == 80 and min(min(d["r"] - d["l"], d["b"] - d["t"]) for d in dots) >= 14
        # 80 named people are past the names' cap (40): none is drawn over the crowd, and
        # the screen says so instead of leaving names out silently.
        assert page.evaluate(_BOXES_JS, ".js-plotly-plot .textpoint") == []
        note = "Names are drawn for up to 40 named participants; this room has 80."
        expect(page.get_by_text(note, exact=False)).to_be_visible()
        assert page.get_by_test_id("stExpandSidebarButton").count() == 0 or not (
            page.get_by_test_id("stExpandSidebarButton").is_visible()
        )
        assert not page.locator("header[data-testid='stHeader']").is_visible()
        screenshot(page, f"present-map-{size[0]}")
    finally:
        page.context.close()


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_joining_screen_shows_code_and_qr_big(browser, hall, size) -> None:  # type: ignore[no-untyped-def]
    url, room = hall
    store.set_room_state(room=room.room.code, key=room.key, screen="join")
    page = _open(browser, f"{url}/present?room={room.room.code}", size)
    try:
        code = page.locator(".room-code")
        code.wait_for()
        page.wait_for_timeout(300)
        assert page.evaluate(_FITS_JS)
        height = code.bounding_box()["height"]  # type: ignore[index]
        qr = page.locator(".st-key-present_qr_big img").bounding_box()
        assert qr is not None
        if size == (1920, 1080):
            assert height >= 80 and qr["width"] >= 300 and qr["height"] >= 300
        assert "maps.example.org/j" in page.inner_text("body")
        assert "?room=" not in page.inner_text("body")  # the short address, not the link
        screenshot(page, f"present-join-{size[0]}")
    finally:
        page.context.close()


def test_a_4k_screen_is_filled_without_scrolling(browser, hall) -> None:  # type: ignore[no-untyped-def]
    url, room = hall
    store.set_room_state(room=room.room.code, key=room.key, screen="map")
    page = _open(browser, f"{url}/present?room={room.room.code}", (3840, 2160))
    try:
        page.locator(".js-plotly-plot .scatterlayer path.point").first.wait_for()
        assert page.evaluate(_FITS_JS)
        plot = page.locator(".js-plotly-plot .main-svg").first.bounding_box()
        assert plot and plot["height"] >= 1700
    finally:
        page.context.close()


def test_phone_reaches_submit_and_sees_the_confirmation(browser, hall) -> None:  # type: ignore[no-untyped-def]
    url, room = hall
    page = _open(
        browser, f"{url}/join?room={room.room.code}", (390, 844), is_mobile=True, has_touch=True
    )
    try:
        submit = page.get_by_role("button", name="Submit")
        submit.wait_for()
        box = submit.bounding_box()
        assert box and box["y"] + box["height"] <= 844, "Submit is below the fold"
        caption = page.get_by_test_id("stSliderThumbValue").first  # the short level caption
        caption.wait_for(state="visible")
        assert caption.inner_text() == "5 · First real model"
        screenshot(page, "join-phone")
        submit.tap()
        saved = page.get_by_text("Saved at", exact=False).first
        saved.wait_for(timeout=10_000)
        shown = saved.bounding_box()
        assert shown and shown["y"] >= 0 and shown["y"] + shown["height"] <= 844
        page.get_by_role("button", name="Update my answers").wait_for(timeout=2_000)
        screenshot(page, "join-phone-saved")
    finally:
        page.context.close()


@pytest.mark.parametrize("path", ["present", "join", "host"])
def test_workshop_pages_pass_axe(browser, hall, path: str) -> None:  # type: ignore[no-untyped-def]
    url, room = hall
    store.set_room_state(room=room.room.code, key=room.key, screen="map")
    query = f"room={room.room.code}" + (f"&key={room.key}" if path == "host" else "")
    size = (390, 844) if path == "join" else (1366, 768)
    page = _open(browser, f"{url}/{path}?{query}", size)
    try:
        ready = {
            "present": ".js-plotly-plot .main-svg",
            "join": "[data-testid='stSlider']",
            "host": "[data-testid='stDataFrame']",
        }[path]
        page.locator(ready).first.wait_for()
        page.wait_for_timeout(800)
        assert serious_violations(page) == []
    finally:
        page.context.close()


def test_bad_code_on_present_offers_a_field(browser, hall) -> None:  # type: ignore[no-untyped-def]
    url, room = hall
    page = _open(browser, f"{url}/present?room=abc123", (1280, 720))
    try:
        page.get_by_text("never use 0, 1, I, L or O", exact=False).wait_for()
        page.get_by_label("Try another room code").fill(room.room.code.lower())
        page.get_by_role("button", name="Present").click()
        page.locator(".js-plotly-plot .main-svg, .room-code").first.wait_for()
    finally:
        page.context.close()
