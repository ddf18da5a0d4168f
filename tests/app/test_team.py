"""Team page through AppTest, plus the page's pure figure and report builders."""

from __future__ import annotations

import base64
import io
import json
import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from openpyxl import Workbook
from streamlit.testing.v1 import AppTest

from components.team.map import spread_overlaps, team_map_figure
from components.team.report import build_report_html, map_png
from roles.coverage import analyse_team
from roles.models import Catalog
from tests.app.helpers import app, html_bodies, shown, texts
from tests.roles.hostile_files import dimension_bomb

ROOT = Path(__file__).resolve().parents[2]
PAGE = str(ROOT / "views" / "team.py")
MISSING_BOTH = "Missing roles (nobody covers them): ML DevOps / platform engineer, Data engineer"


def _page() -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=30)
    at.run()
    return at


def _with_example() -> AppTest:
    at = _page()
    next(b for b in at.button if b.label == "Load example team").click().run()
    assert not at.exception
    return at


def _figure(at: AppTest) -> dict[str, Any]:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def _values(v: Any) -> np.ndarray:
    if isinstance(v, dict):
        return np.frombuffer(base64.b64decode(v["bdata"]), v["dtype"])
    return np.asarray(v)


def _problems(at: AppTest) -> pd.DataFrame:
    return next(d.value for d in at.dataframe if "expected" in d.value.columns)


def _people(fig: dict[str, Any]) -> int:
    return sum(len(_values(t["x"])) for t in fig["data"] if t.get("meta", {}).get("kind") == "team")


def test_empty_page_invites_loading_a_team() -> None:
    at = _page()
    assert "load the example team" in at.info[0].value
    assert not at.get("plotly_chart")


def test_example_team_shows_ten_people_and_two_missing_roles() -> None:
    at = _with_example()
    assert _people(_figure(at)) == 10
    assert MISSING_BOTH in [w.value for w in at.warning]


def test_editing_a_score_changes_coverage() -> None:
    at = _with_example()
    # Row 2 is Mei Chen; move her into the data engineer region.
    at.session_state["team_editor"] = {
        "edited_rows": {2: {"ml": 2.5, "swe": 7.0, "comm": 4.5}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    warnings = [w.value for w in at.warning]
    assert "Missing roles (nobody covers them): ML DevOps / platform engineer" in warnings
    assert MISSING_BOTH not in warnings


def test_half_filled_new_row_is_listed_not_dropped() -> None:
    at = _with_example()
    at.session_state["team_editor"] = {
        "edited_rows": {},
        "added_rows": [{"name": "Newcomer", "ml": 6.0}],
        "deleted_rows": [0],
    }
    at.run()
    problems = _problems(at)
    assert problems[["row", "column"]].values.tolist() == [
        ["10", "Software engineering"],
        ["10", "Communication"],
    ]
    assert _people(_figure(at)) == 9


def test_bad_rows_are_loaded_marked_and_fixed_in_place() -> None:
    at = _page()
    data = b"name,ml,swe,comm\nAna,7,6,5\nBen,abc,8,4\nCai,3,11,6\nana,1,1,1\nDee,2,8,4\n"
    at.file_uploader(key="team_upload").set_value(("broken.csv", data, "text/csv")).run()
    assert not at.exception
    base = at.session_state["team_base"]
    assert base["name"].tolist() == ["Ana", "Ben", "Cai", "ana", "Dee"]  # none dropped
    assert base["problem"].tolist() == [
        "",
        "ML expertise: 'abc'; expected a number from 0 to 10",
        "Software engineering: '11'; expected a number from 0 to 10",
        "name: 'ana'; expected a unique name; row 2 already has it",
        "",
    ]
    assert any("had 3 problem(s) in 3 row(s)" in shown(w.value) for w in at.warning)
    assert _problems(at)["row"].tolist() == ["2", "3", "4"]  # the table's rows, as they are now
    assert _people(_figure(at)) == 2  # the valid rows are on the map meanwhile
    # The manager fixes Ben's score in the table: Ben joins the map.
    at.session_state["team_editor"] = {
        "edited_rows": {1: {"ml": 6.0}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert _problems(at)["row"].tolist() == ["3", "4"]
    assert _people(_figure(at)) == 3


def test_a_role_column_is_kept_and_an_unknown_one_is_said() -> None:
    at = _page()
    data = "Full name,ML Skill (1-5),SWE,Communication skills,Role,Dept,[x](http://e.vil)\n"
    data += "Ana,4,3,5,Lead,R&D,1\n"
    at.file_uploader(key="team_upload").set_value(("t.csv", data.encode(), "text/csv")).run()
    assert at.session_state["team_base"]["title"].tolist() == ["Lead"]
    note = next(c.value for c in at.caption if "Not used" in c.value)
    assert "Not used: the column(s) 'Dept', '\\[x\\]" in note
    assert "](http" not in note  # a header is shown as written, never as a link


def test_unreadable_upload_says_why_and_leaves_the_table_alone() -> None:
    at = _with_example()
    at.file_uploader(key="team_upload").set_value(("t.csv", b"name,ml\nA,1\n", "text/csv")).run()
    assert "t.csv was not loaded: missing column(s)" in shown(at.error[0].value)
    assert _people(_figure(at)) == 10


def test_a_hostile_workbook_is_refused_naming_the_limit_and_the_table_stays() -> None:
    at = _with_example()
    bomb = dimension_bomb()  # 1 KB claiming 17 billion cells
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    at.file_uploader(key="team_upload").set_value(("bomb.xlsx", bomb, xlsx)).run()
    assert not at.exception
    assert (
        "bomb.xlsx was not loaded: the Excel file is too large for a team file: a value in row 1,048,576"
        in shown(at.error[0].value)
    )
    assert _people(_figure(at)) == 10


def test_a_workbook_s_sheet_with_the_columns_is_read_and_named() -> None:
    book = Workbook()
    book.active.title = "Notes"
    book.active.append(["Read me first"])
    team = book.create_sheet("People")
    team.append(["name", "ml", "swe", "comm"])
    team.append(["Ana", 7, 6, 5])
    buffer = io.BytesIO()
    book.save(buffer)
    at = _page()
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    at.file_uploader(key="team_upload").set_value(("two.xlsx", buffer.getvalue(), xlsx)).run()
    assert not at.error
    assert any("Read from the sheet 'People'." in c.value for c in at.caption)
    assert _people(_figure(at)) == 1


def test_a_workbook_s_sheet_can_be_chosen() -> None:
    book = Workbook()
    book.active.title = "Notes"
    book.active.append(["Read me first"])
    for title, people in (("2024", ["Ana"]), ("2025", ["Ana", "Ben", "Cai"])):
        sheet = book.create_sheet(title)
        sheet.append(["Name", "ML", "SWE", "Comm"])
        for person in people:
            sheet.append([person, 7, 6, 5])
    buffer = io.BytesIO()
    book.save(buffer)
    at = _page()
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    at.file_uploader(key="team_upload").set_value(("two.xlsx", buffer.getvalue(), xlsx)).run()
    choice = at.selectbox(key="team_sheet")
    assert choice.options == ["Notes", "2024", "2025"]
    assert choice.value == "2024"  # the first sheet with the needed columns
    assert _people(_figure(at)) == 1
    choice.set_value("2025").run()
    assert _people(_figure(at)) == 3
    assert any("Read from the sheet '2025'." in c.value for c in at.caption)


def test_one_to_five_file_is_detected_and_can_be_overridden() -> None:
    at = _page()
    data = b"name,ml,swe,comm\nAna,5,3,1\nBen,2,4,4\n"
    at.file_uploader(key="team_upload").set_value(("t.csv", data, "text/csv")).run()
    assert any("1-5 scale (detected)" in shown(c.value) for c in at.caption)
    ml = sorted(
        np.concatenate(
            [
                _values(t["x"])
                for t in _figure(at)["data"]
                if t.get("meta", {}).get("kind") == "team"
            ]
        )
    )
    assert ml[-1] == pytest.approx(9.0, abs=0.5)  # a 5 is the top fifth's middle, not the edge
    at.radio(key="team_scale").set_value("0-10").run()
    assert any("0-10 scale (chosen)" in shown(c.value) for c in at.caption)


def test_choosing_embedded_archetype_gives_hire_next() -> None:
    at = _with_example()
    at.selectbox(key="team_archetype").set_value("ml_embedded_in_product").run()
    hires = [m.value for m in at.markdown if m.value[:3] in ("1. ", "2. ", "3. ")]
    # The roles the goal needs and nobody covers come first.
    assert hires[0].startswith("1. **Data engineer**")
    assert hires[1].startswith("2. **ML DevOps / platform engineer**")


def test_the_closest_archetype_is_suggested_not_applied() -> None:
    at = _with_example()
    assert at.selectbox(key="team_archetype").value == "auto"
    page = " ".join(m.value for m in at.markdown) + " ".join(c.value for c in at.caption)
    assert "Closest to your team today: " in page
    assert "Hire next: fill the gaps" in [s.value for s in at.subheader]
    hires = [m.value for m in at.markdown if m.value[:3] in ("1. ", "2. ")]
    # Without a goal, hire next follows what the team's own work relies on most.
    assert hires[0].startswith("1. **Data engineer**")
    assert "The work of 8 people on the team relies on it" in hires[0]
    use = next(b for b in at.button if b.label.startswith("Use "))
    use.click().run()
    assert at.selectbox(key="team_archetype").value != "auto"


def test_unicorn_posting_is_flagged_with_suggestions() -> None:
    at = _with_example()
    at.toggle(key="team_posting_on").set_value(True).run()
    at.select_slider(key="team_post_ml").set_value(9.5).run()
    at.select_slider(key="team_post_swe").set_value(9.5).run()
    assert any("unicorn" in e.value and "Split it into two roles" in e.value for e in at.error)
    kinds = [t.get("meta", {}).get("kind") for t in _figure(at)["data"]]
    assert "posting" in kinds


def test_the_posting_check_is_one_click_away_beside_the_map_in_half_steps() -> None:
    at = _with_example()
    assert "Job posting check" not in [t.label for t in at.tabs]  # no tab to find first
    at.toggle(key="team_posting_on").set_value(True).run()
    slider = at.select_slider(key="team_post_ml")
    assert slider.value == 8.0
    assert [slider.format_func(v) for v in (8.0, 7.5, 0.0)] == ["8", "7.5", "0"]
    # The map and the posting's inputs share one row of columns: the inputs beside the result.
    assert any(c.get("plotly_chart") for c in at.columns)
    assert any(c.get("select_slider") for c in at.columns)


def test_someone_outside_their_best_fits_region_is_named_and_covers_nothing() -> None:
    at = _with_example()
    # Row 2 is Mei Chen; move her between regions, where no role's region holds her.
    at.session_state["team_editor"] = {
        "edited_rows": {2: {"ml": 2.0, "swe": 2.5, "comm": 5.0}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    said = " ".join(c.value for c in at.caption)
    assert "Outside the region of their best fit, so covering no role yet: Mei Chen" in said
    table = next(b for b in html_bodies(at) if "sm-table" in b)
    assert "Mei Chen" not in table


def _odd_team() -> pd.DataFrame:
    return pd.DataFrame(
        [
            ("<script>alert(1)</script>", 5, 5, 5, ""),
            ("Twin A", 5, 5, 5, ""),
            ("=cmd()", 1, 9, 4, ""),
        ],
        columns=["name", "ml", "swe", "comm", "title"],
    )


def test_map_escapes_names_and_separates_people_on_the_same_spot(catalog: Catalog) -> None:
    analysis = analyse_team(_odd_team(), catalog)
    fig = team_map_figure(analysis.fitted, catalog, show_names=True, centroid=analysis.centroid)
    drawn = fig.to_plotly_json()
    text = json.dumps([drawn["data"], drawn["layout"]["annotations"]])
    assert "<script>" not in text and "&lt;script&gt;" in text
    x, y = spread_overlaps(np.array([5.0, 5.0, 5.0]), np.array([5.0, 5.0, 5.0]))
    assert len({(round(a, 3), round(b, 3)) for a, b in zip(x, y, strict=True)}) == 3
    assert (x[0], y[0]) == (5.0, 5.0)
    assert [t.meta["kind"] for t in fig.data if t.meta["kind"] == "centroid"] == ["centroid"]


def test_report_is_small_self_contained_and_escapes_names(catalog: Catalog) -> None:
    analysis = analyse_team(_odd_team(), catalog, archetype_id="ml_embedded_in_product")
    fig = team_map_figure(analysis.fitted, catalog)
    png = map_png(fig)
    if png is None:
        pytest.skip("no Chrome or Chromium for kaleido on this machine")
    assert png.startswith(b"\x89PNG")
    page = build_report_html(analysis, catalog, png, alt="The team on the map.")
    assert "<script" not in page and "Plotly" not in page  # no 4.8 MB of plotly.js
    assert len(page.encode()) < 400_000
    assert '<img src="data:image/png;base64,' in page and 'alt="The team on the map."' in page
    assert "&lt;script&gt;alert(1)" in page
    assert "Hire next for &ldquo;ML embedded in product teams&rdquo;" in page
    assert "People in its region" in page and "inside its region or beyond it" in page


def test_report_without_a_browser_still_has_the_tables(catalog: Catalog) -> None:
    analysis = analyse_team(_odd_team(), catalog)
    page = build_report_html(analysis, catalog, None)
    assert "<img" not in page and "could not be made on this server" in page
    assert "Twin A" in page


def test_coverage_is_a_wrapping_table_named_for_what_it_counts() -> None:
    at = _with_example()
    assert not any("who" in d.value.columns for d in at.dataframe)  # no clipping data grid
    table = next(b for b in html_bodies(at) if "sm-table" in b)
    assert "People in its region" in table and "Who (best fit first)" in table
    assert "Amara Okafor, Lukas Novak, Sofia Rossi" in table
    assert "coverage counts each person once, as the map's legend does." in texts(at)
    assert _figure(at)["layout"]["legend"]["title"]["text"] == "Best-fit role (people)"


def test_hire_next_speaks_of_whole_people() -> None:
    at = _with_example()
    at.selectbox(key="team_archetype").set_value("ml_embedded_in_product").run()
    hires = [m.value for m in at.markdown if "calls for about" in m.value]
    assert hires and all(re.search(r"\(about \d+ of \d+ people\)", h) for h in hires)
    assert not any(re.search(r"\d\.\d of \d+ people", h) for h in hires)


def test_team_map_is_described_and_names_everyone_on_the_map_or_in_its_key() -> None:
    at = _with_example()
    alt = at.get("plotly_chart")[0].proto.alt
    assert alt.startswith("Team map of 10 people.") and "Data scientist: 2 (" in alt
    at.toggle(key="team_names").set_value(True).run()
    charts = at.get("plotly_chart")
    assert len(charts) == 2  # placed for a desktop column and for a phone
    keys = [c.value for c in at.caption if c.value.startswith("Numbers on the map")]
    for chart in charts:
        figure = json.loads(chart.proto.spec)
        shapes = figure["layout"]["shapes"]
        labels = [s["label"]["text"].replace("<br>", " ") for s in shapes if s.get("label")]
        numbered = [name for _, name in figure["layout"]["meta"]["numbered"]]
        for name in ("Priya Raman", "Tomás Ortega", "Mei Chen", "Sofia Rossi", "Daniel Kim"):
            assert any(name in label for label in labels) or name in numbered, name
        if numbered:
            assert any(all(n in k for n in numbered) for k in keys)


def test_a_chinese_file_with_a_bad_row_is_read_and_marked_in_chinese() -> None:
    at = app("views/team.py", lang="zh").run()
    data = "姓名,机器学习能力,软件工程能力,沟通能力,职位,部门\n李雷,7,6,5,工程师,研发\n韩梅梅,七,6,5,,研发\n"
    at.file_uploader(key="team_upload").set_value(("团队.csv", data.encode(), "text/csv")).run()
    assert not at.exception
    base = at.session_state["team_base"]
    assert base["name"].tolist() == ["李雷", "韩梅梅"]
    assert base["title"].tolist() == ["工程师", ""]
    marked = base["problem"].tolist()[1]
    assert "'七'" in marked and "应为" in marked and "expected" not in marked
    assert any("未使用的列：'部门'。" in shown(c.value) for c in at.caption)
    assert any("上传的文件中有 1 行共 1 个问题" in shown(w.value) for w in at.warning)
