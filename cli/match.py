"""`skills-map match ...` (one profile's fit to each role) and `check-catalog FILE`."""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path
from typing import Any

from cli import interviews
from cli.command import Command
from roles.catalog import load_catalog, load_file, load_questionnaire
from roles.errors import ProfileError
from roles.i18n import Lang, Msg, listing, pad, tr
from roles.models import Catalog, Profile, axis_label
from roles.report import answers_report, match_report


def _score(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(value) or not 0 <= value <= 10:
        raise argparse.ArgumentTypeError(f"{text} is outside 0-10")
    return value


def catalog_source(source: str | None, lang: Lang) -> Catalog:
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
    catalog = catalog_source(args.catalog, lang)
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
    interviews.print_interviews(t, lang)
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


def _match_arguments(m: argparse.ArgumentParser) -> None:
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


def _check_arguments(c: argparse.ArgumentParser) -> None:
    c.add_argument("file")


MATCH = Command("match", "rank the roles for one profile", _match_arguments, _cmd_match)
CHECK_CATALOG = Command("check-catalog", "validate a roles YAML file", _check_arguments, _cmd_check)
