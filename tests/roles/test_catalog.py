"""Catalog files: the shipped ones load, broken ones say file, field and fix."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from roles.catalog import CATALOG_FILES, DATA_DIR, load_catalog, load_file, parse_yaml
from roles.errors import CatalogError
from roles.match import match
from roles.models import Catalog, Levels, Profile
from roles.questionnaire_models import Questionnaire
from tests.expected import LECTURE_CHART, ROLE_IDS_2021, lecture_profile


def _roles_data() -> dict:
    return yaml.safe_load((DATA_DIR / "roles.yaml").read_text(encoding="utf-8"))


def test_default_catalog_has_the_six_lecture_roles_in_order() -> None:
    assert load_catalog("2021").role_ids == ROLE_IDS_2021


def test_2022_catalog_drops_the_data_engineer() -> None:
    ids = load_catalog("2022").role_ids
    assert "data_engineer" not in ids and len(ids) == 5


def test_every_role_says_where_its_placement_comes_from() -> None:
    for cid in CATALOG_FILES:
        for role in load_catalog(cid).roles:
            assert cid in role.source and "chart" in role.source


@pytest.mark.parametrize("edition", list(LECTURE_CHART))
def test_roles_keep_the_lecture_order_on_both_axes(edition: str) -> None:
    roles = load_catalog(edition).roles
    chart = LECTURE_CHART[edition]
    by_x = sorted(chart, key=lambda r: chart[r][0])
    by_y = sorted(chart, key=lambda r: chart[r][1])
    place = {r.id: r.region for r in roles}
    assert sorted(place, key=lambda r: place[r].ml) == by_x
    assert sorted(place, key=lambda r: place[r].swe) == by_y


@pytest.mark.parametrize("edition", list(LECTURE_CHART))
def test_communication_bars_follow_the_lecture_bubble_sizes(edition: str) -> None:
    chart = LECTURE_CHART[edition]
    bars = {r.id: r.comm for r in load_catalog(edition).roles}
    for a in chart:
        for b in chart:
            if chart[a][2] > chart[b][2]:
                assert bars[a] > bars[b], (a, b)
            if chart[a][2] == chart[b][2]:
                assert bars[a] == bars[b], (a, b)


@pytest.mark.parametrize("edition", list(LECTURE_CHART))
def test_data_scientist_region_is_the_widest_on_ml(edition: str) -> None:
    roles = load_catalog(edition).roles
    assert max(roles, key=lambda r: r.region.ml_extent).id == "data_scientist"


@pytest.mark.parametrize(
    ("edition", "role"), [(e, r) for e, roles in LECTURE_CHART.items() for r in roles]
)
def test_lecture_description_of_each_role_lands_on_that_role(edition: str, role: str) -> None:
    profile = Profile(**lecture_profile(edition, role))
    assert match(profile, load_catalog(edition))[0].role == role


def test_every_number_of_every_role_has_a_reason() -> None:
    for cid in CATALOG_FILES:
        for role in load_catalog(cid).roles:
            assert all(len(text) > 20 for text in role.why.model_dump().values()), role.id


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (
            lambda d: d["roles"][2]["region"].update(ml_extent=-1),
            "roles[2] (ml_engineer).region.ml_extent",
        ),
        (
            lambda d: d["roles"][0].pop("work_product"),
            "roles[0] (ml_devops).work_product: required field is missing; add it",
        ),
        (lambda d: d["roles"][1].update(colour="orange"), "roles[1] (data_engineer).colour"),
        (lambda d: d["roles"][3].update(comm=12), "roles[3] (ml_researcher).comm"),
        (lambda d: d["roles"][0]["steps"].update(ml=["only one"]), "roles[0] (ml_devops).steps.ml"),
        (
            lambda d: d["roles"][0].update(salary=1),
            "roles[0] (ml_devops).salary: unknown field; remove it",
        ),
        (
            lambda d: d["roles"][1].update(id="ml_devops"),
            "role ids must be unique; repeated: ml_devops",
        ),
    ],
)
def test_broken_catalog_names_file_field_and_fix(mutate, expected: str) -> None:  # type: ignore[no-untyped-def]
    data = _roles_data()
    mutate(data)
    with pytest.raises(CatalogError) as err:
        parse_yaml(yaml.safe_dump(data), Catalog, "my-roles.yaml")
    assert str(err.value).startswith("my-roles.yaml: ")
    assert expected in str(err.value)


def test_invalid_yaml_reports_the_line() -> None:
    with pytest.raises(CatalogError, match=r"bad\.yaml: not valid YAML at line 3"):
        parse_yaml("id: x\ntitle: [a, b\nroles: 1\n", Catalog, "bad.yaml")


def test_missing_and_non_utf8_files_are_reported(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="file not found"):
        load_file(tmp_path / "nope.yaml", Catalog)
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("title: caf\xe9".encode("latin-1"))
    with pytest.raises(CatalogError, match="not UTF-8"):
        load_file(latin, Catalog)


def test_unknown_catalog_id_lists_the_known_ones() -> None:
    with pytest.raises(CatalogError, match="expected one of: 2021, 2022"):
        load_catalog("1999")


@pytest.mark.parametrize("path", sorted(DATA_DIR.glob("*.yaml")), ids=lambda p: p.name)
def test_every_data_file_loads(path: Path) -> None:
    from roles.confidence import ConfidenceModel
    from roles.interview_models import InterviewGuide

    models = {
        "levels.yaml": Levels,
        "questionnaire.yaml": Questionnaire,
        "confidence.yaml": ConfidenceModel,
        "interviews.yaml": InterviewGuide,
    }
    if path.name.startswith("roles"):
        model = Catalog
    elif path.name in models:
        model = models[path.name]
    else:
        from roles.archetypes import ArchetypeCatalog  # the team catalog

        model = ArchetypeCatalog
    loaded = load_file(path, model)
    assert loaded is not None


def test_levels_broken_order_is_explained() -> None:
    text = (DATA_DIR / "levels.yaml").read_text(encoding="utf-8").replace("level: 4", "level: 5", 1)
    with pytest.raises(CatalogError, match=r"anchors must be for levels 0, 2, 4, 6, 8, 10"):
        parse_yaml(text, Levels, "levels.yaml")


def test_questionnaire_with_too_few_items_per_axis_is_refused() -> None:
    data = yaml.safe_load((DATA_DIR / "questionnaire.yaml").read_text(encoding="utf-8"))
    # Three communication questions plus the activities question (which also speaks to it).
    comm = [i for i in data["items"] if i.get("axis") == "comm"]
    data["items"] = [i for i in data["items"] if i.get("axis") != "comm"] + comm[:3]
    with pytest.raises(CatalogError, match="axis 'comm' has 4 items; at least 5 are needed"):
        parse_yaml(yaml.safe_dump(data), Questionnaire, "q.yaml")


def test_repeated_questionnaire_item_id_is_named() -> None:
    data = yaml.safe_load((DATA_DIR / "questionnaire.yaml").read_text(encoding="utf-8"))
    data["items"][1]["id"] = data["items"][0]["id"]
    with pytest.raises(CatalogError, match=f"repeated: {data['items'][0]['id']}"):
        parse_yaml(yaml.safe_dump(data), Questionnaire, "q.yaml")


def test_repeated_archetype_id_is_named() -> None:
    from roles.archetypes import ArchetypeCatalog

    data = yaml.safe_load((DATA_DIR / "archetypes.yaml").read_text(encoding="utf-8"))
    data["archetypes"][1]["id"] = data["archetypes"][0]["id"]
    with pytest.raises(
        CatalogError, match=f"archetype ids must be unique; repeated: {data['archetypes'][0]['id']}"
    ):
        parse_yaml(yaml.safe_dump(data), ArchetypeCatalog, "a.yaml")
