"""The CLI's part of getting the job: `match` prints what interviews for the target test, and
`skills-map check-interviews FILE` validates an interviews file."""

from __future__ import annotations

import argparse
from typing import Any

from cli.command import Command
from roles.i18n import Lang, listing, tr
from roles.interviews import read_interviews

# Assessments printed in the text output (the JSON holds them all).
SHOWN = 3


def print_interviews(target: dict[str, Any], lang: Lang) -> None:
    """After the path toward the target: its likeliest assessments, each with how to prepare,
    then how to stand out and where to look (one line each), and whose reading this is."""
    plan = target.get("interviews")
    if not plan:
        return
    print("\n" + tr(lang, "Getting the job as {role}:", role=target["name"]))
    for i, a in enumerate(plan["assessments"][:SHOWN], 1):
        line = tr(
            lang,
            "{i}. {name} ({likely}): {prepare}",
            i=i,
            name=a["name"],
            likely=a["likely_name"],
            prepare=a["prepare"],
        )
        print("  " + line)
    more = len(plan["assessments"]) - SHOWN
    if more > 0:
        print("  " + tr(lang, "(and {n} more in --json)", n=more))
    stand_out = listing(lang, [s["name"] for s in plan["stand_out"]])
    look = listing(lang, [c["name"] for c in plan["where_to_look"]])
    print("  " + tr(lang, "Stand out: {items}", items=stand_out))
    print("  " + tr(lang, "Where to look: {items}", items=look))
    print("  " + tr(lang, "(Note: {note})", note=plan["note"]))


def _cmd_check(args: argparse.Namespace) -> int:
    guide = read_interviews(args.file, args.lang)
    print(
        tr(
            args.lang,
            "{file}: OK, {n} assessments for {roles} roles, every text in English and Chinese",
            file=args.file,
            n=len(guide.assessments),
            roles=len(guide.roles),
        )
    )
    return 0


def _check_arguments(c: argparse.ArgumentParser) -> None:
    c.add_argument("file")


CHECK_INTERVIEWS = Command(
    "check-interviews", "validate an interviews YAML file", _check_arguments, _cmd_check
)
