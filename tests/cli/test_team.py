"""`skills-map team FILE`: text and JSON output, and exit code 2 with row messages on bad files."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from cli.main import main
from tests.cli.helpers import run_cli

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "data" / "example_team.csv"
FILES = ROOT / "tests" / "data" / "team_files"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli("team", *args)


def test_json_has_exactly_the_documented_keys() -> None:
    result = _run(str(EXAMPLE), "--json", "--archetype", "ml_embedded_in_product")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert sorted(doc) == [
        "archetype",
        "coverage",
        "hire_next",
        "members",
        "missing",
        "suggested_archetype",
    ]
    assert doc["missing"] == ["ml_devops", "data_engineer"]
    assert {"name", "best_role", "in_region", "fits"} == set(doc["members"][0])
    assert doc["coverage"]["ml_devops"] == []
    assert doc["archetype"] == "ml_embedded_in_product"
    assert [h["role"] for h in doc["hire_next"]][:2] == ["data_engineer", "ml_devops"]
    assert set(doc["hire_next"][0]["target"]) == {"ml", "swe", "comm"}


def test_bad_rows_go_to_stderr_with_exit_code_2() -> None:
    result = _run(str(FILES / "out_of_range.csv"))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Row 3, column ML expertise: '12'; expected a number from 0 to 10" in result.stderr
    assert "Row 4, column Software engineering: '-1'" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("empty.csv", "the file is empty"),
        ("missing_column.csv", "missing column(s)"),
        ("wrong_type.pdf", "not a CSV or Excel file"),
        ("no_such_file.csv", "file not found"),
    ],
)
def test_unreadable_file_is_one_line_and_exit_code_2(
    name: str, words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["team", str(FILES / name)]) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err


def test_unknown_archetype_lists_the_valid_ids(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["team", str(EXAMPLE), "--archetype", "zzz"]) == 2
    assert "ml_embedded_in_product" in capsys.readouterr().err


def test_text_output_flags_missing_roles_and_hire_next(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["team", str(EXAMPLE), "--catalog", "2021"]) == 0
    out = capsys.readouterr().out
    assert "Missing roles: ml_devops, data_engineer" in out
    assert "Hire next (no --archetype given" in out and "1. Data engineer" in out


def test_without_archetype_the_json_suggests_one_but_fills_gaps() -> None:
    doc = json.loads(_run(str(EXAMPLE), "--json").stdout)
    assert doc["archetype"] is None and doc["suggested_archetype"]
    # The team's own work relies on data pipelines most, so the data engineer comes first.
    assert [h["role"] for h in doc["hire_next"]] == ["data_engineer", "ml_devops"]


def test_non_utf8_file_warns_but_still_maps(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["team", str(FILES / "non_utf8.csv"), "--json"]) == 0
    captured = capsys.readouterr()
    assert "Row 2" in captured.err and "UTF-8" in captured.err
    assert json.loads(captured.out)["members"][0]["name"] == "José Núñez"
