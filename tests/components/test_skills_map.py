"""The map figure specs: valid for plotly, and the cached base is never changed by a caller."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from components.me.results import build_person_figure
from components.skills_map import base_map, bubble_size
from roles.catalog import load_catalog
from roles.gaps import gaps
from roles.models import Profile


@pytest.mark.parametrize("catalog_id", ["2021", "2022"])
def test_person_figure_passes_plotlys_full_validation(catalog_id: str) -> None:
    catalog = load_catalog(catalog_id)
    p = Profile(ml=1, swe=9, comm=5)
    fig = build_person_figure(p, catalog, gaps(p, catalog, "ml_engineer"))
    validated = go.Figure(fig.to_dict())  # raises on any unknown or ill-typed property
    assert len(validated.data) == len(catalog.roles) + 1
    assert len([a for a in validated.layout.annotations if a.showarrow]) == 1


def test_changing_one_figure_leaves_the_next_base_map_untouched() -> None:
    catalog = load_catalog()
    first = base_map(catalog)
    first.update_layout(title="changed")
    first.data[0].name = "changed"
    second = base_map(catalog)
    assert second.layout.title.text is None
    assert second.data[0].name == catalog.roles[0].name


def test_role_names_from_a_custom_catalog_are_escaped_in_hover_and_labels() -> None:
    catalog = load_catalog()
    evil = catalog.roles[0].model_copy(update={"name": "<img src=x>", "short_name": "<i>x</i>"})
    custom = catalog.model_copy(update={"roles": [evil, *catalog.roles[1:]]})
    fig = base_map(custom)
    assert "&lt;img src=x&gt;" in fig.data[0].text and "<img" not in fig.data[0].text
    assert fig.layout.annotations[0].text == "<b>&lt;i&gt;x&lt;/i&gt;</b>"


def test_bubble_grows_with_communication() -> None:
    assert bubble_size(0) < bubble_size(5) < bubble_size(10)
