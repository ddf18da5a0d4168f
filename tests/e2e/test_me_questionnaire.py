"""A person answers the survey's questions in a real chromium and sees people like them."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.a11y import serious_violations
from tests.e2e.conftest import screenshot

pytestmark = pytest.mark.e2e


def _choose(page: Page, label: str, option: str) -> None:
    page.get_by_role("combobox", name=label).click()
    page.get_by_role("option", name=option, exact=True).click()


def _answer_as_a_researcher(page: Page, years_ml: str) -> None:
    """The survey's three questions (10-20 years of code, research), then Use these answers."""
    page.get_by_text("Questionnaire", exact=True).click()
    _choose(
        page, "For how many years have you been writing code and/or programming?", "10-20 years"
    )
    _choose(page, "For how many years have you used machine learning methods?", years_ml)
    page.get_by_text("Do research that advances the state of the art", exact=False).click()
    page.get_by_role("button", name="Use these answers").click()


def test_survey_answers_give_scores_a_halo_and_people_like_you(app_url: str, page: Page) -> None:
    page.goto(app_url)
    _answer_as_a_researcher(page, "5-10 years")

    expect(page.get_by_text("Scores set from your answers")).to_be_visible(timeout=20_000)
    expect(
        page.get_by_text("From 2 answers (pulled toward the middle: fewer than 3).").first
    ).to_be_visible()
    expect(page.get_by_role("heading", name="People like you")).to_be_visible()
    expect(page.get_by_text("people in the 2021 Kaggle survey", exact=False)).to_contain_text(
        "Research Scientist"
    )
    screenshot(page, "me-questionnaire-result")
    assert not serious_violations(page, exclude=("[data-testid='stSidebarNav']", ".js-plotly-plot"))


def test_answers_survive_a_shared_link_and_the_questionnaire_keeps_them(
    app_url: str, page: Page, browser
) -> None:  # type: ignore[no-untyped-def]
    page.goto(app_url)
    _answer_as_a_researcher(page, "10-20 years")
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
        shared.get_by_text("From 2 answers (pulled toward the middle: fewer than 3).").first
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
    screenshot(shared, "me-shared-link-answers")
    other.close()
