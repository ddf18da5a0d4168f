"""A team room in real browsers: the manager invites, three members answer from three devices,
the Team page maps them live, the manager's rating shows the disagreement, and a second round
is compared with the first. The members' page is checked at 390x844 and with axe."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

import store
from tests.e2e.a11y import serious_violations
from tests.e2e.conftest import screenshot
from tests.e2e.grid import type_in_cell

pytestmark = pytest.mark.e2e

LAPTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}
LONG = 60_000
# People on the Team map (one trace per best-fit role) and the manager's ratings.
_POINTS = """(kind) => {
  const plot = document.querySelector('.st-key-team_map .js-plotly-plot')
      || document.querySelector('.js-plotly-plot');
  if (!plot || !plot._fullData) return -1;
  return plot._fullData.filter(t => t.meta && t.meta.kind === kind)
                       .reduce((n, t) => n + t.x.length, 0);
}"""


@pytest.fixture
def shared_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Point this process's store at the app's data folder (see `start_app`)."""
    monkeypatch.setenv("SKILLS_MAP_DATA_HOME", str(tmp_path / "appdata"))
    monkeypatch.delenv("SKILLS_MAP_DATABASE_URL", raising=False)
    yield
    store.default_engine().dispose()


def _context(browser: Browser, viewport: dict[str, int]) -> BrowserContext:
    phone = viewport["width"] < 500
    return browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone)


def _open(context: BrowserContext, url: str) -> Page:
    page = context.new_page()
    page.set_default_timeout(LONG)
    page.goto(url)
    return page


def _invite(manager: Page, app_url: str) -> tuple[str, str, str]:
    """Invite the team from the Team page; returns the code, the key and the members' link."""
    manager.goto(f"{app_url}/team")
    manager.get_by_text("Team room: let members rate themselves").click()
    manager.get_by_label("Team name").fill("Data platform team")
    manager.get_by_role("button", name="Invite my team").click()
    expect(manager.get_by_text("Save the manager key now")).to_be_visible(timeout=LONG)
    found = re.search(r"Team code: ([A-Z0-9]{6})", manager.inner_text("body"))
    assert found, "no 'Team code: XXXXXX' on the page"
    code = found.group(1)
    manager.wait_for_url(re.compile(rf"room={code}"))
    # The key is shown on the page (once, in the open invitation panel), never in the address.
    manager_link = manager.get_by_text(re.compile(rf"/team\?room={code}.*key=")).first
    key = re.search(r"key=([^&\s]+)", manager_link.inner_text()).group(1)  # type: ignore[union-attr]
    assert "key=" not in manager.url
    link = f"{app_url}/my_team?room={code}"
    expect(manager.get_by_text(link, exact=True)).to_be_visible()
    return code, key, link


def _answer_with_sliders(page: Page, name: str | None, moves: dict[int, int]) -> None:
    """Quick sliders: name (None: keep it), slider moves (index -> arrow presses, + right,
    - left), Save."""
    page.get_by_text("Quick sliders:", exact=False).click()
    page.get_by_role("slider").first.wait_for()
    if name is not None:
        page.get_by_role("textbox", name="Your name").fill(name)
    for index, presses in moves.items():
        slider = page.get_by_role("slider").nth(index)
        slider.focus()
        for _ in range(abs(presses)):
            slider.press("ArrowRight" if presses > 0 else "ArrowLeft")
    page.get_by_role("button", name="Save my answers").click()
    expect(page.get_by_text("Saved at", exact=False)).to_be_visible(timeout=LONG)


def _choose(page: Page, label: str, option: str) -> None:
    page.get_by_role("combobox", name=label).click()
    page.get_by_role("option", name=option, exact=True).click()


def _answer_questionnaire(page: Page, name: str) -> None:
    page.get_by_role("textbox", name="Your name").fill(name)
    _choose(page, "For how many years have you been writing code and/or programming?", "5-10 years")
    _choose(page, "For how many years have you used machine learning methods?", "3-4 years")
    page.get_by_text("Build and/or run a machine learning service", exact=False).click()
    page.get_by_role("button", name="Save my answers").click()
    expect(page.get_by_text("Saved at", exact=False)).to_be_visible(timeout=LONG)


def _rate_software_engineering(manager: Page, value: str) -> None:
    """Type the manager's own software engineering score for the first member of the table."""
    grid = manager.locator("[class*='st-key-teamroom_ratings'] [data-testid='stDataFrame']")
    type_in_cell(manager, grid, 1, "Software eng. (yours)", value)


def test_team_room_round_trip(app_url: str, browser: Browser, shared_store: None) -> None:
    contexts = [_context(browser, LAPTOP)]
    try:
        manager = contexts[0].new_page()
        manager.set_default_timeout(LONG)
        code, key, link = _invite(manager, app_url)
        expect(manager.get_by_text("Nobody has answered round 1 yet")).to_be_visible()

        # Three members, three devices: a phone with the questionnaire, two laptops.
        contexts += [_context(browser, PHONE), _context(browser, LAPTOP), _context(browser, LAPTOP)]
        phone = _open(contexts[1], link)
        expect(phone.get_by_text("Data platform team")).to_be_visible()
        assert serious_violations(phone) == []
        _answer_questionnaire(phone, "Ana")
        assert serious_violations(phone) == []
        screenshot(phone, "team-room-member-phone")
        bo = _open(contexts[2], link)
        _answer_with_sliders(bo, "Bo", {0: -5, 1: 4})  # ML 2.5, SWE 7
        cy = _open(contexts[3], link)
        _answer_with_sliders(cy, "Cy", {0: 6, 1: -4})  # ML 8, SWE 3

        # The manager's page shows all three without a reload, with coverage.
        expect(manager.get_by_text("3 of 3 members answered")).to_be_visible(timeout=LONG)
        manager.wait_for_function(f"({_POINTS})('team') === 3", arg=None, timeout=LONG)
        manager.get_by_role("tab", name="Coverage").click()
        expect(
            manager.get_by_text("Missing roles (nobody covers them)", exact=False)
        ).to_be_visible()
        expect(manager.get_by_text("Covered by one person only", exact=False)).to_be_visible()

        # The manager rates Ana's software engineering 2: a second point and a disagreement.
        _rate_software_engineering(manager, "2")
        expect(manager.get_by_text("Saved your rating of Ana.")).to_be_visible(timeout=LONG)
        manager.wait_for_function(f"({_POINTS})('manager') === 1", timeout=LONG)
        manager.get_by_role("tab", name="Self vs manager").click()
        expect(
            manager.get_by_text(
                re.compile(r"Ana rates their software engineering [\d.]+, you rate it 2")
            )
        ).to_be_visible(timeout=LONG)
        screenshot(manager, "team-room-manager")
        assert serious_violations(manager) == []

        # Round 2: everyone answers again from the same link; only Cy changes.
        manager.get_by_role("button", name="Open round 2").click()
        expect(manager.get_by_text("Round 2 is open", exact=False)).to_be_visible(timeout=LONG)
        for page in (phone, bo, cy):
            page.reload()
        phone.get_by_role("button", name="Save my answers").click()
        expect(phone.get_by_text("Saved at", exact=False)).to_be_visible(timeout=LONG)
        bo.get_by_role("button", name="Save my answers").click()
        expect(bo.get_by_text("Saved at", exact=False)).to_be_visible(timeout=LONG)
        _answer_with_sliders(cy, None, {1: 9})  # SWE 3 -> 7.5
        cy_history = cy.locator("[data-testid='stDataFrame']").last
        expect(cy_history).to_be_visible()
        expect(cy.get_by_text("Since round 1: Software engineering +4.5.")).to_be_visible()

        expect(manager.get_by_text("3 of 3 members answered")).to_be_visible(timeout=LONG)
        manager.get_by_role("tab", name="Rounds").click()
        expect(
            manager.get_by_text("1 of 3 members who answered both rounds moved.")
        ).to_be_visible()
        expect(
            manager.get_by_text("Cy moved most: software engineering 3 → 7.5 (+4.5).")
        ).to_be_visible()
        screenshot(manager, "team-room-rounds")
        snap = store.team_snapshot(room=code, key=key)
        assert {m.name: m.answer.swe for m in snap.answered if m.answer} == {
            "Ana": snap.answered[0].answer.swe,  # type: ignore[union-attr]
            "Bo": 7.0,
            "Cy": 7.5,
        }
    finally:
        for context in contexts:
            context.close()


def test_members_page_fits_a_phone_and_passes_axe(  # type: ignore[no-untyped-def]
    app_url: str, browser: Browser, shared_store: None
) -> None:
    created = store.create_team_room(title="Phone team")
    context = _context(browser, PHONE)
    try:
        page = _open(context, f"{app_url}/my_team?room={created.room.code}")
        expect(page.get_by_role("textbox", name="Your name")).to_be_visible()
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"the page scrolls sideways ({width} px)"
        assert serious_violations(page) == []
        _answer_with_sliders(page, "Dee", {2: 3})
        assert serious_violations(page) == []
        assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
        screenshot(page, "team-room-member-sliders-phone")
    finally:
        context.close()


def test_the_manager_key_leaves_the_address_bar_and_a_refresh_says_how_to_get_back(
    app_url: str, browser: Browser, shared_store: None
) -> None:
    """A Team page shown in a meeting does not show the key: the manager link is read once and
    its key leaves the address bar; after a refresh the page says how to get back in."""
    created = store.create_team_room(title="Data platform team")
    code = created.room.code
    context = _context(browser, LAPTOP)
    try:
        manager = _open(context, f"{app_url}/team?room={code}&key={created.key}")
        expect(manager.get_by_text(f"Data platform team: team code {code}")).to_be_visible()
        manager.wait_for_url(re.compile(rf"/team\?room={code}$"))
        assert created.key not in manager.url
        assert serious_violations(manager) == []
        shots = Path("/tmp/h21b")
        shots.mkdir(exist_ok=True)
        manager.screenshot(path=str(shots / "manager-key-out-of-address-1440x900.png"))
        manager.reload()
        expect(
            manager.get_by_text(f"Team room {code}: the manager key is not kept")
        ).to_be_visible()
        expect(manager.get_by_label("Team code")).to_have_value(code)
        assert serious_violations(manager) == []
        manager.screenshot(path=str(shots / "manager-key-refresh-1440x900.png"))
        manager.get_by_label("Manager key").fill(created.key)
        manager.get_by_role("button", name="Load answers").click()
        expect(manager.get_by_text(f"Data platform team: team code {code}")).to_be_visible()
        assert created.key not in manager.url
    finally:
        context.close()
