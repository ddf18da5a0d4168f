"""`skills-map team FILE [--archetype ID] [--json] [--catalog 2021|2022]`, or the same for
a team room: `skills-map team --room CODE --key KEY [--round N]`.

Prints who fits which role, the roles nobody covers and whom to hire next. A bad file prints one
line per problem on stderr (row, column, value, what is expected) and exits with code 2; so do a
bad room code, a wrong key and an unknown round (one line each).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from cli.command import Command
from roles.catalog import CATALOG_FILES, DEFAULT_CATALOG, load_catalog
from roles.coverage import TeamAnalysis, analyse_team
from roles.errors import TeamFileError
from roles.i18n import DEFAULT_LANG, Lang, Msg, listing, pad, say, tr
from roles.models import AXES
from roles.settings import env_name, secret_value, settings
from roles.team import MAX_BYTES, ParsedTeam, parse_team_bytes, too_large

EXIT_BAD_INPUT = 2
ENV_KEY = env_name("team_key")


def _round(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a round number") from None
    if value < 1:  # argparse's own messages are English: these read alongside them
        raise argparse.ArgumentTypeError(f"rounds are numbered from 1, not {value}")
    return value


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "file", nargs="?", help="CSV or .xlsx with columns name, ml, swe, comm (title optional)"
    )
    p.add_argument("--room", metavar="CODE", help="a team room's code instead of a file")
    p.add_argument(
        "--key",
        help=f"the team room's manager key (or set {ENV_KEY}, which keeps it out of the "
        "shell history)",
    )
    p.add_argument(
        "--round", type=_round, dest="round_number", help="the round to map (default: the latest)"
    )
    p.add_argument(
        "--archetype",
        help="the organisation you are building (archetype id); without it, hire-next fills"
        " the roles nobody or one person covers",
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.add_argument("--catalog", choices=sorted(CATALOG_FILES), default=DEFAULT_CATALOG)
    p.add_argument("--scale", choices=["auto", "0-10", "1-5"], default="auto")
    p.add_argument(
        "--sheet",
        help="the sheet of an .xlsx workbook to read (default: the first with the columns)",
    )


def read_team_file(path: str, *, scale: str = "auto", sheet: str | None = None) -> ParsedTeam:
    """Read and parse a team file from disk; TeamFileError when it cannot be read at all."""
    p = Path(path)
    try:
        with p.open("rb") as f:
            # At most one byte past the limit: a pipe or /dev/zero has no size to check first.
            data = f.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            mb = max(p.stat().st_size, len(data)) / 1024 / 1024
            raise TeamFileError(_at_file(path, too_large(mb)))
    except FileNotFoundError:
        raise TeamFileError(Msg("{path}: file not found; check the path", path=path)) from None
    except OSError as exc:
        raise TeamFileError(
            Msg("{path}: cannot be read ({why})", path=path, why=exc.strerror)
        ) from None
    try:
        return parse_team_bytes(data, p.name, scale=scale, sheet=sheet)  # type: ignore[arg-type]
    except TeamFileError as exc:
        raise TeamFileError(_at_file(path, exc.message)) from None


def _at_file(path: str, problem: str | Msg) -> Msg:
    return Msg("{path}: {problem}", path=path, problem=problem)


def team_json(analysis: TeamAnalysis) -> dict[str, Any]:
    """The JSON document: `members`, `coverage`, `missing`, `hire_next`, `archetype` (the goal
    hire-next serves, or null) and `suggested_archetype` (the closest to the team's shape)."""
    role_ids = analysis.coverage.by_role().keys()
    members = [
        {
            "name": str(row["name"]),
            "best_role": str(row["best_role"]),
            "in_region": bool(row["in_region"]),
            "fits": {rid: round(float(row[rid]), 1) for rid in role_ids},
        }
        for row in analysis.fitted.to_dict("records")
    ]
    hire = [
        {
            "role": h.role,
            "name": h.name,
            "target": {a: round(getattr(h.target, a), 1) for a in AXES},
            "have": h.have,
            "want": round(h.want, 1),
            "reason": h.reason,
        }
        for h in analysis.hire
    ]
    return {
        "members": members,
        "coverage": analysis.coverage.by_role(),
        "missing": analysis.coverage.missing,
        "hire_next": hire,
        "archetype": analysis.archetype.id if analysis.archetype else None,
        "suggested_archetype": analysis.suggested.id,
    }


def _print_text(parsed: ParsedTeam, analysis: TeamAnalysis, catalog_id: str, lang: Lang) -> None:
    cov = analysis.coverage
    print(
        tr(
            lang,
            "Team of {n} (scores read on the {scale} scale), {catalog} chart; a person covers "
            "their best fit when they are in its region (inside it or beyond it in its open "
            "direction)",
            n=len(parsed.members),
            scale=parsed.scale,
            catalog=catalog_id,
        )
    )
    for row in analysis.fitted.to_dict("records"):
        where = "" if row["in_region"] else " " + tr(lang, "outside its region")
        print(
            f"  {pad(str(row['name']), 28)} {row['best_role_name']} ({row['best_fit']:.0f})" + where
        )
    print(tr(lang, "Coverage:"))
    flags = {"missing": tr(lang, "MISSING"), "single": tr(lang, "only one")}
    for r in cov.roles:
        flag = flags.get(r.status, "")
        print(f"  {pad(r.name, 32)} {r.count:>3}  {pad(flag, 8)} {listing(lang, r.members)}")
    missing = listing(lang, cov.missing) or tr(lang, "none")
    print(tr(lang, "Missing roles: {roles}", roles=missing))
    suggested, similarity = analysis.ranking[0]
    print(
        tr(
            lang,
            "Closest archetype: {name} ({similarity:.0%} similar to the team's shape)",
            name=suggested.name,
            similarity=similarity,
        )
    )
    goal = analysis.archetype
    if goal is None:
        print(
            tr(
                lang,
                "Hire next (no --archetype given: filling the roles nobody or one person covers):",
            )
        )
    else:
        print(tr(lang, "Hire next, to grow toward {goal}:", goal=goal.name))
    for i, h in enumerate(analysis.hire, 1):
        t = h.target
        look = tr(
            lang,
            "{role}: ML {ml:.1f}, software engineering {swe:.1f}, communication {comm:.1f}.",
            role=h.name,
            ml=t.ml,
            swe=t.swe,
            comm=t.comm,
        )
        print(f"  {i}. {look} {h.reason}")
    if not analysis.hire:
        done = (
            tr(lang, "nobody: every role is covered")
            if goal is None
            else tr(lang, "nobody: the mix is there")
        )
        print("  " + done)


def read_team_room(code: str, key: str, round_number: int | None) -> ParsedTeam:
    """A team room's members' own answers in one round, as a parsed team (0-10 scale)."""
    # The store depends on the domain, not the other way round: it is imported only here.
    from cli.room_store import team_room_members

    frame = team_room_members(code=code, key=key, round_number=round_number)
    members = frame[["name", "ml", "swe", "comm", "title"]].reset_index(drop=True)
    members.insert(0, "row", range(1, len(members) + 1))
    return ParsedTeam(members, rows_read=len(members))


def _source(args: argparse.Namespace) -> tuple[str | Msg, ParsedTeam]:
    """Where the team comes from (for messages) and the team itself."""
    if args.room is None:
        if args.file is None:
            raise TeamFileError(Msg("give a team FILE, or --room CODE --key KEY for a team room"))
        if args.round_number is not None or args.key is not None:
            raise TeamFileError(Msg("--round and --key go with --room CODE, not with a file"))
        return args.file, read_team_file(args.file, scale=args.scale, sheet=args.sheet)
    if args.file is not None:
        raise TeamFileError(Msg("give a team FILE or --room CODE, not both"))
    key = args.key or secret_value(settings().team_key)
    if not key:
        raise TeamFileError(
            Msg("--room needs the manager key: --key KEY (or set {env})", env=ENV_KEY)
        )
    where = Msg("team room {code}", code=args.room)
    return where, read_team_room(args.room, key, args.round_number)


def run(args: argparse.Namespace) -> int:
    """Run the team command; returns the exit code."""
    lang: Lang = getattr(args, "lang", DEFAULT_LANG)
    where, parsed = _source(args)
    for problem in parsed.problems:
        print(f"{say(where, lang)}: {problem.text(lang)}", file=sys.stderr)
    if parsed.rejected_rows:
        rows = len(parsed.rejected_rows)
        fix = tr(lang, "{rows} row(s) need fixing; nothing was mapped.", rows=rows)
        print(f"{say(where, lang)}: {fix}", file=sys.stderr)
        return EXIT_BAD_INPUT
    catalog = load_catalog(args.catalog, lang)
    analysis = analyse_team(parsed.members, catalog, archetype_id=args.archetype)
    if args.json:
        print(json.dumps(team_json(analysis), ensure_ascii=False))
    else:
        _print_text(parsed, analysis, args.catalog, lang)
    return 0


TEAM = Command("team", "map a team from a CSV or Excel file, or from a team room", _arguments, run)
