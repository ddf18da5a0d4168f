"""`skills-map progress --code CODE --key KEY [--json] [--lang zh]`: a private progress record's
saved results, oldest first, and what changed from the first to the last.

The key may come from `SKILLS_MAP_PROGRESS_KEY` instead of `--key` (out of the shell history). A
bad code, a wrong key or a record that is gone is one line on stderr with exit code 2.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from cli.command import Command
from roles.catalog import load_catalog
from roles.errors import SkillsMapError
from roles.i18n import DEFAULT_LANG, Lang, Msg, day, ntr, tr
from roles.models import axis_label
from roles.progress import ProgressPoint
from roles.progress_change import ProgressChange, compare, move_text, path_summary, point_heading
from roles.settings import env_name, secret_value, settings
from store.progress import read_progress

ENV_KEY = env_name("progress_key")


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--code", required=True, help="the progress record's code")
    p.add_argument(
        "--key",
        help=f"the progress key (or set {ENV_KEY}, which keeps it out of the shell history)",
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of text")


def _read(code: str, key: str) -> tuple[str, list[ProgressPoint], str]:
    record = read_progress(code=code, key=key)
    return record.code, record.points, record.expires_at.isoformat()


def change_json(change: ProgressChange | None) -> dict[str, Any] | None:
    """The change from the first to the last point, with English keys and role ids."""
    if change is None:
        return None
    return {
        "since": change.first.saved_at.isoformat(),
        "target": change.target,
        "fit": {"before": change.fit_before, "after": change.fit_after},
        "moves": {m.axis: {"before": m.before, "after": m.after} for m in change.moves},
        "closed_gaps": [c.axis for c in change.closed],
        "still_short": list(change.still_short),
    }


def run(args: argparse.Namespace) -> int:
    """Run the progress command; returns the exit code."""
    lang: Lang = getattr(args, "lang", DEFAULT_LANG)
    key = args.key or secret_value(settings().progress_key)
    if not key:
        raise SkillsMapError(Msg("progress needs the key: --key KEY (or set {env})", env=ENV_KEY))
    code, points, expires = _read(args.code, key)
    last_catalog = load_catalog(points[-1].catalog if points else "2021", lang)
    change = compare(points, last_catalog)
    if args.json:
        doc = {
            "code": code,
            "kept_until": expires,
            "points": [p.model_dump(mode="json") for p in points],
            "change": change_json(change),
        }
        print(json.dumps(doc, ensure_ascii=False))
        return 0
    print(
        ntr(
            lang,
            "Progress record {code}: {n} saved result.",
            "Progress record {code}: {n} saved results.",
            len(points),
            code=code,
            n=len(points),
        )
    )
    for p in points:
        catalog = load_catalog(p.catalog, lang)
        print(f"  {day(p.saved_at, lang)}  {point_heading(p, catalog, lang)}")
        print(
            "    "
            + tr(
                lang,
                "ML {ml:g}, software engineering {swe:g}, communication {comm:g}; fit to "
                "{role} {fit:.0f}",
                ml=p.ml,
                swe=p.swe,
                comm=p.comm,
                role=catalog.role(p.target).name if p.target in catalog.role_ids else p.target,
                fit=p.target_fit,
            )
        )
    if change is not None:
        moved = ", ".join(f"{axis_label(m.axis, lang)} {move_text(m, lang)}" for m in change.moves)
        print(tr(lang, "Moved since the first: {moves}", moves=moved))
    print(path_summary(points, change, lang))
    return 0


PROGRESS = Command("progress", "print a private progress record's saved results", _arguments, run)
