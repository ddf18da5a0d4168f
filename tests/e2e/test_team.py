"""Team page in a real browser: upload a CSV through the file input and see the team on the map."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.a11y import serious_violations
from tests.e2e.conftest import screenshot
from tests.e2e.grid import type_in_cell
from tests.e2e.layout import MAP_DRAWN, horizontal_overflow, label_problems

pytestmark = pytest.mark.e2e

TEAM = (
    "name,ML expertise,Software engineering,Communication,current title\n"
    "Ana Ruiz,7,6,5,ML engineer\n"
    "Ben Osei,2,8,4,Data engineer\n"
    "Chloé Martin,5,2,8,Data scientist\n"
    "Dev Patel,oops,5,5,Analyst\n"
)

_TEAM_POINTS = """() => {
  const plot = document.querySelector('.js-plotly-plot');
  return (plot._fullData || []).filter(t => t.meta && t.meta.kind === 'team')
                  .reduce((n, t) => n + t.x.length, 0);
}"""


def test_uploaded_csv_appears_on_the_map(app_url: str, page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    team_file = tmp_path / "my-team.csv"
    team_file.write_text(TEAM, encoding="utf-8")
    page.goto(f"{app_url}/team")
    page.get_by_text("Upload a team (CSV or Excel)").wait_for()
    page.locator("input[type=file]").set_input_files(str(team_file))
    page.locator(".js-plotly-plot").wait_for()
    page.wait_for_function(f"({_TEAM_POINTS})() === 3")
    assert page.evaluate(_TEAM_POINTS) == 3
    # The row with a bad score is loaded and marked, not silently dropped.
    page.get_by_text("The uploaded file had 1 problem(s) in 1 row(s).").wait_for()
    assert page.get_by_text("Missing roles").count() >= 1
    shot = screenshot(page, "team-upload")
    assert shot.stat().st_size > 10_000
    page.locator(".js-plotly-plot").scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    map_shot = screenshot(page, "team-upload-map")
    assert map_shot.stat().st_size > 10_000


_EDITOR = ".st-key-team_editor [data-testid='stDataFrame']"
_MARKED = "ML expertise: 'oops'; expected a number from 0 to 10"


def test_a_bad_row_is_loaded_marked_and_fixed_in_place(app_url: str, sized, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Dev Patel's score 'oops' puts him in the table with the problem beside it; typing a score
    there puts him on the map, next to the three who were there all along."""
    size, page = sized
    team_file = tmp_path / "my-team.csv"
    team_file.write_text(TEAM, encoding="utf-8")
    page.goto(f"{app_url}/team")
    page.get_by_text("Upload a team (CSV or Excel)").wait_for()
    page.locator("input[type=file]").set_input_files(str(team_file))
    page.locator(".js-plotly-plot").first.wait_for()
    page.wait_for_function(f"({_TEAM_POINTS})() === 3")
    grid = page.locator(_EDITOR)
    # The grid's accessible table (what a screen reader reads) has the column and the row.
    expect(grid.locator("th", has_text="Problem (when loaded)")).to_have_count(1)
    expect(grid.locator("td", has_text=_MARKED)).to_have_count(1)
    expect(grid.locator("td", has_text="Dev Patel")).to_have_count(1)
    assert serious_violations(page) == []
    assert horizontal_overflow(page) <= 0
    grid.scroll_into_view_if_needed()
    shots = Path("/tmp/h21b")
    shots.mkdir(exist_ok=True)
    page.screenshot(path=str(shots / f"upload-bad-row-{size}.png"), full_page=True)
    if size != "1440x900":
        return
    type_in_cell(page, grid, 4, "ML expertise", "6", x=60)
    page.wait_for_function(f"({_TEAM_POINTS})() === 4")
    expect(page.get_by_text("In the table (these rows are not on the map)")).to_have_count(0)
    assert serious_violations(page) == []
    page.screenshot(path=str(shots / f"upload-bad-row-fixed-{size}.png"), full_page=True)


def test_example_team_report_downloads_and_opens(app_url: str, page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{app_url}/team")
    page.get_by_role("button", name="Load example team").click()
    page.get_by_text(
        "Missing roles (nobody covers them): ML DevOps / platform engineer, Data engineer"
    ).wait_for()
    page.get_by_role("tab", name="Archetype and hire next").click()
    page.get_by_text("Hire next: fill the gaps", exact=True).wait_for()
    page.locator(".js-plotly-plot").scroll_into_view_if_needed()
    screenshot(page, "team-example-map")
    page.get_by_role("tab", name="Export").click()
    with page.expect_download() as info:
        page.get_by_role("button", name="One-page report (HTML)").click()
    report = tmp_path / "report.html"
    info.value.save_as(report)
    text = report.read_text(encoding="utf-8")
    assert "Priya Raman" in text and "Hire next: fill the gaps" in text
    assert report.stat().st_size < 400_000 and "<script" not in text  # no plotly.js inside
    viewer = page.context.new_page()
    viewer.goto(report.as_uri())
    image = viewer.get_by_role("img", name=re.compile(r"^Team map of 10 people\."))
    expect(image).to_be_visible()
    assert viewer.evaluate("() => document.querySelector('img').naturalWidth") > 800
    assert serious_violations(viewer) == []
    screenshot(viewer, "team-report")
    viewer.close()


def test_example_team_passes_axe_and_its_map_labels_fit(app_url: str, sized) -> None:  # type: ignore[no-untyped-def]
    size, page = sized
    page.goto(f"{app_url}/team")
    page.get_by_role("button", name="Load example team").click()
    page.wait_for_function(MAP_DRAWN, arg="team_map", timeout=60_000)
    assert serious_violations(page) == []
    page.get_by_text("Show names on the map").click()
    # The map placed for this width is the one shown: the desktop one, or the phone one.
    chart = "team_map" if size == "1440x900" else "team_map_phone"
    page.wait_for_function(MAP_DRAWN, arg=chart, timeout=60_000)
    page.wait_for_function(
        f"() => document.querySelectorAll('.st-key-{chart} .shape-label-text').length > 7"
    )
    assert label_problems(page, chart) == []
    assert horizontal_overflow(page) <= 0
    legend = page.locator(f".st-key-{chart} .legend").first  # a redraw may briefly show two
    expect(legend).to_contain_text("Best-fit role (people)")
    expect(legend).to_be_visible()
    # Every person is named on the map or, with their number, in the key under it.
    on_map = page.locator(f".st-key-{chart} .shape-label-text").all_text_contents()
    key = page.locator(f".st-key-team_map_{'wide' if chart == 'team_map' else 'narrow'}")
    for name in ("Priya Raman", "Tomás Ortega", "Mei Chen", "Daniel Kim", "Oskar Lind"):
        assert any(name.split()[0] in t for t in on_map) or name in key.inner_text(), name
    page.get_by_role("tab", name="Coverage").click()
    # The researchers (the research engineer Oskar Lind fits the ML engineer best since the
    # 2026-12-07 refit of the regions).
    who = page.get_by_role("cell", name="Amara Okafor, Lukas Novak, Sofia Rossi", exact=True)
    expect(who).to_be_visible()  # the whole list, wrapped, not cut at a column edge
    screenshot(page, f"team-example-{size}")
