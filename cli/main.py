"""`skills-map SUBCOMMAND ...`: the argument parser and the exit codes (docs/cli.md).

Every error a user can cause ends as one line on stderr and exit code 2, never a traceback.
A new subcommand is a `Command` in its own module, added to `COMMANDS` below: nothing else here
changes.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from cli import interviews, match, progress, room_store, serve, team
from cli.command import Command, add_lang
from roles.errors import SkillsMapError
from roles.i18n import DEFAULT_LANG, Lang, tr
from roles.settings import settings

EXIT_USAGE = 2

# Every subcommand, in the order `skills-map --help` lists them.
COMMANDS: tuple[Command, ...] = (
    match.MATCH,
    match.CHECK_CATALOG,
    interviews.CHECK_INTERVIEWS,
    team.TEAM,
    room_store.BACKUP,
    room_store.RESTORE,
    room_store.CHECK_STORE,
    progress.PROGRESS,
    serve.SERVE,
)


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad arguments in one line with exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = _Parser(prog="skills-map", description="ML Skills Map from the command line.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for command in COMMANDS:
        p = sub.add_parser(command.name, help=command.help)
        command.arguments(p)
        if command.lang:
            add_lang(p)
        p.set_defaults(func=command.run, passes_on=command.passes_on)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    parser = build_parser()
    args, passed_on = parser.parse_known_args(argv)
    if passed_on and not args.passes_on:
        parser.error(f"unrecognized arguments: {' '.join(passed_on)}")
    args.passed_on = passed_on
    lang: Lang = getattr(args, "lang", DEFAULT_LANG)
    try:
        settings()  # a bad SKILLS_MAP_* value stops every command before it does anything
        return int(args.func(args))
    except SkillsMapError as exc:
        print(tr(lang, "skills-map: error: {message}", message=exc.text(lang)), file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
