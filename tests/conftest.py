"""Shared fixtures: the shipped catalogs, one chromium for every browser test, and a hypothesis
profile kept fast for CI."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from roles.catalog import load_catalog
from roles.models import Catalog

ROOT = Path(__file__).resolve().parents[1]

settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("ci")


@pytest.fixture(params=["2021", "2022"])
def any_catalog(request: pytest.FixtureRequest) -> Catalog:
    """Each shipped catalog in turn."""
    return load_catalog(request.param)


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    """Debian's chromium, one for the whole run: Playwright's sync API allows one at a time,
    and both tests/e2e/ and tests/deploy/ drive it."""
    from testsupport.server import CHROMIUM, CHROMIUM_ARGS

    if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
        message = f"no chromium at {CHROMIUM}; install Debian's chromium (apt-get install chromium)"
        if os.environ.get("SKILLS_MAP_REQUIRE_E2E"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def catalog() -> Catalog:
    """The default (2021) catalog."""
    return load_catalog("2021")


def pytest_sessionstart(session: pytest.Session) -> None:
    """In CI, a missing browser or database server fails the run instead of skipping tests."""
    if os.environ.get("SKILLS_MAP_REQUIRE_POSTGRES") and not os.environ.get(
        "SKILLS_MAP_TEST_POSTGRES_URL"
    ):
        raise pytest.UsageError("SKILLS_MAP_REQUIRE_POSTGRES is set but no PostgreSQL URL is given")
    chromium = os.environ.get("SKILLS_MAP_CHROMIUM", "/usr/bin/chromium")
    if os.environ.get("SKILLS_MAP_REQUIRE_E2E") and not Path(chromium).exists():
        raise pytest.UsageError(
            f"SKILLS_MAP_REQUIRE_E2E is set but there is no chromium at {chromium}"
        )
    from testsupport.stack import NGINX, nginx_available

    if os.environ.get("SKILLS_MAP_REQUIRE_NGINX") and not nginx_available():
        raise pytest.UsageError(f"SKILLS_MAP_REQUIRE_NGINX is set but there is no nginx at {NGINX}")


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove AppTest's scratch folder before the interpreter exits: streamlit.testing keeps a
    module-level TemporaryDirectory, whose clean-up at exit warns (ResourceWarning, printed as a
    traceback under filterwarnings = error) after every run that used AppTest."""
    app_test = sys.modules.get("streamlit.testing.v1.app_test")
    if app_test is not None:
        app_test.TMP_DIR.cleanup()
