"""`skills-map progress --code CODE --key KEY [--json]`: a progress record's history from the
store, the key also from SKILLS_MAP_PROGRESS_KEY; a bad code or key is one line and exit 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import store
from roles.models import Profile
from roles.progress import ProgressPoint
from tests.progress_points import progress_point

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[store.CreatedRoom]:
    monkeypatch.setenv("SKILLS_MAP_DATA_HOME", str(tmp_path))
    monkeypatch.delenv("SKILLS_MAP_DATABASE_URL", raising=False)

    def point(ml: float, swe: float, days_ago: float) -> ProgressPoint:
        when = datetime(2026, 12, 1, tzinfo=UTC) - timedelta(days=days_ago)
        return progress_point(Profile(ml=ml, swe=swe, comm=5), when)

    created = store.keep_progress(points=[point(3, 3, 270)])
    store.add_progress_point(code=created.room.code, key=created.key, point=point(6, 7, 0))
    yield created
    store.default_engine().dispose()


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cli", "progress", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )


def test_json_lists_every_point_and_the_change(record: store.CreatedRoom) -> None:
    out = _run("--code", record.room.code.lower(), "--key", record.key, "--json")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["code"] == record.room.code
    assert [(p["ml"], p["swe"]) for p in doc["points"]] == [(3.0, 3.0), (6.0, 7.0)]
    assert doc["points"][0]["saved_at"].startswith("2026-03-06")
    assert doc["change"]["fit"]["after"] > doc["change"]["fit"]["before"]
    assert doc["change"]["closed_gaps"] == ["ml", "swe"]


def test_text_says_the_dates_and_the_closed_gaps_in_both_languages(
    record: store.CreatedRoom,
) -> None:
    env = {"SKILLS_MAP_PROGRESS_KEY": record.key}
    en = _run("--code", record.room.code, env=env)
    assert en.returncode == 0, en.stderr
    assert "06 Mar 2026" in en.stdout and "01 Dec 2026" in en.stdout
    assert (
        "You closed the software-engineering gap toward ML engineer since 06 Mar 2026" in en.stdout
    )
    zh = _run("--code", record.room.code, "--lang", "zh", env=env)
    assert "2026年3月6日" in zh.stdout and "机器学习工程师" in zh.stdout
    assert "You closed" not in zh.stdout


@pytest.mark.parametrize("code", ["wrong", "ABCDEF", None])
def test_a_bad_code_or_key_is_one_line_and_exit_2(
    record: store.CreatedRoom, code: str | None
) -> None:
    out = _run("--code", code or record.room.code, "--key", "not-the-key")
    assert out.returncode == 2
    assert out.stdout == "" and len(out.stderr.strip().splitlines()) == 1
    assert out.stderr.startswith("skills-map: error:")


def test_no_key_at_all_says_where_to_give_it(record: store.CreatedRoom) -> None:
    out = _run("--code", record.room.code, env={"SKILLS_MAP_PROGRESS_KEY": ""})
    assert out.returncode == 2 and "SKILLS_MAP_PROGRESS_KEY" in out.stderr
