"""What a subcommand is: its name, its help, its arguments and what it runs."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass

from roles.i18n import DEFAULT_LANG, LANGS


@dataclass(frozen=True)
class Command:
    """One `skills-map NAME ...` subcommand; `cli.main.COMMANDS` lists them all."""

    name: str
    help: str
    arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]  # the exit code
    lang: bool = True  # takes `--lang` (its output speaks English or Chinese)
    # Passes the options it does not know on, as `args.passed_on` (serve: to Streamlit).
    passes_on: bool = False


def add_lang(parser: argparse.ArgumentParser) -> None:
    """The `--lang` option: the language of the output (JSON keys and ids stay English)."""
    parser.add_argument(
        "--lang",
        choices=LANGS,
        default=DEFAULT_LANG,
        help="language of names, reasons, steps and messages: en (default) or zh (Chinese)",
    )
