"""A person rates themselves in a real chromium and watches the best fit change."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import screenshot

pytestmark = pytest.mark.e2e


def test_moving_a_slider_changes_best_fit_and_the_url(app_url: str, page: Page) -> None:
    page.goto(f"{app_url}/?ml=1&swe=9&comm=5")
    expect(page.get_by_text("Best fit: ML DevOps / platform engineer")).to_be_visible(
        timeout=30_000
    )
    expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=30_000)

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
    expect(page.get_by_text("Best fit: ML engineer")).to_be_visible()
    expect(page.get_by_role("slider").first).to_have_attribute("aria-valuetext", "7.0")
    screenshot(page, "me-ml-engineer")


def test_target_role_shows_steps_after_choosing_it(app_url: str, page: Page) -> None:
    page.goto(f"{app_url}/?ml=1&swe=9&comm=5")
    expect(page.get_by_text("Best fit: ML DevOps / platform engineer")).to_be_visible(
        timeout=30_000
    )
    target = page.get_by_role("combobox", name="Target role")
    target.click()
    page.keyboard.type("ML engineer")  # filters the list, so the option is the first match
    page.get_by_role("option", name="ML engineer", exact=True).click()
    expect(page.get_by_text("Your path toward ML engineer")).to_be_visible()
    expect(page.get_by_text("ML expertise: next steps")).to_be_visible()
    expect(page).to_have_url(re.compile(r"target=ml_engineer"))
    screenshot(page, "me-target-ml-engineer")
