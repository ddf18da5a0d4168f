"""The subcommand table: one place lists every command; a new one needs no other change; the
options a command does not know are refused, except by `serve`, which hands them to Streamlit."""

from __future__ import annotations

import argparse
import tomllib
from pathlib import Path

import pytest

from cli import main as cli_main
from cli import serve
from cli.command import Command

ROOT = Path(__file__).resolve().parents[2]


def test_help_lists_every_command_of_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli_main.main(["--help"])
    shown = capsys.readouterr().out
    names = [c.name for c in cli_main.COMMANDS]
    assert len(set(names)) == len(names)
    assert all(name in shown for name in names)
    assert {"match", "check-catalog", "team", "backup", "restore", "check-store", "serve"} <= set(
        names
    )


def test_a_new_command_is_one_entry_in_the_table(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def arguments(p: argparse.ArgumentParser) -> None:
        p.add_argument("--times", type=int, default=1)

    def run(args: argparse.Namespace) -> int:
        print(f"hello {args.lang} " * args.times)
        return 0

    hello = Command("hello", "say hello", arguments, run)
    monkeypatch.setattr(cli_main, "COMMANDS", (*cli_main.COMMANDS, hello))
    assert cli_main.main(["hello", "--times", "2", "--lang", "zh"]) == 0
    assert capsys.readouterr().out.strip() == "hello zh hello zh"


def test_an_unknown_option_is_one_line_and_exit_code_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stop:
        cli_main.main(["match", "--ml", "1", "--swe", "2", "--comm", "3", "--server.port", "1"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err == "skills-map: error: unrecognized arguments: --server.port 1\n"


def test_serve_replaces_itself_with_streamlit_on_the_apps_own_files(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ran: list[list[str]] = []
    monkeypatch.setattr(serve.os, "execv", lambda path, argv: ran.append(list(argv)))
    assert cli_main.main(["serve", "--server.port", "8600", "--server.address=127.0.0.1"]) == 0
    (argv,) = ran
    assert argv[1:5] == ["-m", "streamlit", "run", str(ROOT / "app.py")]
    # The options given here come last, so they win over the project's settings.
    assert argv[-3:] == ["--server.port", "8600", "--server.address=127.0.0.1"]


def test_serve_passes_every_setting_of_the_projects_config_file() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    argv = serve.streamlit_command()
    for section, table in config.items():
        for name, value in table.items():
            shown = str(value).lower() if isinstance(value, bool) else str(value)
            assert f"--{section}.{name}={shown}" in argv
    assert "--server.headless=true" in argv
    assert "--runner.postScriptGC=false" in argv and "--client.showErrorDetails=none" in argv
