"""Getting the job: the assessments a candidate for a role should expect, ordered for one person.

Each assessment a role lists (data/interviews.yaml) has a likelihood, whose weight orders the
list, most likely first. The person's gap toward the role on the measure an assessment's
preparation answers adds `gap_weight` per score point (up to `gap_cap`), so a software-engineering
gap moves the coding, pair-debugging and take-home preparation up, and an ML gap the theory, math
and applied assessments. A larger gap on a measure never moves an assessment answering it down:
every assessment answering that measure rises by the same amount, the others stay put. Ties keep
the file's order of assessments.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from roles.caching import memoize
from roles.catalog import CATALOG_FILES, data_dir, load_catalog, load_file
from roles.errors import CatalogError
from roles.i18n import DEFAULT_LANG, Lang, Msg
from roles.interview_models import Advice, InterviewGuide

INTERVIEWS_FILE = "interviews.yaml"


@dataclass(frozen=True)
class PlannedAssessment:
    """One assessment in a person's list, with why it is there and how to prepare."""

    id: str
    name: str
    what: str
    likely: str  # likelihood id
    likely_name: str  # in the reader's language
    why: str  # why the role meets it this often (our reading of the lecture)
    prepare: str
    answers: str  # the measure its preparation answers
    gap: float  # the person's gap on that measure (score points; 0: none)


@dataclass(frozen=True)
class InterviewPlan:
    """Getting the job in one role, for one person."""

    role: str
    note: str
    assessments: list[PlannedAssessment]
    stand_out: list[Advice]
    look: list[Advice]

    def as_dict(self) -> dict[str, Any]:
        """Plain data for the CLI's JSON and the page's download."""
        return {
            "note": self.note,
            "assessments": [asdict(a) for a in self.assessments],
            "stand_out": [{"id": s.id, "name": s.name, "how": s.how} for s in self.stand_out],
            "where_to_look": [{"id": c.id, "name": c.name, "how": c.how} for c in self.look],
        }


def check_roles(guide: InterviewGuide, source: str) -> None:
    """CatalogError naming each role entry whose id no shipped role catalog has."""
    known = sorted({rid for cid in CATALOG_FILES for rid in load_catalog(cid).role_ids})
    problems: list[str | Msg] = [
        Msg(
            "roles[{i}].id: unknown role {role!r}; use one of: {known}",
            i=i,
            role=r.id,
            known=", ".join(known),
        )
        for i, r in enumerate(guide.roles)
        if r.id not in known
    ]
    if problems:
        raise CatalogError(source, problems)


def read_interviews(path: str | Path, lang: Lang = DEFAULT_LANG) -> InterviewGuide:
    """Read and validate an interviews file, its role ids checked against the shipped catalogs."""
    guide = load_file(path, InterviewGuide, lang=lang)
    check_roles(guide, str(path))
    return guide


@memoize(maxsize=4)
def load_interviews(lang: Lang = DEFAULT_LANG) -> InterviewGuide:
    """The shipped interviews file in `lang`, validated."""
    return read_interviews(data_dir() / INTERVIEWS_FILE, lang)


def plan_interviews(
    guide: InterviewGuide, role_id: str, shortfall: Mapping[str, float]
) -> InterviewPlan | None:
    """The role's assessments for a person whose gaps toward it are `shortfall` (per measure,
    score points): most likely first, an assessment moved up by the gap its preparation answers.
    None for a role the guide does not cover."""
    role = guide.role(role_id)
    if role is None:
        return None
    planned = []
    for order, entry in enumerate(role.assessments):
        kind = guide.kind(entry.id)
        level = guide.likelihood(entry.likely)
        gap = max(0.0, float(shortfall.get(kind.answers, 0.0)))
        priority = level.weight + guide.gap_weight * min(gap, guide.gap_cap)
        item = PlannedAssessment(
            id=kind.id,
            name=kind.name,
            what=kind.what,
            likely=level.id,
            likely_name=level.name,
            why=entry.why,
            prepare=kind.prepare,
            answers=kind.answers,
            gap=gap,
        )
        planned.append((-priority, -level.weight, order, item))
    planned.sort(key=lambda t: t[:3])
    stand_out = {a.id: a for a in guide.stand_out}
    channels = {c.id: c for c in guide.channels}
    return InterviewPlan(
        role=role.id,
        note=guide.note,
        assessments=[item for *_, item in planned],
        stand_out=[stand_out[s] for s in role.stand_out],
        look=[channels[c] for c in role.look],
    )


def interviews_json(role_id: str, shortfall: Mapping[str, float], lang: Lang) -> Any:
    """The plan toward `role_id` as plain data (`InterviewPlan.as_dict`), or None for a role the
    shipped guide does not cover."""
    plan = plan_interviews(load_interviews(lang), role_id, shortfall)
    return None if plan is None else plan.as_dict()
