"""`skills-map serve [STREAMLIT OPTIONS]`: the app, from wherever it is installed.

Runs `streamlit run` on the app's own `app.py` with the project's server settings: those of its
`.streamlit/config.toml` (Streamlit reads that file from the current folder only, which an
installed package is not), given as command-line options, then any options given here (the last
one of a name wins), e.g. `skills-map serve --server.port 8600`.
"""

from __future__ import annotations

import argparse
import os
import sys
import tomllib
from collections.abc import Sequence
from typing import Any

from cli.command import Command
from roles.resources import app_root

# A server, not a laptop: no browser to open and no e-mail prompt on the first start.
SERVER_DEFAULTS = ("--server.headless=true",)


def _option(section: str, name: str, value: Any) -> str:
    text = str(value).lower() if isinstance(value, bool) else str(value)
    return f"--{section}.{name}={text}"


def streamlit_command(extra: Sequence[str] = ()) -> list[str]:
    """The `streamlit run` command line that `serve` replaces itself with."""
    root = app_root()
    config = tomllib.loads((root / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    options = [
        _option(section, name, value)
        for section, table in config.items()
        for name, value in table.items()
    ]
    app = str(root / "app.py")
    return [sys.executable, "-m", "streamlit", "run", app, *SERVER_DEFAULTS, *options, *extra]


def _arguments(p: argparse.ArgumentParser) -> None:
    p.epilog = "Any other option goes to `streamlit run`, e.g. --server.port 8600."


def _run(args: argparse.Namespace) -> int:
    command = streamlit_command(args.passed_on)
    sys.stdout.flush()
    # Replaced, not wrapped: the server keeps this process id, so a supervisor's stop and
    # Ctrl-C reach Streamlit itself.
    os.execv(command[0], command)
    return 0  # not reached


SERVE = Command(
    "serve",
    "run the app (Streamlit) with the project's server settings",
    _arguments,
    _run,
    lang=False,
    passes_on=True,
)
