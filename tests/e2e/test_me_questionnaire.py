"""A person answers the survey's questions in a real chromium and sees people like them."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.a11y import serious_violations
from tests.e2e.conftest import screenshot
from tests.e2e.layout import choose_option, horizontal_overflow

pytestmark = pytest.mark.e2e

SIZES = {"1440x900": (1440, 900), "390x844": (390, 844), "1280x720": (1280, 720)}


def _answer(page: Page, years_ml: str = "5-10 years") -> None:
    """The survey's first three questions: 10-20 years of code, `years_ml`, research."""
    page.get_by_text("Questionnaire", exact=True).click()
    choose_option(
        page, "For how many years have you been writing code and/or programming?", "10-20 years"
    )
    choose_option(page, "For how many years have you used machine learning methods?", years_ml)
    page.get_by_text("Do research that advances the state of the art", exact=False).click()


def test_survey_answers_give_scores_a_halo_and_people_like_you(app_url: str, page: Page) -> None:
    page.goto(app_url)
    _answer(page)
    page.get_by_role("button", name="Use these answers").click()

    expect(page.get_by_text("Scores set from your answers")).to_be_visible(timeout=20_000)
    expect(
        page.get_by_text("From 2 answers (pulled toward the middle: fewer than 3).").first
    ).to_be_visible()
    expect(page.get_by_role("heading", name="People like you")).to_be_visible()
    expect(
        page.get_by_text("People in the 2021 Kaggle survey who answer like you")
    ).to_contain_text("Research Scientist")
    screenshot(page, "me-questionnaire-result")
    assert not serious_violations(page, exclude=("[data-testid='stSidebarNav']", ".js-plotly-plot"))


def test_answers_survive_a_shared_link_and_the_questionnaire_keeps_them(
    app_url: str, page: Page, browser: Browser
) -> None:
    page.goto(app_url)
    _answer(page, "10-20 years")
    # Chips of the tool questions travel in the link too.
    for chip in ("PyTorch", "C++"):
        page.get_by_role("button", name=chip, exact=True).first.click()
    page.get_by_role("button", name="Use these answers").click()
    expect(page.get_by_role("heading", name="Best fit: ML researcher")).to_be_visible(
        timeout=20_000
    )
    expect(page).to_have_url(re.compile(r"[?&]a=[a-z2-7.]+"), timeout=15_000)
    link = page.locator("#sm-share-url").input_value()
    assert "a=" in link

    # Someone else opens the link: a fresh browser, nothing but the address.
    other = browser.new_context(viewport={"width": 1400, "height": 1000})
    shared = other.new_page()
    shared.set_default_timeout(20_000)
    shared.goto(link if link.startswith("http") else app_url + "/" + link)
    expect(shared.get_by_role("heading", name="Best fit: ML researcher")).to_be_visible()
    expect(shared.get_by_role("heading", name="People like you")).to_be_visible()
    expect(
        # Two answers set ML's level and the two chips shift it.
        shared.get_by_text("From 4 answers (pulled toward the middle: under 3 set a level).").first
    ).to_be_visible()
    expect(
        shared.get_by_text("About 7 in 10 people who answer like you", exact=False)
    ).to_be_visible()

    # Reopening the questionnaire there shows the answers the link carried.
    shared.get_by_text("Questionnaire", exact=True).click()
    expect(
        shared.get_by_role(
            "combobox", name="For how many years have you used machine learning methods?"
        )
    ).to_have_value("10-20 years")
    expect(
        shared.get_by_role(
            "checkbox", name="Do research that advances the state of the art", exact=False
        )
    ).to_be_checked()
    for chip in ("PyTorch", "C++"):
        expect(shared.get_by_role("button", name=chip, exact=True).first).to_have_attribute(
            "aria-pressed", "true"
        )
    expect(shared.get_by_role("button", name="Python", exact=True).first).to_have_attribute(
        "aria-pressed", "false"
    )
    screenshot(shared, "me-shared-link-answers")
    other.close()


@pytest.mark.parametrize("size", list(SIZES))
def test_the_tool_questions_are_chips_that_fit_and_count(
    app_url: str, browser: Browser, size: str
) -> None:
    width, height = SIZES[size]
    phone = size == "390x844"
    context = browser.new_context(
        viewport={"width": width, "height": height}, is_mobile=phone, has_touch=phone
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        page.goto(app_url)
        _answer(page)
        for chip in ("PyTorch", "Python", "C++"):
            page.get_by_role("button", name=chip, exact=True).first.click()
        choose_option(
            page,
            "What is the highest level of formal education that you have attained or plan to "
            "attain within the next 2 years?",
            "Doctoral degree",
        )
        assert horizontal_overflow(page) <= 1, "the chips stick out of the page"
        screenshot(page, f"me-questionnaire-chips-{size}")
        assert not serious_violations(
            page, exclude=("[data-testid='stSidebarNav']", ".js-plotly-plot")
        )
        page.get_by_role("button", name="Use these answers").click()
        expect(page.get_by_text("Scores set from your answers")).to_be_visible(timeout=20_000)
        expect(
            page.get_by_text("your answers to 6 of the 9 survey questions", exact=False)
        ).to_be_visible()
        expect(page.get_by_text("From the survey", exact=False).first).to_be_visible()
        assert horizontal_overflow(page) <= 1
        screenshot(page, f"me-survey-result-{size}")
    finally:
        context.close()


# Per radio group of the questionnaire: how many distinct rows its options sit on, and its
# width as a share of the main column's.
_CHOICE_ROWS = """() => {
  const main = document.querySelector('[data-testid="stMainBlockContainer"]').getBoundingClientRect();
  return [...document.querySelectorAll('[class*="questions_box"] [role="radiogroup"]')].map(g => {
    const tops = new Set([...g.querySelectorAll('label')].map(l => Math.round(l.getBoundingClientRect().top)));
    const box = g.closest('[class*="questions_box"]').getBoundingClientRect();
    return {rows: tops.size, options: g.querySelectorAll('label').length, share: box.width / main.width};
  });
}"""


@pytest.mark.parametrize("size", ["1440x900", "390x844"])
def test_the_questionnaire_uses_the_page_width_and_its_choices_do_not_wrap(
    app_url: str, browser: Browser, size: str
) -> None:
    """On a laptop each question's choices sit on one line across the page's width; on a phone
    they stand one under the other (never some on one line and the rest on the next)."""
    width, height = SIZES[size]
    phone = width < 500
    context = browser.new_context(
        viewport={"width": width, "height": height}, is_mobile=phone, has_touch=phone
    )
    try:
        page = context.new_page()
        page.set_default_timeout(30_000)
        page.goto(app_url)
        page.get_by_text("Questionnaire", exact=True).click()
        page.get_by_role("button", name="Use these answers").wait_for()
        groups = page.evaluate(_CHOICE_ROWS)
        assert len(groups) >= 10
        for group in groups:
            assert group["share"] > 0.8  # the main column (less its padding), not a third of it
            assert group["rows"] == (group["options"] if phone else 1), group
        assert horizontal_overflow(page) <= 0
        assert not serious_violations(
            page, exclude=("[data-testid='stSidebarNav']", ".js-plotly-plot")
        )
        page.get_by_text(
            "How often do you debug model training", exact=False
        ).first.scroll_into_view_if_needed()
        page.screenshot(path=f"/tmp/h21b/questionnaire-{size}.png")
    finally:
        context.close()
