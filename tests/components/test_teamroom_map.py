"""The manager's ratings on the team map: a second marker joined to the member's own point."""

from __future__ import annotations

import pandas as pd

from components.team.map import team_map_figure
from components.teamroom.map import add_manager_ratings, rating_points
from roles.coverage import team_fits
from roles.models import Catalog


def _fitted(catalog: Catalog, rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    for column in ("manager_ml", "manager_swe", "manager_comm"):
        frame[column] = frame.get(column, pd.Series([None] * len(frame))).astype(float)
    return team_fits(frame, catalog)


def test_a_measure_left_unrated_takes_the_members_own_value(catalog: Catalog) -> None:
    fitted = _fitted(
        catalog,
        [
            {"name": "Ana", "ml": 7, "swe": 7, "comm": 5, "manager_swe": 4},
            {"name": "Bo", "ml": 2, "swe": 8, "comm": 4, "manager_comm": 2},  # moves nothing
            {"name": "<Cy>", "ml": 5, "swe": 5, "comm": 5, "manager_ml": 9, "manager_swe": 1},
        ],
    )
    points = rating_points(fitted)
    assert [p["manager"] for p in points] == [(7.0, 4.0), (9.0, 1.0)]
    assert points[0]["own"] == (7.0, 7.0)
    assert "Your rating of &lt;Cy&gt;" in points[1]["hover"]
    assert "Communication –" in points[0]["hover"]


def test_the_figure_gets_one_line_trace_and_one_marker_trace(catalog: Catalog) -> None:
    fitted = _fitted(catalog, [{"name": "Ana", "ml": 7, "swe": 7, "comm": 5, "manager_swe": 4}])
    fig = add_manager_ratings(team_map_figure(fitted, catalog), fitted)
    kinds = [(t.meta or {}).get("kind") for t in fig.data]
    assert kinds.count("self_vs_manager") == 1 and kinds.count("manager") == 1
    line = next(t for t in fig.data if (t.meta or {}).get("kind") == "self_vs_manager")
    assert list(line.x)[:2] == [7.0, 7.0] and list(line.y)[:2] == [7.0, 4.0]


def test_without_ratings_the_map_is_unchanged(catalog: Catalog) -> None:
    fitted = _fitted(catalog, [{"name": "Ana", "ml": 7, "swe": 7, "comm": 5}])
    fig = team_map_figure(fitted, catalog)
    before = len(fig.data)
    assert len(add_manager_ratings(fig, fitted).data) == before
    plain = team_fits(pd.DataFrame([{"name": "Bo", "ml": 1, "swe": 1, "comm": 1}]), catalog)
    assert len(add_manager_ratings(team_map_figure(plain, catalog), plain).data) == len(
        team_map_figure(plain, catalog).data
    )
