"""`skills-map team --room CODE --key KEY [--round N]`: the same JSON as `team FILE`, read
from the store in SKILLS_MAP_DATABASE_URL (or the data folder), and exit code 2 with one line
on stderr for a bad code, a wrong key or an unknown round."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

import store
from roles.models import Profile
from tests.cli.helpers import run_cli

ROOT = Path(__file__).resolve().parents[2]
TEAM = {"Ana": (7, 7, 5), "Bo": (2.5, 7, 4.5), "Cy": (8, 3, 6)}


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("SKILLS_MAP_DATA_HOME", str(tmp_path))
    monkeypatch.delenv("SKILLS_MAP_DATABASE_URL", raising=False)
    yield tmp_path
    store.default_engine().dispose()


@pytest.fixture
def team_room(data_home: Path) -> store.CreatedRoom:
    created = store.create_team_room(title="CLI team")
    for name, (ml, swe, comm) in TEAM.items():
        store.submit_team_answer(
            room=created.room.code,
            participant=store.new_participant_token(),
            name=name,
            profile=Profile(ml=ml, swe=swe, comm=comm),
            method="sliders",
        )
    return created


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_cli("team", *args, env=env)


def test_room_json_is_the_same_as_for_the_same_team_in_a_file(
    team_room: store.CreatedRoom, tmp_path: Path
) -> None:
    code, key = team_room.room.code, team_room.key
    from_room = _run("--room", code.lower(), "--key", key, "--json")
    assert from_room.returncode == 0, from_room.stderr
    csv = tmp_path / "team.csv"
    csv.write_text(
        "name,ml,swe,comm\n" + "".join(f"{n},{a},{b},{c}\n" for n, (a, b, c) in TEAM.items())
    )
    from_file = _run(str(csv), "--json")
    assert json.loads(from_room.stdout) == json.loads(from_file.stdout)
    assert [m["name"] for m in json.loads(from_room.stdout)["members"]] == ["Ana", "Bo", "Cy"]


def test_an_earlier_round_is_read_with_round(team_room: store.CreatedRoom) -> None:
    code, key = team_room.room.code, team_room.key
    store.open_next_round(room=code, key=key)
    store.submit_team_answer(
        room=code,
        participant=store.new_participant_token(),
        name="Dee",
        profile=Profile(ml=1, swe=9, comm=4),
        method="sliders",
    )
    latest = json.loads(_run("--room", code, "--key", key, "--json").stdout)
    first = json.loads(_run("--room", code, "--key", key, "--round", "1", "--json").stdout)
    assert [m["name"] for m in latest["members"]] == ["Dee"]
    assert [m["name"] for m in first["members"]] == ["Ana", "Bo", "Cy"]


def test_the_key_may_come_from_the_environment(team_room: store.CreatedRoom) -> None:
    result = _run("--room", team_room.room.code, env={"SKILLS_MAP_TEAM_KEY": team_room.key})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Team of 3 (scores read on the 0-10 scale)")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--room", "ABC", "--key", "k"), "'ABC' is not a room code"),
        (("--room", "K7MQ2P", "--key", "k"), "There is no open room with code K7MQ2P"),
        (("--key", "wrong"), "That manager key does not open team room"),
        (("--round", "4"), "has no round 4; it has round 1"),
        (("--round", "0"), "rounds are numbered from 1"),
        (("--round", "two"), "'two' is not a round number"),
        ((), "--room needs the manager key"),
    ],
)
def test_bad_code_key_or_round_is_one_line_and_exit_code_2(
    team_room: store.CreatedRoom, args: tuple[str, ...], message: str
) -> None:
    code, key = team_room.room.code, team_room.key
    full = list(args)
    if "--room" not in full:
        full = ["--room", code, *full]
    if "--key" not in full and args:
        full += ["--key", key]
    result = _run(*full, "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr


def test_a_workshop_code_is_refused(data_home: Path) -> None:
    workshop = store.create_room(title="Workshop")
    result = _run("--room", workshop.room.code, "--key", workshop.key)
    assert result.returncode == 2
    assert "is a workshop room, not a team room" in result.stderr


def test_a_round_nobody_answered_is_refused(team_room: store.CreatedRoom) -> None:
    code, key = team_room.room.code, team_room.key
    store.open_next_round(room=code, key=key)
    result = _run("--room", code, "--key", key)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"skills-map: error: Round 2 of team room {code} has no answers yet, so there is no "
        "team to map."
    )


def test_a_file_and_a_room_together_are_refused(team_room: store.CreatedRoom) -> None:
    result = _run("team.csv", "--room", team_room.room.code, "--key", team_room.key)
    assert result.returncode == 2
    assert "not both" in result.stderr


def test_round_without_a_room_is_refused() -> None:
    result = _run(str(ROOT / "data" / "example_team.csv"), "--round", "2")
    assert result.returncode == 2
    assert "--round and --key go with --room CODE" in result.stderr
