"""Fixtures for the deployment recipe: the whole stack (PostgreSQL, two replicas, nginx) once per
module, and Debian's chromium in front of it.

In CI (`SKILLS_MAP_REQUIRE_NGINX=1`, `SKILLS_MAP_REQUIRE_POSTGRES=1`) a missing nginx or database
fails the run; elsewhere these tests are skipped with a note.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from testsupport.stack import NGINX, Stack, deploy_stack, nginx_available

PG_URL = os.environ.get("SKILLS_MAP_TEST_POSTGRES_URL", "").strip()
PHONE = {"width": 390, "height": 844}
PROJECTOR = {"width": 1600, "height": 900}


def _require(ok: bool, message: str, env: str) -> None:
    if ok:
        return
    if os.environ.get(env):
        pytest.fail(message)
    pytest.skip(message)


@contextmanager
def stack_for(tmp: Path, **kwargs: object) -> Iterator[Stack]:
    """The recipe in `tmp`, or a skip (a failure in CI) when nginx or PostgreSQL is missing."""
    _require(
        nginx_available(),
        f"no nginx at {NGINX}; install Debian's nginx (apt-get install nginx)",
        "SKILLS_MAP_REQUIRE_NGINX",
    )
    _require(bool(PG_URL), "SKILLS_MAP_TEST_POSTGRES_URL is not set", "SKILLS_MAP_REQUIRE_POSTGRES")
    with deploy_stack(tmp, admin_url=PG_URL, **kwargs) as stack:  # type: ignore[arg-type]
        yield stack


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """Two replicas on a fresh database behind nginx, shared by a module's tests."""
    with stack_for(tmp_path_factory.mktemp("stack")) as stack:
        yield stack


@pytest.fixture
def up(stack: Stack) -> Stack:
    """The stack with every replica answering (a test before may have killed one)."""
    stack.wait_all_up()
    return stack


@pytest.fixture
def open_page(browser, up: Stack) -> Iterator[Callable[..., object]]:  # type: ignore[no-untyped-def]
    """Open a page through nginx in a browser of its own, optionally with a device cookie."""
    contexts = []

    def _open(path: str, *, token: str | None = None, viewport: dict[str, int] = PROJECTOR):  # type: ignore[no-untyped-def]
        context = browser.new_context(viewport=viewport, accept_downloads=True)
        contexts.append(context)
        if token:
            context.add_cookies(
                [{"name": "skills_map_device", "value": token, "url": up.url, "httpOnly": True}]
            )
        page = context.new_page()
        page.set_default_timeout(30_000)
        page.goto(f"{up.url}{path}")
        return page

    yield _open
    for context in contexts:
        context.close()
