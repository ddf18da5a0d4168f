"""Everyone visible on the Team map: each name beside its marker or a number with a key, no
label over a marker (measured at every scale the map is placed for), every mark over the labels."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from components.label_shapes import label_box
from components.team.map import MAP_SCALES, spread_overlaps, team_map_figure
from components.teamroom.map import add_manager_ratings
from roles.catalog import DATA_DIR, load_catalog
from roles.coverage import analyse_team
from roles.team import parse_team_bytes

_FIFTEEN = [
    "Alexandra Petrova", "Ben Okoro", "Chloé Dubois", "Diego Alvarez", "Emma Lindqvist",
    "Farhan Siddiqui", "Grace Obi", "Hiro Tanaka", "Isabel Costa", "Jakub Nowak", "Kavya Iyer",
    "Liam O'Brien", "Maya Cohen", "Noah Schmidt", "Olga Ivanova",
]  # fmt: skip


def _example(lang: str = "en") -> pd.DataFrame:
    name = "example_team.csv" if lang == "en" else "example_team_zh.csv"
    return parse_team_bytes((DATA_DIR / name).read_bytes(), name).members


def fifteen(seed: int = 1) -> pd.DataFrame:
    """Fifteen people spread over the middle of the map, as a real team is."""
    rng = np.random.default_rng(seed)
    halves = np.arange(2, 9.5, 0.5)
    return pd.DataFrame(
        {
            "name": _FIFTEEN,
            "ml": rng.choice(halves, 15),
            "swe": rng.choice(halves, 15),
            "comm": rng.choice(np.arange(3, 8.5, 0.5), 15),
        }
    )


def _figure(members: pd.DataFrame, width: str, lang: str = "en") -> tuple[go.Figure, Any]:
    catalog = load_catalog(lang=lang)  # type: ignore[arg-type]
    analysis = analyse_team(members, catalog)
    fig = team_map_figure(
        analysis.fitted, catalog, show_names=True, centroid=analysis.centroid, width=width
    )
    return fig, analysis


def _name_labels(fig: go.Figure) -> list[Any]:
    return [s for s in fig.layout.shapes if s.name == "label"]


TEAMS = {
    "example": lambda: _example("en"),
    "example-zh": lambda: _example("zh"),
    "fifteen": fifteen,
    "fifteen-2": lambda: fifteen(2),
}


@pytest.mark.parametrize("width", list(MAP_SCALES))
@pytest.mark.parametrize("team", list(TEAMS))
def test_every_name_is_beside_its_marker_or_numbered_in_the_key(team: str, width: str) -> None:
    members = TEAMS[team]()
    fig, analysis = _figure(members, width, "zh" if team.endswith("zh") else "en")
    labelled = {s.label.text.replace("<br>", " ") for s in _name_labels(fig)}
    key = fig.layout.meta["numbered"]
    assert [k for k, _ in key] == list(range(1, len(key) + 1))
    assert labelled | {name for _, name in key} >= set(members["name"])
    assert not labelled & {name for _, name in key}
    numbers = [t for t in fig.data if (t.meta or {}).get("kind") == "numbers"]
    if key:  # each number sits on its own person's marker, drawn after (over) the markers
        x, y = spread_overlaps(analysis.fitted["ml"].to_numpy(), analysis.fitted["swe"].to_numpy())
        where = dict(zip(analysis.fitted["name"], zip(x, y, strict=True), strict=True))
        assert list(numbers[0].text) == [str(k) for k, _ in key]
        assert list(zip(numbers[0].x, numbers[0].y, strict=True)) == [where[n] for _, n in key]
        kinds = [(t.meta or {}).get("kind") for t in fig.data]
        assert kinds.index("numbers") > max(i for i, k in enumerate(kinds) if k == "team")
    else:
        assert numbers == []


@pytest.mark.parametrize("team", ["example", "fifteen", "fifteen-2"])
def test_a_desktop_map_names_nearly_everyone_beside_their_marker(team: str) -> None:
    """Measured at 1440x900 (about 55 px per point): 9 of the 10 example people and 14 of
    these 15 are named beside their marker; before, 6 of 10 and 4 of 15 were."""
    fig, _ = _figure(TEAMS[team](), "wide")
    assert len(fig.layout.meta["numbered"]) <= 1


@pytest.mark.parametrize("width", list(MAP_SCALES))
@pytest.mark.parametrize("team", list(TEAMS))
def test_no_label_covers_a_persons_marker_at_any_scale_it_is_placed_for(
    team: str, width: str
) -> None:
    fig, _ = _figure(TEAMS[team](), width, "zh" if team.endswith("zh") else "en")
    people = [t for t in fig.data if (t.meta or {}).get("kind") == "team"]
    assert people
    for s in fig.layout.meta["scales"]:
        boxes = [label_box(shape.to_plotly_json(), (s, s)) for shape in _name_labels(fig)]
        for trace in people:
            for x, y, size in zip(trace.x, trace.y, trace.marker.size, strict=True):
                r = size / 2
                marker = (x * s - r, y * s - r, x * s + r, y * s + r)
                for b in boxes:
                    hit = b[0] < marker[2] and marker[0] < b[2] and b[1] < marker[3]
                    assert not (hit and marker[1] < b[3]), f"a label covers ({x}, {y}) at {s}"


def test_every_label_is_a_box_under_the_markers_so_no_mark_is_ever_hidden() -> None:
    members = _example().assign(manager_ml=np.nan, manager_swe=np.nan, manager_comm=np.nan)
    members.loc[0, "manager_swe"] = 2.0
    catalog = load_catalog()
    analysis = analyse_team(members, catalog)
    fig = team_map_figure(analysis.fitted, catalog, show_names=True, centroid=analysis.centroid)
    fig = add_manager_ratings(fig, analysis.fitted)
    # Plotly draws annotations over every trace: the Team map has none with text.
    assert not [a for a in fig.layout.annotations if a.text]
    labels = [s for s in fig.layout.shapes if s.label and s.label.text]
    assert len(labels) >= len(catalog.roles) + 1  # the roles, the centre and names
    assert {s.layer for s in labels} == {"between"}  # above the grid, under every trace
    kinds = [(t.meta or {}).get("kind") for t in fig.data]
    assert kinds.index("manager") > kinds.index("centroid")
    assert kinds.index("manager") > kinds.index("centres")
