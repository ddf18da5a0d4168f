"""My progress in a real chromium: keep it, come back in a new browser through the private link,
re-take the questionnaire and see two dated points and the change table; screenshots at the
three sizes."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.a11y import serious_violations
from tests.e2e.conftest import screenshot
from tests.e2e.layout import MAP_DRAWN, choose_option, horizontal_overflow, wait_settled

pytestmark = pytest.mark.e2e
SIZES = {"desktop": (1440, 900), "phone": (390, 844), "laptop": (1280, 720)}


def _path_points(page: Page) -> int:
    return int(
        page.evaluate(
            """() => {
              const plot = document.querySelector('.js-plotly-plot');
              const t = (plot?.data || []).find(d => d.meta && d.meta.kind === 'progress');
              return t ? t.x.length : 0;
            }"""
        )
    )


def _keep(page: Page, url: str) -> str:
    """Answer two questions, keep the result; returns the private link."""
    page.goto(f"{url}/?target=ml_engineer")
    page.wait_for_function(MAP_DRAWN, arg="me_map", timeout=60_000)
    page.get_by_text("Questionnaire", exact=True).click()
    choose_option(
        page, "For how many years have you been writing code and/or programming?", "1-3 years"
    )
    choose_option(
        page, "For how many years have you used machine learning methods?", "Under 1 year"
    )
    page.get_by_role("button", name="Use these answers").click()
    expect(page.get_by_text("Scores set from your answers")).to_be_visible(timeout=20_000)
    page.get_by_role("button", name="Keep my progress").click()
    expect(page.get_by_text(re.compile(r"Progress code: [A-Z2-9]{6}"))).to_be_visible()
    link = page.locator("#sm-progress-url").input_value()
    assert "pkey=" in link
    return link


def test_keep_then_retake_in_a_new_browser_shows_two_dated_points(
    app_url: str, page: Page, browser: Browser
) -> None:
    link = _keep(page, app_url)
    screenshot(page, "me-progress-kept")
    assert "pkey" not in page.url  # the key is never put in the address bar

    later = browser.new_context(viewport={"width": 1440, "height": 900})
    other = later.new_page()
    other.set_default_timeout(20_000)
    other.goto(link)
    other.wait_for_function(MAP_DRAWN, arg="me_map", timeout=60_000)
    expect(other.get_by_text(re.compile(r"Progress record \w{6}: 1 saved result"))).to_be_visible()
    expect(other).not_to_have_url(re.compile(r"pkey="), timeout=10_000)  # out of the address
    other.get_by_role("button", name="Re-take the questionnaire").click()
    years_ml = other.get_by_role(
        "combobox", name="For how many years have you used machine learning methods?"
    )
    expect(years_ml).to_have_value("Under 1 year")  # opens with the last answers
    choose_option(other, "For how many years have you used machine learning methods?", "5-10 years")
    before = other.url
    other.get_by_role("button", name="Use these answers").click()
    # The new answers reach the address when their run draws the result; the Save button is
    # drawn again by that run, so it is pressed once the run is over.
    other.wait_for_function("(before) => location.href !== before", arg=before)
    wait_settled(other)
    save = other.get_by_role("button", name="Save this result to my progress")
    save.press("Enter")  # by keyboard: the buttons are real buttons
    expect(other.get_by_text("Saved to your progress record.")).to_be_visible()
    expect(
        other.get_by_role("heading", name=re.compile("How far you have come since"))
    ).to_be_visible()
    table = other.locator("[data-testid='stTable']")
    expect(table).to_contain_text("ML expertise")
    expect(table).to_contain_text("Fit to ML engineer")
    assert _path_points(other) == 2
    expect(other.get_by_text(re.compile(r"Your path in words: 2 saved results"))).to_be_visible()
    assert not serious_violations(
        other, exclude=("[data-testid='stSidebarNav']", ".js-plotly-plot")
    )
    for name, (width, height) in SIZES.items():
        other.set_viewport_size({"width": width, "height": height})
        other.wait_for_timeout(800)
        assert not horizontal_overflow(other), name
        screenshot(other, f"me-progress-{name}")
    later.close()
