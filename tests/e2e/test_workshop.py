"""A workshop in two real browsers: a phone joins by link and the projector shows the new dot."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import store
from tests.e2e.conftest import screenshot

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
PROJECTOR = {"width": 1600, "height": 900}


@pytest.fixture
def shared_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Point this process's store at the app's data folder (see `start_app`)."""
    monkeypatch.setenv("SKILLS_MAP_DATA_HOME", str(tmp_path / "appdata"))
    monkeypatch.delenv("SKILLS_MAP_DATABASE_URL", raising=False)
    monkeypatch.delenv("SKILLS_MAP_PUBLIC_URL", raising=False)
    yield
    store.default_engine().dispose()  # close this test's SQLite connections


# Samples every animation frame: is the map drawn (full height, with its SVG) in that frame?
_WATCH_FRAMES = """() => { window.mapFrames = []; const tick = () => {
    const plot = document.querySelector('.js-plotly-plot');
    const drawn = !!plot && plot.getBoundingClientRect().height > 100
        && !!plot.querySelector('.main-svg');
    window.mapFrames.push(drawn); requestAnimationFrame(tick); }; tick(); }"""


def _bubbles(page) -> int:  # type: ignore[no-untyped-def]
    # Region outlines are lines; only the crowd trace draws marker points.
    return page.locator(".js-plotly-plot .scatterlayer path.point").count()


def test_phone_submit_appears_on_projector_within_3_seconds(  # type: ignore[no-untyped-def]
    app_url: str, browser, shared_store: None
) -> None:
    created = store.create_room(title="Browser workshop")
    code = created.room.code
    projector_ctx = browser.new_context(viewport=PROJECTOR)
    phone_ctx = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        projector = projector_ctx.new_page()
        projector.set_default_timeout(30_000)
        projector.goto(f"{app_url}/present?room={code}")
        projector.get_by_text("0 participants", exact=True).wait_for()
        projector.locator(".js-plotly-plot .main-svg").first.wait_for()
        assert _bubbles(projector) == 0
        projector.evaluate(_WATCH_FRAMES)

        phone = phone_ctx.new_page()
        phone.set_default_timeout(30_000)
        phone.goto(f"{app_url}/join?room={code.lower()}")
        phone.get_by_placeholder("Leave empty to stay anonymous").fill("Ada")
        slider = phone.get_by_role("slider").first
        slider.focus()
        for _ in range(4):
            slider.press("ArrowRight")
        phone.get_by_role("button", name="Submit").click()
        submitted = time.monotonic()
        projector.get_by_text("1 participant", exact=True).wait_for(timeout=3_000)
        projector.wait_for_function(
            "document.querySelectorAll('.js-plotly-plot .scatterlayer path.point').length >= 1",
            timeout=max(1, int((3 - (time.monotonic() - submitted)) * 1000)),
        )
        elapsed = time.monotonic() - submitted
        print(f"projector showed the new dot {elapsed:.2f} s after the submit")
        assert elapsed < 3
        frames = projector.evaluate("window.mapFrames")
        assert len(frames) > 30 and all(frames), "the map blanked out while updating (flicker)"
        phone.get_by_text("Saved", exact=False).first.wait_for()
        assert "p=" in phone.url
        entry = store.room_snapshot(room=code).entries[0]
        assert entry.ml == 7.0 and entry.name == "Ada"
        projector.wait_for_timeout(500)
        screenshot(projector, "workshop-present")
        screenshot(phone, "workshop-join")
        # A reloaded projector (laptop woke up, someone pressed F5) comes back by itself.
        projector.reload()
        projector.get_by_text("1 participant", exact=True).wait_for(timeout=10_000)
        assert _bubbles(projector) == 1
    finally:
        phone_ctx.close()
        projector_ctx.close()


def test_phone_is_refused_while_the_room_is_locked(  # type: ignore[no-untyped-def]
    app_url: str, browser, shared_store: None
) -> None:
    created = store.create_room(title="Locked")
    store.set_room_state(room=created.room.code, key=created.key, locked=True)
    ctx = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        phone = ctx.new_page()
        phone.set_default_timeout(30_000)
        phone.goto(f"{app_url}/join?room={created.room.code}")
        phone.get_by_role("button", name="Submit").click()
        phone.get_by_text("Not saved", exact=False).wait_for()
        assert store.room_snapshot(room=created.room.code).count == 0
    finally:
        ctx.close()
