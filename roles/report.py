"""The result of matching one profile as plain data: the CLI's JSON and the page's download."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from roles.confidence import calibrated
from roles.evidence import evidence
from roles.gaps import gaps
from roles.interviews import interviews_json
from roles.models import Catalog, Profile
from roles.questionnaire import NOT_YET, Answers, score
from roles.questionnaire_models import Questionnaire
from roles.survey import title_name
from roles.verdict import Assessment, assess
from roles.verdict_text import heading_lines, headline


def verdict_json(a: Assessment, catalog: Catalog) -> dict[str, Any]:
    """The heading as data: `kind`, `roles` (ids, best first), `names`, `confidence` (0-1, or
    null without survey evidence), `headline` and `says` (the sentences under it)."""
    return {
        "kind": a.kind,
        "roles": list(a.roles),
        "names": [a.name(r) for r in a.roles],
        "confidence": None if a.confidence is None else round(a.confidence, 3),
        "headline": headline(a),
        "says": heading_lines(a, catalog),
    }


def match_report(
    profile: Profile,
    catalog: Catalog,
    target: str | None = None,
    *,
    answers: Answers | None = None,
    unmeasured: Collection[str] | None = None,
) -> dict[str, Any]:
    """Profile, the heading, every fit (best first) and the path toward `target` (default: the
    map's best fit); names, reasons and steps in the catalog's language, keys and ids in English.

    `{"profile", "catalog", "verdict": {"kind", "roles", "names", "confidence", "headline",
    "says"}, "fits": [{"role", "name", "fit", "place", "reason", "gaps"}, ...], "target":
    {"role", "name", "chosen", "inside", "place", "gaps", "within_reach", "past_region",
    "steps", "evidence", "interviews"}}`; gaps are in whole score steps (0.5); `evidence` holds
    the steps from the survey (`roles.evidence`), judged against `answers` when given;
    `interviews` what interviews for the target test, ordered by its gaps (`roles.interviews`),
    or null for a role data/interviews.yaml does not cover. With `answers`,
    also `answers_used`, `people_like_you` and `people_like_you_rests_on` (the survey
    questions answered).
    """
    a = assess(answers or {}, catalog, profile=profile, unmeasured=unmeasured)
    fits = [
        {
            "role": f.role,
            "name": f.name,
            "fit": round(f.fit, 1),
            "place": a.places[f.role],
            "reason": f.reason,
            "gaps": gaps(profile, catalog, f.role).shortfall,
        }
        for f in a.fits
    ]
    path = gaps(profile, catalog, target or a.fits[0].role)
    report: dict[str, Any] = {
        "profile": profile.as_dict(),
        "catalog": catalog.id,
        "verdict": verdict_json(a, catalog),
        "fits": fits,
        "target": {
            "role": path.role,
            "name": path.name,
            "chosen": target is not None,
            "inside": path.inside,
            "place": path.place,
            "gaps": path.shortfall,
            "within_reach": path.within_reach,
            "past_region": path.past,
            "steps": path.steps,
            "evidence": evidence(answers or {}, path.role, lang=catalog.lang).as_dict(),
            "interviews": interviews_json(path.role, path.shortfall, catalog.lang),
        },
    }
    if answers:
        report["answers_used"] = {k: v for k, v in answers.items() if v not in (None, [], NOT_YET)}
        # The chances the heading reads, not the model's raw shares: one figure per title.
        likes = calibrated(a.likeness).titles if a.likeness is not None else []
        report["people_like_you"] = [
            {"title": title_name(t.title, catalog.lang), "share": round(t.share, 3), "n": t.n}
            for t in likes
        ]
        rests_on = a.likeness.answered if a.likeness is not None else ()
        report["people_like_you_rests_on"] = list(rests_on)
    return report


def answers_report(
    answers: Mapping[str, Any],
    questionnaire: Questionnaire,
    catalog: Catalog,
    target: str | None = None,
) -> dict[str, Any]:
    """`match_report` for scored answers, plus `answers_used` and `people_like_you` (survey
    titles in the catalog's language)."""
    profile, unscored = score(questionnaire, answers)
    report = match_report(profile, catalog, target, answers=answers, unmeasured=unscored)
    report.setdefault("answers_used", {})
    report.setdefault("people_like_you", [])
    report.setdefault("people_like_you_rests_on", [])
    return report
