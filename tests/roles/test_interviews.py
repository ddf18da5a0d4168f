"""Getting the job: data/interviews.yaml loads and refuses bad references, and a person's list of
assessments follows the role's likelihoods and the person's own gaps."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from roles.catalog import CATALOG_FILES, DATA_DIR, load_catalog
from roles.errors import CatalogError
from roles.interviews import INTERVIEWS_FILE, load_interviews, plan_interviews, read_interviews

GUIDE = load_interviews("en")
ROLE_IDS = [r.id for r in GUIDE.roles]
gap_values = st.sampled_from([x / 2 for x in range(21)])  # the sliders' 0.5 steps, 0-10
shortfalls = st.fixed_dictionaries({"ml": gap_values, "swe": gap_values, "comm": gap_values})


def _raw() -> dict[str, Any]:
    return yaml.safe_load((DATA_DIR / INTERVIEWS_FILE).read_text(encoding="utf-8"))


def _write(tmp_path: Path, doc: dict[str, Any]) -> Path:
    path = tmp_path / INTERVIEWS_FILE
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return path


def _order(role: str, shortfall: dict[str, float]) -> list[str]:
    plan = plan_interviews(GUIDE, role, shortfall)
    assert plan is not None
    return [a.id for a in plan.assessments]


def test_every_role_of_every_shipped_catalog_has_a_plan_in_both_languages() -> None:
    roles = {rid for cid in CATALOG_FILES for rid in load_catalog(cid).role_ids}
    assert roles == set(ROLE_IDS)
    zh = load_interviews("zh")
    assert zh.note != GUIDE.note and "解读" in zh.note
    assert "our own reading" in GUIDE.note


def test_without_gaps_the_most_likely_come_first() -> None:
    none = {"ml": 0.0, "swe": 0.0, "comm": 0.0}
    for role in GUIDE.roles:
        plan = plan_interviews(GUIDE, role.id, none)
        assert plan is not None
        weights = [GUIDE.likelihood(a.likely).weight for a in plan.assessments]
        assert weights == sorted(weights, reverse=True), role.id


def test_a_software_gap_puts_coding_and_pair_debugging_first_for_a_researcher() -> None:
    assert _order("ml_researcher", {"ml": 0, "swe": 0, "comm": 0})[:3] == [
        "ml_theory",
        "math_puzzles",
        "project_deep_dive",
    ]
    moved = _order("ml_researcher", {"ml": 0, "swe": 3, "comm": 0})
    assert moved[:2] == ["coding", "pair_debugging"]


def test_an_ml_gap_puts_theory_and_the_applied_assessment_first_for_a_devops_engineer() -> None:
    moved = _order("ml_devops", {"ml": 4, "swe": 0, "comm": 0})
    assert moved.index("applied_ml") < moved.index("take_home")
    assert moved.index("ml_theory") < moved.index("background_fit")


@given(st.sampled_from(ROLE_IDS), shortfalls, st.sampled_from(["ml", "swe", "comm"]), gap_values)
def test_a_larger_gap_never_moves_the_preparation_that_answers_it_down(
    role: str, shortfall: dict[str, float], axis: str, more: float
) -> None:
    before = _order(role, shortfall)
    after = _order(role, {**shortfall, axis: shortfall[axis] + more})
    for a in before:
        if GUIDE.kind(a).answers == axis:
            assert after.index(a) <= before.index(a), (a, before, after)


@given(st.sampled_from(ROLE_IDS), shortfalls)
def test_the_order_is_a_deterministic_permutation_of_the_roles_assessments(
    role: str, shortfall: dict[str, float]
) -> None:
    order = _order(role, shortfall)
    entry = GUIDE.role(role)
    assert entry is not None
    assert sorted(order) == sorted(a.id for a in entry.assessments)
    assert order == _order(role, dict(shortfall))
    plan = plan_interviews(GUIDE, role, shortfall)
    assert plan is not None
    assert all(a.gap == shortfall[a.answers] for a in plan.assessments)


def test_a_role_the_guide_does_not_cover_has_no_plan() -> None:
    assert plan_interviews(GUIDE, "prompt_whisperer", {"ml": 1}) is None


def test_an_unknown_assessment_id_is_a_load_error_naming_the_role_and_field(
    tmp_path: Path,
) -> None:
    doc = _raw()
    doc["roles"][2]["assessments"][1]["id"] = "juggling"
    with pytest.raises(CatalogError) as caught:
        read_interviews(_write(tmp_path, doc))
    message = str(caught.value)
    assert "roles[2] (ml_engineer).assessments[1].id: unknown assessment id 'juggling'" in message
    assert "pair_debugging" in message  # the valid ids are listed


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (("assessments", 0, "likely"), "assessments[0].likely: unknown likelihood id 'x'"),
        (("look", 0), "look[0]: unknown channel id 'x'"),
        (("stand_out", 0), "stand_out[0]: unknown stand-out id 'x'"),
    ],
)
def test_every_reference_a_role_makes_is_checked(
    tmp_path: Path, path: tuple[Any, ...], expected: str
) -> None:
    doc = _raw()
    node = doc["roles"][0]
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = "x"
    with pytest.raises(
        CatalogError, match=r"roles\[0\] \(ml_devops\)\." + expected.replace("[", r"\[")
    ):
        read_interviews(_write(tmp_path, doc))


def test_a_missing_language_is_a_load_error_naming_the_field(tmp_path: Path) -> None:
    doc = _raw()
    del doc["assessments"][2]["prepare"]["zh"]
    with pytest.raises(CatalogError) as caught:
        read_interviews(_write(tmp_path, doc), "en")
    message = str(caught.value)
    assert "assessments[2] (pair_debugging).prepare" in message and "Chinese" in message


def test_an_unknown_role_is_a_load_error(tmp_path: Path) -> None:
    doc = _raw()
    doc["roles"][0]["id"] = "ml_wizard"
    with pytest.raises(CatalogError, match=r"roles\[0\]\.id: unknown role 'ml_wizard'"):
        read_interviews(_write(tmp_path, doc))


def test_an_assessment_listed_twice_for_a_role_is_refused(tmp_path: Path) -> None:
    doc = _raw()
    doc["roles"][1]["assessments"][1]["id"] = doc["roles"][1]["assessments"][0]["id"]
    with pytest.raises(
        CatalogError, match=r"roles\[1\] \(data_engineer\)\.assessments: listed twice: coding"
    ):
        read_interviews(_write(tmp_path, doc))
