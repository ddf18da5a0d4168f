"""Real-browser fixtures: `streamlit run app.py` on a free port, driven by Debian's chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.layout import VIEWPORTS
from testsupport.server import ROOT, start_app, stop_app

SCREENSHOTS = ROOT / "tests" / "e2e" / "screenshots"

pytestmark = pytest.mark.e2e

# How long an `expect` waits for the page to get there (Playwright's default is 5 s). A page's
# first script run on a loaded 2-core machine took longer than 5 s, and a slower CI machine
# must not turn waiting into failing; a check that never comes true still fails, later.
expect.set_options(timeout=20_000)


@pytest.fixture
def app_url(tmp_path: Path) -> Iterator[str]:
    """A running app for one test, stopped afterwards."""
    url, proc = start_app(tmp_path)
    yield url
    stop_app(proc)


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    p = context.new_page()
    p.set_default_timeout(20_000)
    yield p
    context.close()


@pytest.fixture(params=list(VIEWPORTS))
def sized(request: pytest.FixtureRequest, browser):  # type: ignore[no-untyped-def]
    """(size, page) at 1440x900 or at 390x844 (a phone: touch, mobile), with clipboard access."""
    viewport = VIEWPORTS[request.param]
    phone = viewport["width"] < 500
    context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    p = context.new_page()
    p.set_default_timeout(30_000)
    yield request.param, p
    context.close()


def screenshot(page, name: str) -> Path:  # type: ignore[no-untyped-def]
    """Save a screenshot under tests/e2e/screenshots/ (git-ignored) and return its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
