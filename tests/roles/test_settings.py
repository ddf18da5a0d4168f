"""The settings object: every SKILLS_MAP_* variable declared once, checked, and refused at start
(server and CLI) with a message naming the variable, never silently turned into a default."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from roles import settings as settings_module
from roles.errors import SettingsError
from roles.settings import ENV_NAMES, FIELDS, Settings, markdown_table, settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)


def test_the_defaults_hold_a_hall_and_keep_every_limit_on() -> None:
    config = settings()
    assert config.joins_per_minute >= config.room_capacity >= 1000
    assert config.submits_per_minute >= 2 * config.joins_per_minute
    assert 0 < config.free_code_misses < config.free_address_misses / 10
    assert config.rooms_per_hour > 0 and config.free_key_misses > 0


@pytest.mark.parametrize(
    ("name", "value", "says"),
    [
        ("SKILLS_MAP_SUBMITS_PER_MINUTE", "-600", "a whole number from 0 to 1,000,000"),
        ("SKILLS_MAP_JOINS_PER_MINUTE", "1e3", "a whole number from 0"),
        ("SKILLS_MAP_DB_POOL_SIZE", "0", "a whole number from 1 to 1,000"),
        ("SKILLS_MAP_ROOM_TTL_DAYS", "0", "a number above 0 and at most 366"),
        ("SKILLS_MAP_ROOM_TTL_DAYS", "nan", "a number above 0"),
        ("SKILLS_MAP_RATE_WINDOW_SECONDS", "inf", "a number from 0 to 86,400"),
        ("SKILLS_MAP_ROOM_CAPACITY", "lots", "a whole number from 1 to 100,000"),
        ("SKILLS_MAP_MAX_BACKOFF_SECONDS", "0", "a whole number from 1"),
        ("SKILLS_MAP_PUBLIC_URL", "maps.example.org", "an address starting with http://"),
    ],
)
def test_a_bad_value_is_refused_naming_the_variable_and_the_fix(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, says: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as caught:
        settings()
    message = str(caught.value)
    assert f"{name}={value!r} is not valid: give {says}" in message
    assert "unset it for the default" in message
    assert caught.value.text("zh") != message  # said in Chinese too


def test_a_secret_is_checked_but_never_echoed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SKILLS_MAP_SECRET", "hunter2")
    with pytest.raises(SettingsError) as caught:
        settings()
    assert "SKILLS_MAP_SECRET=(hidden)" in str(caught.value) and "hunter2" not in str(caught.value)
    monkeypatch.setenv("SKILLS_MAP_DATABASE_URL", "postgresql+psycopg://u:pw@db/x")
    monkeypatch.setenv("SKILLS_MAP_SECRET", "a long enough shared secret")
    assert "pw@db" not in repr(settings())


def test_every_problem_is_named_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SKILLS_MAP_ROOMS_PER_HOUR", "-1")
    monkeypatch.setenv("SKILLS_MAP_FREE_KEY_MISSES", "five")
    with pytest.raises(SettingsError) as caught:
        settings()
    assert len(caught.value.problems) == 2


def test_empty_and_padded_values(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SKILLS_MAP_ROOMS_PER_HOUR", "")
    monkeypatch.setenv("SKILLS_MAP_ROOM_CAPACITY", " 300 ")
    assert settings().rooms_per_hour == FIELDS["rooms_per_hour"].default
    assert settings().room_capacity == 300


def test_a_changed_environment_is_read_again_and_reload_forgets(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = settings()
    assert settings() is first  # checked once per environment
    monkeypatch.setenv("SKILLS_MAP_ROOMS_PER_HOUR", "3")
    assert settings().rooms_per_hour == 3
    settings_module.reload()
    assert settings().rooms_per_hour == 3 and settings() is not first


def test_the_configuration_page_table_is_made_from_the_settings() -> None:
    page = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert markdown_table() in page, "run: python scripts/settings_table.py --write"
    for name in ENV_NAMES:
        assert f"| `{name}` |" in markdown_table()
    assert len(ENV_NAMES) == len(Settings.model_fields)


APP_CODE = ("roles", "store", "serving", "components", "views")
# Shell variables of the deployment scripts (deploy/replica.sh, deploy/replicas.sh), documented
# there and in docs/; the app never reads them.
DEPLOY_SCRIPT_VARIABLES = {"SKILLS_MAP_BIND_ADDRESS", "SKILLS_MAP_RUN_DIR"}


def _app_files() -> list[Path]:
    return [ROOT / "app.py"] + [p for d in APP_CODE for p in (ROOT / d).rglob("*.py")]


def test_no_module_reads_a_skills_map_variable_but_the_settings() -> None:
    """One place: a module that read os.environ for SKILLS_MAP_* would escape the checks."""
    offenders = [
        str(path.relative_to(ROOT))
        for path in _app_files()
        if path.name != "settings.py"
        and re.search(r"(environ|getenv)\b", path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_every_variable_the_app_and_its_docs_name_is_a_declared_setting() -> None:
    """A message, the README, the docs or the deploy example naming a variable nobody reads
    misleads."""
    declarations = ROOT / "roles" / "settings.py"
    sources = [p for p in _app_files() if p != declarations]
    sources += [ROOT / "README.md", *(ROOT / "docs").glob("*.md"), *(ROOT / "deploy").rglob("*")]
    named = {
        (name, str(path.relative_to(ROOT)))
        for path in sources
        if path.is_file()
        for name in re.findall(r"SKILLS_MAP_[A-Z0-9_]+", path.read_text(encoding="utf-8"))
    }
    undeclared = sorted(
        (name, where)
        for name, where in named
        if name not in ENV_NAMES and name not in DEPLOY_SCRIPT_VARIABLES
    )
    assert undeclared == []


def _run(args: list[str], env: dict[str, str], timeout: float) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SKILLS_MAP_")}
    return subprocess.run(
        args, cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, timeout=timeout
    )


def test_the_cli_refuses_a_bad_setting_in_one_line() -> None:
    out = _run(
        [sys.executable, "-m", "cli", "match", "--ml", "2", "--swe", "8", "--comm", "5"],
        {"SKILLS_MAP_SUBMITS_PER_MINUTE": "-600"},
        timeout=60,
    )
    assert out.returncode == 2 and out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("skills-map: error: SKILLS_MAP_SUBMITS_PER_MINUTE='-600'")


def test_a_server_started_with_a_bad_setting_exits_with_the_message(tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    out = _run(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--browser.gatherUsageStats",
            "false",
        ],
        {"SKILLS_MAP_SUBMITS_PER_MINUTE": "-600", "SKILLS_MAP_DATA_HOME": str(tmp_path)},
        timeout=90,
    )
    assert out.returncode == 2
    assert "skills-map: error: SKILLS_MAP_SUBMITS_PER_MINUTE='-600' is not valid" in out.stderr
    assert "Traceback" not in out.stderr + out.stdout
