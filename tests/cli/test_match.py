"""The command line: JSON shape, readable table, and one-line errors with exit code 2."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from cli.main import main
from tests.cli.helpers import run_cli
from tests.expected import ROLE_IDS_2021

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(*args)


def test_match_json_has_exactly_the_documented_shape() -> None:
    out = _run("match", "--ml", "1", "--swe", "9", "--comm", "5", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) == {"profile", "catalog", "verdict", "fits", "target"}
    assert data["profile"] == {"ml": 1.0, "swe": 9.0, "comm": 5.0}
    verdict = data["verdict"]
    assert set(verdict) == {"kind", "roles", "names", "confidence", "headline", "says"}
    assert verdict["kind"] == "no_evidence" and verdict["confidence"] is None
    assert verdict["roles"] == ["ml_devops"]
    assert {f["role"] for f in data["fits"]} == set(ROLE_IDS_2021)
    for f in data["fits"]:
        assert set(f) == {"role", "name", "fit", "place", "reason", "gaps"}
        assert f["place"] in ("inside", "beyond", "outside")
        assert set(f["gaps"]) == {"ml", "swe", "comm"} and 0 <= f["fit"] <= 100
    assert [f["fit"] for f in data["fits"]] == sorted(
        (f["fit"] for f in data["fits"]), reverse=True
    )
    assert data["fits"][0]["role"] == "ml_devops"
    assert data["target"]["role"] == "ml_devops" and data["target"]["chosen"] is False


def test_match_json_with_a_target_carries_its_gaps_and_learning_steps() -> None:
    out = _run(
        "match", "--ml", "1", "--swe", "9", "--comm", "5", "--target", "ml_engineer", "--json"
    )
    assert out.returncode == 0, out.stderr
    target = json.loads(out.stdout)["target"]
    assert target["role"] == "ml_engineer" and target["chosen"] is True
    assert target["gaps"]["ml"] == 2.5 and target["gaps"]["ml"] % 0.5 == 0
    assert target["place"] == "outside" and target["inside"] is False
    assert set(target["steps"]) == {"ml"} and len(target["steps"]["ml"]) >= 3


def test_match_with_an_unknown_target_names_the_valid_roles() -> None:
    out = _run("match", "--ml", "1", "--swe", "9", "--comm", "5", "--target", "wizard")
    assert out.returncode == 2 and "ml_engineer" in out.stderr


def test_match_table_lists_roles_best_first(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["match", "--ml", "9.4", "--swe", "2.8", "--comm", "6"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[2] == "Nearest role on the map: ML researcher"
    assert next(x for x in lines if x.startswith("1. ")).startswith("1. ML researcher")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["match", "--ml", "11", "--swe", "1", "--comm", "1"], "argument --ml: 11 is outside 0-10"),
        (["match", "--ml", "x", "--swe", "1", "--comm", "1"], "argument --ml: 'x' is not a number"),
        (["match", "--ml", "1", "--swe", "1"], "give --ml, --swe and --comm (0-10), or --answers"),
        (["match", "--answers", "no-such.json"], "no-such.json: file not found"),
        (["match", "--answers", "pyproject.toml"], "pyproject.toml: not valid JSON at line 1"),
        (
            ["match", "--answers", "tests/data/answers/bad_label.json"],
            "years_ml: 'forever' is not an answer; pick one of",
        ),
        (
            ["match", "--answers", "tests/data/answers/not_an_object.json"],
            "expected a JSON object {question id: answer}",
        ),
        (
            ["match", "--answers", "tests/data/answers/researcher.json", "--ml", "3"],
            "give either --answers FILE or --ml/--swe/--comm, not both",
        ),
        (
            ["match", "--answers", "tests/data/answers/unknown_question.json"],
            "unknown question 'programming_languages'; the questions are",
        ),
        (
            ["match", "--answers", "tests/data/answers/unknown_option.json"],
            "languages: 'cobol' is not an option; use ['python', 'sql',",
        ),
        (
            ["match", "--answers", "tests/data/answers/unknown_education.json"],
            "education: 'PhD' is not an answer; pick one of ['high_school',",
        ),
        (
            ["match", "--answers", "tests/data/answers/tools_not_a_list.json"],
            "ml_frameworks: expects a list of option ids, got 'pytorch'",
        ),
        (
            ["match", "--ml", "1", "--swe", "1", "--comm", "1", "--catalog", "missing.yaml"],
            "missing.yaml: file not found",
        ),
        (["check-catalog", "pyproject.toml"], "pyproject.toml: not valid YAML"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
    ],
)
def test_bad_input_is_one_line_on_stderr_with_exit_code_2(args: list[str], message: str) -> None:
    out = _run(*args)
    assert out.returncode == 2
    assert message in out.stderr
    assert "Traceback" not in out.stderr and out.stderr.count("\n") == 1


def test_check_catalog_accepts_the_shipped_catalogs() -> None:
    out = _run("check-catalog", "data/roles_2022.yaml")
    assert out.returncode == 0 and "OK, 5 roles" in out.stdout


def test_check_catalog_names_the_bad_field(tmp_path: Path) -> None:
    bad = tmp_path / "roles.yaml"
    bad.write_text(
        (ROOT / "data" / "roles.yaml")
        .read_text(encoding="utf-8")
        .replace("comm: 7.2", "comm: high")
    )
    out = _run("check-catalog", str(bad))
    assert out.returncode == 2
    assert "roles[5] (ml_product_manager).comm" in out.stderr


def test_match_accepts_a_custom_catalog_file() -> None:
    out = _run(
        "match",
        "--ml",
        "6.5",
        "--swe",
        "7.1",
        "--comm",
        "5",
        "--catalog",
        "data/roles_2022.yaml",
        "--json",
    )
    assert out.returncode == 0
    assert json.loads(out.stdout)["fits"][0]["role"] == "ml_engineer"


def test_match_from_answers_adds_answers_used_and_people_like_you() -> None:
    out = _run("match", "--answers", "tests/data/answers/researcher.json", "--json")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert set(doc) == {
        "profile",
        "catalog",
        "verdict",
        "fits",
        "target",
        "answers_used",
        "people_like_you",
        "people_like_you_rests_on",
    }
    assert doc["verdict"]["kind"] == "one" and doc["verdict"]["roles"] == ["ml_researcher"]
    assert 0.5 <= doc["verdict"]["confidence"] <= 1
    assert doc["answers_used"]["work_activities"] == ["ml_research"]
    assert doc["people_like_you_rests_on"] == ["years_code", "years_ml", "work_activities"]
    assert doc["fits"][0]["role"] == "ml_researcher"
    likes = doc["people_like_you"]
    assert likes[0]["title"] == "Research Scientist"
    assert set(likes[0]) == {"title", "share", "n"}
    assert abs(sum(x["share"] for x in likes) - 1) < 0.01
    # The heading's calibrated chance, not a second figure for the same title.
    assert likes[0]["share"] == pytest.approx(doc["verdict"]["confidence"], abs=0.001)


def test_match_reads_the_tool_and_education_answers() -> None:
    three = json.loads(
        _run("match", "--answers", "tests/data/answers/researcher.json", "--json").stdout
    )
    out = _run("match", "--answers", "tests/data/answers/researcher_tools.json", "--json")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["answers_used"]["education"] == "Doctoral degree"
    assert len(doc["people_like_you_rests_on"]) == 9
    # A doctorate, PyTorch and vision methods: more ML, and surer of the research title.
    assert doc["profile"]["ml"] > three["profile"]["ml"]
    assert doc["people_like_you"][0]["share"] > three["people_like_you"][0]["share"]


def test_match_json_holds_the_survey_evidence_under_the_target() -> None:
    out = _run(
        "match",
        "--answers",
        "tests/data/answers/researcher.json",
        "--json",
        "--target",
        "data_engineer",
    )
    evidence = json.loads(out.stdout)["target"]["evidence"]
    assert evidence["title"] == "Data Engineer" and "Kaggle" in evidence["source"]
    step = evidence["steps"][0]
    assert set(step) == {"question", "option", "share", "others", "lift", "answered", "text"}
    assert step["text"].startswith(f"{step['share']:.0%} of data engineers")
    lifts = [s["lift"] for s in evidence["steps"]]
    assert lifts == sorted(lifts, reverse=True)  # most distinguishing first


def test_match_json_says_no_title_is_ml_devops() -> None:
    out = _run("match", "--ml", "1", "--swe", "9", "--comm", "4", "--json")
    evidence = json.loads(out.stdout)["target"]["evidence"]
    assert evidence["title"] is None and evidence["steps"] == []
    assert "No survey title is this role" in evidence["note"]


def test_match_from_answers_prints_people_like_you_in_the_table() -> None:
    out = _run("match", "--answers", "tests/data/answers/researcher.json", "--catalog", "2022")
    assert out.returncode == 0 and "People like you (" in out.stdout
