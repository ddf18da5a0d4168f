"""Team page in a real browser: upload a CSV through the file input and see the team on the map."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import screenshot

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
    # The row with a bad score is named, not silently dropped.
    page.get_by_text("In the uploaded file (these rows were not loaded)").wait_for()
    assert page.get_by_text("Missing roles").count() >= 1
    shot = screenshot(page, "team-upload")
    assert shot.stat().st_size > 10_000
    page.locator(".js-plotly-plot").scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    map_shot = screenshot(page, "team-upload-map")
    assert map_shot.stat().st_size > 10_000


def test_example_team_report_downloads_and_opens(app_url: str, page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{app_url}/team")
    page.get_by_role("button", name="Load example team").click()
    page.get_by_text(
        "Missing roles (nobody fits at 80): ML DevOps / platform engineer, Data engineer"
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
    viewer = page.context.new_page()
    viewer.goto(report.as_uri())
    viewer.locator(".js-plotly-plot").wait_for()
    viewer.wait_for_timeout(500)
    screenshot(viewer, "team-report")
    viewer.close()
