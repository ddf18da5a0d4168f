"""axe-core WCAG 2.2 AA on the pages without a map of their own to drive: About and the
entry screens of the workshop pages and of Answer for my team (the Workshop and team room tests
check rooms in use)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.a11y import serious_violations
from tests.e2e.layout import MAP_DRAWN, VIEWPORTS, horizontal_overflow, label_problems

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("size", list(VIEWPORTS))
def test_about_page_passes_axe_and_its_map_labels_fit(app_url: str, browser, size: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=VIEWPORTS[size])
    page = context.new_page()
    page.goto(f"{app_url}/about")
    page.wait_for_function(MAP_DRAWN.replace(".point", "path"), arg="about_map", timeout=60_000)
    expect(page.get_by_text("How the fit and the gaps are computed")).to_be_visible()
    assert serious_violations(page) == []
    assert label_problems(page, "about_map") == []
    assert horizontal_overflow(page) <= 0
    context.close()


@pytest.mark.parametrize("path", ["/host", "/join", "/present", "/my_team"])
def test_workshop_entry_pages_pass_axe(app_url: str, page: Page, path: str) -> None:
    page.goto(app_url + path)
    page.get_by_role("heading", level=1).wait_for()
    page.wait_for_timeout(500)
    assert serious_violations(page) == []
