"""Getting the job in a real chromium: a person with a software-engineering gap toward the ML
engineer reads the coding preparation first, opens the folded assessments, and a slider move
toward that role takes the gap note away; on a desktop and on a phone, with axe on the section."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.a11y import serious_violations
from tests.e2e.conftest import screenshot
from tests.e2e.layout import MAP_DRAWN, horizontal_overflow

pytestmark = pytest.mark.e2e
SHORT_OF_SWE = "/?ml=8&swe=3&comm=6&target=ml_engineer"


def test_the_section_reads_and_unfolds_on_a_desktop_and_a_phone(app_url: str, sized) -> None:  # type: ignore[no-untyped-def]
    size, page = sized
    page.goto(app_url + SHORT_OF_SWE)
    page.wait_for_function(MAP_DRAWN, arg="me_map", timeout=60_000)
    main = page.locator("[data-testid=stMain]")
    heading = main.get_by_role("heading", name="Getting the job as ML engineer")
    expect(heading).to_be_visible()
    first = main.locator("li").filter(has_text="Whiteboard or pair coding").first
    # ML 8, software engineering 3: the ML engineer's region starts at 3.8 there, a step away.
    expect(first).to_contain_text("This answers your software engineering gap (+1).")
    folded = main.get_by_text("Take-home project", exact=True)
    expect(folded).to_be_hidden()
    main.get_by_text("5 more assessments").click()
    expect(folded).to_be_visible()
    assert serious_violations(page) == []
    assert horizontal_overflow(page) <= 0
    heading.scroll_into_view_if_needed()
    screenshot(page, f"me-getting-the-job-{size}")


def test_closing_the_gap_with_a_slider_takes_the_gap_note_away(app_url: str, sized) -> None:  # type: ignore[no-untyped-def]
    _, page = sized
    page.goto(app_url + SHORT_OF_SWE)
    page.wait_for_function(MAP_DRAWN, arg="me_map", timeout=60_000)
    main = page.locator("[data-testid=stMain]")
    note = main.get_by_text("This answers your software engineering gap").first
    expect(note).to_be_visible()
    swe = page.get_by_role("slider").nth(1)
    swe.focus()
    for _ in range(6):  # 3 -> 6: inside the ML engineer's region on engineering
        swe.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"swe=6(&|$)"))
    expect(main.get_by_text("This answers your software engineering gap")).to_have_count(0)
