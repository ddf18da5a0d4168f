"""A person rates themselves in a real chromium, on a desktop and on a phone."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.a11y import serious_violations
from tests.e2e.conftest import screenshot
from tests.e2e.layout import (
    MAP_DRAWN,
    focus_ring,
    horizontal_overflow,
    label_problems,
    tab_stops_between,
)
from testsupport.server import start_app, stop_app

pytestmark = pytest.mark.e2e
FIVES = "/?ml=5&swe=5&comm=5&target=ml_engineer"


@pytest.fixture(scope="module")
def me_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One app for this module's tests: they only read and move their own sliders."""
    url, proc = start_app(Path(tmp_path_factory.mktemp("me")))
    yield url
    stop_app(proc)


def _open(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_function(MAP_DRAWN, arg="me_map", timeout=60_000)


def test_moving_a_slider_changes_best_fit_and_the_url(me_url: str, page: Page) -> None:
    _open(page, f"{me_url}/?ml=1&swe=9&comm=5")
    expect(
        page.get_by_role("heading", name="Nearest role on the map: ML DevOps / platform engineer")
    ).to_be_visible()
    ml = page.get_by_role("slider").first
    ml.focus()
    for _ in range(12):  # half steps: 1.0 -> 7.0
        page.keyboard.press("ArrowRight")
    swe = page.get_by_role("slider").nth(1)
    swe.focus()
    for _ in range(7):  # 9.0 -> 5.5
        page.keyboard.press("ArrowLeft")
    # Quick key presses queue several reruns; the page must settle on the last values, not
    # snap a slider back to an intermediate one.
    expect(page).to_have_url(re.compile(r"ml=7&swe=5\.5"), timeout=15_000)
    expect(page.get_by_role("heading", name="Nearest role on the map: ML engineer")).to_be_visible()
    # A screen reader hears the level reached, not a bare number (as on Join).
    expect(page.get_by_role("slider").first).to_have_attribute(
        "aria-valuetext", re.compile(r"^7 · \S")
    )
    screenshot(page, "me-ml-engineer")


def test_target_role_shows_steps_after_choosing_it(me_url: str, page: Page) -> None:
    _open(page, f"{me_url}/?ml=1&swe=9&comm=5")
    target = page.get_by_role("combobox", name="Target role")
    target.click()
    page.keyboard.type("ML engineer")  # filters the list, so the option is the first match
    page.get_by_role("option", name="ML engineer", exact=True).click()
    expect(page.get_by_text("Your path toward ML engineer")).to_be_visible()
    expect(page.get_by_text("Train a deep-learning model from scratch")).to_be_visible()
    expect(page).to_have_url(re.compile(r"target=ml_engineer"))


def test_me_page_passes_axe_and_its_map_reads_well(me_url: str, sized) -> None:  # type: ignore[no-untyped-def]
    size, page = sized
    _open(page, me_url + FIVES)
    assert serious_violations(page) == []
    assert label_problems(page, "me_map") == []
    assert horizontal_overflow(page) <= 0
    box = page.locator(".st-key-me_map").bounding_box()
    # Square, or as tall as the stylesheet's max-height allows (CSS pixels, whatever the fonts).
    assert box and (abs(box["width"] - box["height"]) < 12 or abs(box["height"] - 620) < 1)
    assert "Hover" not in page.locator("[data-testid=stMain]").inner_text()
    screenshot(page, f"me-{size}")


def test_on_a_phone_the_best_fit_stays_in_view_beside_the_sliders(me_url: str, sized) -> None:  # type: ignore[no-untyped-def]
    size, page = sized
    _open(page, me_url + FIVES)
    line = page.locator("[data-testid=stElementContainer]:has(.sm-fit-line)")
    if size != "390x844":
        expect(line).to_be_hidden()  # the result sits beside the sliders already
        expect(
            page.get_by_role("heading", name="Nearest role on the map: ML engineer")
        ).to_be_in_viewport()
        return
    comm = page.get_by_role("slider").nth(2)
    comm.scroll_into_view_if_needed()
    expect(line).to_be_in_viewport()
    before = line.inner_text()
    comm.focus()
    for _ in range(4):  # 5 -> 3, under the ML engineer's communication bar: the fit drops
        page.keyboard.press("ArrowLeft")
    expect(line).not_to_have_text(before)
    assert (
        page.evaluate("() => document.activeElement.getAttribute('aria-label')") == "Communication"
    )
    line_box, slider_box = line.bounding_box(), comm.bounding_box()
    assert line_box and slider_box and 0 <= line_box["y"] < slider_box["y"]
    screenshot(page, "me-phone-sticky-best-fit")


def test_copy_button_copies_the_share_link_by_tap(me_url: str, sized) -> None:  # type: ignore[no-untyped-def]
    size, page = sized
    _open(page, me_url + FIVES)
    button = page.get_by_role("button", name="Copy link")
    button.scroll_into_view_if_needed()
    expect(button).to_be_visible()  # always shown, not only on hover
    button.tap() if size == "390x844" else button.click()
    expect(page.get_by_role("status").filter(has_text="Link copied.")).to_be_visible()
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert "ml=5&swe=5&comm=5&target=ml_engineer" in copied


def test_keyboard_reaches_target_role_in_few_stops_with_a_visible_ring(
    me_url: str, page: Page
) -> None:
    _open(page, me_url + FIVES)
    first = page.get_by_role("slider").first
    first.focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")  # keyboard focus, so :focus-visible applies
    ring = focus_ring(page)
    assert ring["style"] == "solid" and ring["width"] >= 2, ring
    stops = tab_stops_between(page, first, "Target role")
    # Two more sliders, the questionnaire offer, the PNG export, the target role: no help icons,
    # anchors or grid tools.
    assert len(stops) <= 5, stops
    for _ in stops:
        ring = focus_ring(page)
        assert ring["style"] == "solid" and ring["width"] >= 2, ring
        page.keyboard.press("Shift+Tab")


def test_focus_goes_to_the_sliders_after_using_the_questionnaire(me_url: str, page: Page) -> None:
    _open(page, me_url + FIVES)
    page.get_by_text("Questionnaire", exact=True).click()
    page.get_by_role(
        "combobox", name="For how many years have you used machine learning methods?"
    ).click()
    page.get_by_role("option", name="1-2 years", exact=True).click()
    submit = page.get_by_role("button", name="Use these answers")
    submit.click()
    expect(page.get_by_role("slider").first).to_be_focused(timeout=15_000)
