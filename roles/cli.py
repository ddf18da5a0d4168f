"""Command line: `python -m roles match ...`, `check-catalog FILE`, `team FILE`, `backup FILE`.

Every error a user can cause ends as one line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from roles import team_cli
from roles.catalog import load_catalog, load_file, load_questionnaire
from roles.errors import ProfileError, SkillsMapError
from roles.models import Catalog, Profile
from roles.report import answers_report, match_report

EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad arguments in one line with exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _score(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(value) or not 0 <= value <= 10:
        raise argparse.ArgumentTypeError(f"{text} is outside 0-10")
    return value


def _catalog(source: str | None) -> Catalog:
    """A shipped catalog by id ("2021", "2022") or a YAML file path."""
    if source is None or source in ("2021", "2022"):
        return load_catalog(source or "2021")
    return load_file(source, Catalog)


def _read_answers(path: str) -> dict[str, Any]:
    """A JSON object {item id: label or [option ids]}; ProfileError when it is not one."""
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProfileError(f"{path}: file not found; check the path") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"{path}: cannot be read ({exc})") from None
    except json.JSONDecodeError as exc:
        raise ProfileError(f"{path}: not valid JSON at line {exc.lineno}: {exc.msg}") from None
    if not isinstance(doc, dict):
        raise ProfileError(f"{path}: expected a JSON object {{question id: answer}}")
    return doc


def _cmd_match(args: argparse.Namespace) -> int:
    catalog = _catalog(args.catalog)
    scores = (args.ml, args.swe, args.comm)
    if args.answers is not None:
        if any(s is not None for s in scores):
            raise ProfileError("give either --answers FILE or --ml/--swe/--comm, not both")
        report = answers_report(_read_answers(args.answers), load_questionnaire(), catalog)
    elif any(s is None for s in scores):
        raise ProfileError("give --ml, --swe and --comm (0-10), or --answers FILE")
    else:
        report = match_report(Profile(ml=args.ml, swe=args.swe, comm=args.comm), catalog)
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
        return 0
    p = report["profile"]
    print(
        f"Profile: ML {p['ml']:g}, software engineering {p['swe']:g}, communication {p['comm']:g}"
    )
    for i, f in enumerate(report["fits"], 1):
        print(f"{i}. {f['name']:<32} {f['fit']:5.1f}%  {f['reason']}")
    likes = report.get("people_like_you")
    if likes:
        shares = ", ".join(f"{x['share']:.0%} {x['title']}" for x in likes)
        print(f"People like you ({likes[0]['n']} in the 2021 Kaggle survey): {shares}")
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    catalog = load_file(args.file, Catalog)
    print(f"{args.file}: OK, {len(catalog.roles)} roles ({', '.join(catalog.role_ids)})")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = _Parser(prog="skills-map", description="ML Skills Map from the command line.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    m = sub.add_parser("match", help="rank the roles for one profile")
    m.add_argument("--ml", type=_score, help="ML expertise, 0-10")
    m.add_argument("--swe", type=_score, help="software engineering, 0-10")
    m.add_argument("--comm", type=_score, help="communication, 0-10")
    m.add_argument(
        "--answers",
        metavar="FILE",
        help="questionnaire answers as JSON {question id: label or [option ids]} instead of scores",
    )
    m.add_argument("--catalog", help="2021 (default), 2022 or a path to a roles YAML file")
    m.add_argument("--json", action="store_true", help="print JSON instead of a table")
    m.set_defaults(func=_cmd_match)
    c = sub.add_parser("check-catalog", help="validate a roles YAML file")
    c.add_argument("file")
    c.set_defaults(func=_cmd_check)
    team_cli.register(sub)
    _register_store_commands(sub)
    return parser


def _register_store_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    # The room store depends on the domain, not the other way round: it is imported here,
    # only to add its commands (backup, restore).
    from store import cli as store_cli

    store_cli.register(sub)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except SkillsMapError as exc:
        print(f"skills-map: error: {exc}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
