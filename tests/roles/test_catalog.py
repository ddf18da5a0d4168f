"""Catalog files: the shipped ones load, broken ones say file, field and fix."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from roles.catalog import CATALOG_FILES, DATA_DIR, load_catalog, load_file, parse_yaml
from roles.errors import CatalogError
from roles.models import Catalog, Levels, Questionnaire
from tests.expected import ROLE_IDS_2021


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


def test_ml_engineer_sits_between_data_engineer_and_researcher_on_ml() -> None:
    c = load_catalog("2021")
    ml = {r.id: r.region.ml for r in c.roles}
    swe = {r.id: r.region.swe for r in c.roles}
    assert ml["ml_devops"] < ml["data_engineer"] < ml["ml_engineer"] < ml["ml_researcher"]
    assert swe["ml_devops"] > swe["data_engineer"] > swe["ml_engineer"] > swe["ml_researcher"]
    widest = max(c.roles, key=lambda r: r.region.ml_extent * r.region.swe_extent)
    assert widest.id == "data_scientist"
    assert max(c.roles, key=lambda r: r.comm).id == "ml_product_manager"


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
    models = {"levels.yaml": Levels, "questionnaire.yaml": Questionnaire}
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
    data["items"] = [i for i in data["items"] if i["axis"] != "comm"][:-1] + [
        i for i in data["items"] if i["axis"] == "comm"
    ][:4]
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
