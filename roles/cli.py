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
from roles.i18n import DEFAULT_LANG, LANGS, Lang, Msg, listing, pad, tr
from roles.models import Catalog, Profile, axis_label
from roles.report import answers_report, match_report
from roles.settings import settings

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


def _catalog(source: str | None, lang: Lang) -> Catalog:
    """A shipped catalog by id ("2021", "2022") or a YAML file path, in `lang`."""
    if source is None or source in ("2021", "2022"):
        return load_catalog(source or "2021", lang)
    return load_file(source, Catalog, lang=lang)


def _read_answers(path: str) -> dict[str, Any]:
    """A JSON object {item id: label or [option ids]}; ProfileError when it is not one."""
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProfileError(Msg("{path}: file not found; check the path", path=path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(Msg("{path}: cannot be read ({why})", path=path, why=exc)) from None
    except json.JSONDecodeError as exc:
        raise ProfileError(
            Msg(
                "{path}: not valid JSON at line {line}: {why}",
                path=path,
                line=exc.lineno,
                why=exc.msg,
            )
        ) from None
    if not isinstance(doc, dict):
        raise ProfileError(Msg("{path}: expected a JSON object {{question id: answer}}", path=path))
    return doc


def _cmd_match(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    catalog = _catalog(args.catalog, lang)
    scores = (args.ml, args.swe, args.comm)
    target = catalog.role(args.target).id if args.target else None
    if args.answers is not None:
        if any(s is not None for s in scores):
            raise ProfileError(Msg("give either --answers FILE or --ml/--swe/--comm, not both"))
        answers = _read_answers(args.answers)
        report = answers_report(answers, load_questionnaire(lang), catalog, target)
    elif any(s is None for s in scores):
        raise ProfileError(Msg("give --ml, --swe and --comm (0-10), or --answers FILE"))
    else:
        report = match_report(Profile(ml=args.ml, swe=args.swe, comm=args.comm), catalog, target)
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
        return 0
    _print_match(report, lang)
    return 0


def _print_match(report: dict[str, Any], lang: Lang) -> None:
    p = report["profile"]
    print(
        tr(
            lang,
            "Profile: ML {ml:g}, software engineering {swe:g}, communication {comm:g}",
            **p,
        )
    )
    verdict = report["verdict"]
    print("\n" + verdict["headline"])
    print("\n".join(f"  {line}" for line in verdict["says"]) + "\n")
    for i, f in enumerate(report["fits"], 1):
        print(f"{i}. {pad(f['name'], 32)} {f['fit']:5.1f}%  {f['reason']}")
    t = report["target"]
    for axis, steps in t["steps"].items():
        toward = tr(
            lang,
            "Toward {role}: {measure} +{gap:g}",
            role=t["name"],
            measure=axis_label(axis, lang),
            gap=t["gaps"][axis],
        )
        print("\n" + toward)
        print("\n".join(f"  - {s}" for s in steps))
    found = t["evidence"]
    if found["steps"]:
        print("\n" + tr(lang, "From the 2021 Kaggle survey ({title}):", title=found["title"]))
        print("\n".join(f"  - {s['text']}" for s in found["steps"]))
        print(f"  ({found['note']})")
    likes = report.get("people_like_you")
    if likes:
        shares = listing(lang, [f"{x['share']:.0%} {x['title']}" for x in likes])
        print(
            tr(
                lang,
                "People like you ({n} in the 2021 Kaggle survey): {shares}",
                n=likes[0]["n"],
                shares=shares,
            )
        )


def _cmd_check(args: argparse.Namespace) -> int:
    catalog = load_file(args.file, Catalog, lang=args.lang)
    print(
        tr(
            args.lang,
            "{file}: OK, {n} roles ({ids}), every text in English and Chinese",
            file=args.file,
            n=len(catalog.roles),
            ids=", ".join(catalog.role_ids),
        )
    )
    return 0


def add_lang(parser: argparse.ArgumentParser) -> None:
    """The `--lang` option: the language of the output (JSON keys and ids stay English)."""
    parser.add_argument(
        "--lang",
        choices=LANGS,
        default=DEFAULT_LANG,
        help="language of names, reasons, steps and messages: en (default) or zh (Chinese)",
    )


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
    m.add_argument("--target", help="role id to plan toward (default: the best fit)")
    m.add_argument("--json", action="store_true", help="print JSON instead of a table")
    add_lang(m)
    m.set_defaults(func=_cmd_match)
    c = sub.add_parser("check-catalog", help="validate a roles YAML file")
    c.add_argument("file")
    add_lang(c)
    c.set_defaults(func=_cmd_check)
    team_cli.register(sub, add_lang)
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
    lang: Lang = getattr(args, "lang", DEFAULT_LANG)
    try:
        settings()  # a bad SKILLS_MAP_* value stops every command before it does anything
        return int(args.func(args))
    except SkillsMapError as exc:
        print(tr(lang, "skills-map: error: {message}", message=exc.text(lang)), file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
