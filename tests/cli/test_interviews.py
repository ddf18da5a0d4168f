"""The CLI's getting the job: `match` prints and `--json` holds what interviews for the target
test; `check-interviews` validates a file with one line and exit code 2 on a bad one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli.main import main
from roles.catalog import DATA_DIR


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:  # type: ignore[type-arg]
    assert main(["match", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_match_json_holds_the_plan_under_the_target_ordered_by_the_gaps(
    capsys: pytest.CaptureFixture[str],
) -> None:
    short_of_swe = _json(
        capsys, "--ml", "8", "--swe", "2", "--comm", "6", "--target", "ml_engineer"
    )
    short_of_ml = _json(capsys, "--ml", "1", "--swe", "8", "--comm", "6", "--target", "ml_engineer")
    a = short_of_swe["target"]["interviews"]["assessments"]
    b = short_of_ml["target"]["interviews"]["assessments"]
    assert [x["id"] for x in a][:2] == ["coding", "pair_debugging"]
    assert [x["id"] for x in b][:2] == ["applied_ml", "ml_theory"]
    assert a[0]["gap"] == short_of_swe["target"]["gaps"]["swe"] > 0
    assert set(a[0]) == {
        "id", "name", "what", "likely", "likely_name", "why", "prepare", "answers", "gap"
    }  # fmt: skip
    assert sorted(x["id"] for x in a) == sorted(x["id"] for x in b)


def test_match_json_with_a_custom_catalog_role_has_no_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (DATA_DIR / "roles.yaml").read_text(encoding="utf-8")
    custom = tmp_path / "roles.yaml"
    custom.write_text(text.replace("ml_devops", "platform_wizard"), encoding="utf-8")
    doc = _json(
        capsys, "--ml", "1", "--swe", "9", "--comm", "5", "--catalog", str(custom),
        "--target", "platform_wizard",
    )  # fmt: skip
    assert doc["target"]["interviews"] is None


@pytest.mark.parametrize(
    ("lang", "heading", "first"),
    [
        ("en", "Getting the job as ML engineer:", "1. Whiteboard or pair coding (expect it): "),
        ("zh", "求职：机器学习工程师", "1. 白板编程或结对编程（几乎必考）："),
    ],
)
def test_match_prints_the_likeliest_assessments_after_the_path(
    capsys: pytest.CaptureFixture[str], lang: str, heading: str, first: str
) -> None:
    args = ["match", "--ml", "8", "--swe", "2", "--comm", "6", "--target", "ml_engineer"]
    assert main([*args, "--lang", lang]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    start = lines.index(heading)
    assert lines[start + 1].strip().startswith(first)
    assert out.index(heading) > out.index("+")  # after the path's gaps


def test_check_interviews_accepts_the_shipped_file_and_refuses_a_bad_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shipped = DATA_DIR / "interviews.yaml"
    assert main(["check-interviews", str(shipped)]) == 0
    assert "OK, 8 assessments for 6 roles" in capsys.readouterr().out
    bad = tmp_path / "interviews.yaml"
    text = shipped.read_text(encoding="utf-8")
    bad.write_text(text.replace("likely: expect", "likely: always", 1), encoding="utf-8")
    assert main(["check-interviews", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "roles[0] (ml_devops).assessments[0].likely: unknown likelihood id 'always'" in err
