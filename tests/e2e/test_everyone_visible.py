"""Everyone visible, measured in a real browser: on the Team map with names (the example team in
English and Chinese, a team of 15) and on the projector with 30 named dots, no name covers a
person's marker, every person is named on the map or in its key, the chart text scales with a 4K
screen, and the pages pass axe at 1440x900, 390x844, 1280x720 and 3840x2160."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

import store
from roles.models import Profile
from tests.components.test_team_map_labels import fifteen
from tests.e2e.a11y import serious_violations
from tests.e2e.conftest import screenshot
from tests.e2e.layout import MAP_DRAWN, horizontal_overflow, label_problems
from testsupport.server import start_app, stop_app

pytestmark = pytest.mark.e2e

SIZES = {
    "1440x900": {"width": 1440, "height": 900},
    "1920x1080": {"width": 1920, "height": 1080},
    "390x844": {"width": 390, "height": 844},
    "1280x720": {"width": 1280, "height": 720},
    "3840x2160": {"width": 3840, "height": 2160},
}
WORDS = {
    "en": {"example": "Load example team", "names": "Show names on the map"},
    "zh": {"example": "加载示例团队", "names": "在地图上显示姓名"},
}
SHOTS = Path("/tmp/h21")

# Person markers (the team's and the manager's) and name labels of a chart, in page pixels.
_MARKS_AND_LABELS = """([key, kinds]) => {
  const gd = document.querySelector(`.st-key-${key} .js-plotly-plot`);
  const rect = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const marks = [];
  [...gd.querySelectorAll('.scatterlayer g.trace')].forEach((g, i) => {
    const t = gd._fullData[i];
    if (t && t.meta && kinds.includes(t.meta.kind))
      g.querySelectorAll('path.point').forEach(p => marks.push(rect(p)));
  });
  const labels = [...gd.querySelectorAll('text.shape-label-text, .textpoint text')]
    .map(t => [t.textContent, ...rect(t)]);
  return {marks, labels};
}"""


def _covered(page: Any, key: str, kinds: list[str], names: list[str]) -> list[str]:
    """Name labels whose drawn text covers a person's marker by more than a pixel."""
    found = page.evaluate(_MARKS_AND_LABELS, [key, kinds])
    squashed = {n.replace(" ", "") for n in names}
    out = []
    for text, *box in found["labels"]:
        if text.replace(" ", "") not in squashed:
            continue  # a role's name: drawn under the markers
        for m in found["marks"]:
            if box[0] < m[2] - 1 and m[0] < box[2] - 1 and box[1] < m[3] - 1 and m[1] < box[3] - 1:
                out.append(text)
    return out


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """One server, a 15-person team file and a room of 30 named participants, names shown."""
    tmp = tmp_path_factory.mktemp("visible")
    mp = pytest.MonkeyPatch()
    mp.setenv("SKILLS_MAP_DATA_HOME", str(tmp / "appdata"))
    mp.delenv("SKILLS_MAP_DATABASE_URL", raising=False)
    team = tmp / "fifteen.csv"
    fifteen().to_csv(team, index=False)
    created = store.create_room(title="All-hands workshop")
    rng = random.Random(8)
    names = [f"{first} {last}" for first, last in zip(
        ["Amara", "Bo", "Carlos", "Dana", "Elif", "Farid", "Greta", "Hana", "Ivan", "Julia", "Kofi", "Lea", "Mateo", "Nora", "Omar"]
        * 2,
        ["Okafor", "Chen", "Mendes", "Levi", "Yilmaz", "Haddad", "Holm", "Sato", "Petrov", "Novak", "Mensah", "Meyer", "Cruz", "Berg", "Aziz", "Nair", "Walsh", "Ortiz", "Laine", "Singh", "Rao", "Kral", "Li", "Roux", "Saleh", "Adams", "Mori", "Cohen", "Dubois", "Patel"],
        strict=True,
    )]  # fmt: skip
    for name in names:
        store.submit(
            room=created.room.code,
            participant=store.new_participant_token(),
            profile=Profile(ml=rng.randint(2, 18) / 2, swe=rng.randint(2, 18) / 2, comm=5),
            name=name,
        )
    store.set_room_state(room=created.room.code, key=created.key, screen="map", show_names=True)
    url, proc = start_app(tmp)
    SHOTS.mkdir(exist_ok=True)
    yield {"url": url, "team": team, "room": created.room.code, "names": names}
    stop_app(proc)
    store.default_engine().dispose()
    mp.undo()


def _page(browser: Any, size: str) -> Any:
    phone = size == "390x844"
    context = browser.new_context(viewport=SIZES[size], is_mobile=phone, has_touch=phone)
    page = context.new_page()
    page.set_default_timeout(60_000)
    return page


def _team_names(page: Any, size: str, lang: str) -> str:
    page.get_by_text(WORDS[lang]["names"]).click()
    chart = "team_map_phone" if size == "390x844" else "team_map"
    page.wait_for_function(MAP_DRAWN, arg=chart)
    page.wait_for_function(
        f"() => document.querySelectorAll('.st-key-{chart} .shape-label-text').length > 7"
    )
    page.wait_for_timeout(500)
    return chart


def _everyone_named(page: Any, chart: str, names: list[str]) -> None:
    where = "team_map_wide" if chart == "team_map" else "team_map_narrow"
    on_map = " ".join(page.locator(f".st-key-{chart} .shape-label-text").all_text_contents())
    key = page.locator(f".st-key-{where}").inner_text()
    squashed = on_map.replace(" ", "")
    for name in names:
        assert name.replace(" ", "") in squashed or name in key, name


def _hides_nobody(page: Any, chart: str, names: list[str], shot: str) -> None:
    """No name over a marker, labels apart and inside, everyone named on the map or in the key,
    no sideways scroll, axe clean; then a screenshot of the map."""
    assert _covered(page, chart, ["team"], names) == []
    assert label_problems(page, chart) == []
    _everyone_named(page, chart, names)
    assert horizontal_overflow(page) <= 0
    assert serious_violations(page) == []
    page.locator(f".st-key-{chart}").scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    page.screenshot(path=str(SHOTS / f"{shot}.png"))


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", ["1440x900", "390x844", "1280x720", "3840x2160"])
def test_example_team_with_names_hides_nobody(app, browser, size: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    page = _page(browser, size)
    try:
        page.goto(f"{app['url']}/team?lang={lang}")
        page.get_by_role("button", name=WORDS[lang]["example"]).click()
        page.wait_for_function(MAP_DRAWN, arg="team_map")
        chart = _team_names(page, size, lang)
        names = page.evaluate(
            "() => document.querySelector('.st-key-team_map .js-plotly-plot')._fullData"
            ".filter(t => t.meta && t.meta.kind === 'team')"
            ".flatMap(t => [...t.hovertext].map(h => h.split('</b>')[0].replace('<b>', '')))"
        )
        assert len(names) == 10
        _hides_nobody(page, chart, names, f"team-example-{lang}-{size}")
    finally:
        page.context.close()


@pytest.mark.parametrize("size", ["1440x900", "390x844"])
def test_a_team_of_fifteen_is_named_on_the_map_or_in_its_key(app, browser, size: str) -> None:  # type: ignore[no-untyped-def]
    page = _page(browser, size)
    try:
        page.goto(f"{app['url']}/team")
        page.locator("input[type=file]").set_input_files(str(app["team"]))
        page.wait_for_function(MAP_DRAWN, arg="team_map")
        chart = _team_names(page, size, "en")
        names = list(fifteen()["name"])
        if size == "1440x900":  # measured: 14 of 15 beside their marker
            on_map = page.locator(f".st-key-{chart} .shape-label-text").all_text_contents()
            squashed = "".join(on_map).replace(" ", "")
            assert sum(n.replace(" ", "") in squashed for n in names) >= 14
        _hides_nobody(page, chart, names, f"team-fifteen-{size}")
    finally:
        page.context.close()


_TICK_PX = """() => Math.min(...[...document.querySelectorAll('.st-key-present_map_chart .xtick text')]
  .map(t => t.getBoundingClientRect().height))"""

# The projector map's names, numbers and dots, in page pixels.
_PROJECTED = """() => {
  const gd = document.querySelector('.st-key-present_map_chart .js-plotly-plot');
  const rect = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const out = {names: [], numbers: [], dots: []};
  [...gd.querySelectorAll('.scatterlayer g.trace')].forEach((g, i) => {
    const kind = ((gd._fullData[i] || {}).meta || {}).kind;
    if (kind === 'crowd') g.querySelectorAll('path.point').forEach(p => out.dots.push(rect(p)));
    if (kind === 'names' || kind === 'numbers')
      g.querySelectorAll('.textpoint text').forEach(t => out[kind].push([t.textContent, ...rect(t)]));
  });
  return out;
}"""


def _overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1


def _numbers_cover(found: dict[str, list[list[Any]]]) -> list[str]:
    """Numbers drawn over a name, or over a dot apart from their own (one they are centred
    on) and the dots in a pile with it (touching it: people on nearly the same answers)."""
    out = []
    for text, *box in found["numbers"]:
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        own = [d for d in found["dots"] if d[0] <= cx <= d[2] and d[1] <= cy <= d[3]]
        for dot in found["dots"]:
            pile = any(_overlap(dot, o) or dot == o for o in own)
            if _overlap(box, dot) and not pile:
                out.append(f"number {text} over a dot")
        out += [f"number {text} over {n[0]}" for n in found["names"] if _overlap(box, n[1:])]
    return out


def _readable_names(page: Any, found: dict[str, list[list[Any]]]) -> tuple[set[str], int]:
    """Names on the chart (squashed: a two-line label reads without its break) and in the key
    (each only if its number is on the chart), and how many were keyed."""
    on_chart = {text.replace(" ", "") for text, *_ in found["names"]}
    numbers = set()
    for text, *_ in found["numbers"]:  # "3", or a clump's "3–4"
        first, _, last = text.partition("–")
        numbers |= {str(n) for n in range(int(first), int(last or first) + 1)}
    keyed = page.locator(".st-key-present_key .room-key li").all_inner_texts()
    for entry in keyed:
        number, name = entry.strip().split(maxsplit=1)
        assert number in numbers, f"key entry {entry!r} has no number on the map"
        on_chart.add(name.replace(" ", ""))
    return on_chart, len(keyed)


@pytest.mark.parametrize("size", ["1280x720", "1920x1080", "3840x2160"])
def test_projector_names_every_dot_on_the_map_or_in_its_key_and_scales_with_the_screen(
    app, browser, size: str
) -> None:  # type: ignore[no-untyped-def]
    page = _page(browser, size)
    try:
        page.goto(f"{app['url']}/present?room={app['room']}")
        page.wait_for_function(MAP_DRAWN, arg="present_map_chart")
        page.wait_for_timeout(1000)
        assert _covered(page, "present_map_chart", ["crowd"], app["names"]) == []
        found = page.evaluate(_PROJECTED)
        assert _numbers_cover(found) == []
        readable, keyed = _readable_names(page, found)
        missing = [n for n in app["names"] if n.replace(" ", "") not in readable]
        assert missing == [], f"not readable: {missing}"
        # Numbers are the fallback, not the rule: at least half the names beside their dots
        # (12-20 of 30 over 100 seeded rooms with the key column; this room 17-18, moving with
        # the regions' labels).
        assert len(found["names"]) >= 15, f"{len(found['names'])} of 30 names on the chart"
        tick = page.evaluate(_TICK_PX)
        height = SIZES[size]["height"]
        assert tick >= 20 * height / 720, f"tick text {tick:.0f} px high on a {size} screen"
        if keyed:  # the key's text is the chart's size: read from as far as the ticks
            key_px = page.evaluate(
                "() => parseFloat(getComputedStyle(document.querySelector('.room-key')).fontSize)"
            )
            assert key_px >= 22 * height / 720 - 0.5, f"key text {key_px:.1f} px"
        svg = page.locator(".st-key-present_map_chart .main-svg").first.bounding_box()
        assert svg and svg["height"] >= 0.8 * height - 40 * height / 720
        assert svg["x"] + svg["width"] <= SIZES[size]["width"]
        assert page.evaluate("() => document.documentElement.scrollHeight <= innerHeight + 1")
        assert serious_violations(page) == []
        expect(page.get_by_text("30")).not_to_have_count(0)
        page.screenshot(path=str(SHOTS / f"present-30-{size}.png"))
        screenshot(page, f"present-30-{size}")
    finally:
        page.context.close()
