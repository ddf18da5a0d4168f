"""The result of matching one profile as plain data: the CLI's JSON and the page's download."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from roles.evidence import evidence
from roles.gaps import gaps
from roles.match import match
from roles.models import Catalog, Profile
from roles.questionnaire import NOT_YET, score
from roles.questionnaire_models import Questionnaire
from roles.survey import people_like_you_detail, title_name


def match_report(
    profile: Profile,
    catalog: Catalog,
    target: str | None = None,
    *,
    answers: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Profile, every fit (best first) and the path toward `target` (default: the best fit);
    names, reasons and steps in the catalog's language, keys and ids in English.

    `{"profile", "catalog", "fits": [{"role", "name", "fit", "reason", "gaps"}, ...],
    "target": {"role", "name", "chosen", "inside", "gaps", "within_reach", "above_typical",
    "steps", "evidence"}}`; gaps are in whole score steps (0.5); `evidence` holds the steps
    from the survey (`roles.evidence`), judged against `answers` when given.
    """
    ranked = match(profile, catalog)
    fits = [
        {
            "role": f.role,
            "name": f.name,
            "fit": round(f.fit, 1),
            "reason": f.reason,
            "gaps": gaps(profile, catalog, f.role).shortfall,
        }
        for f in ranked
    ]
    path = gaps(profile, catalog, target or ranked[0].role)
    return {
        "profile": profile.as_dict(),
        "catalog": catalog.id,
        "fits": fits,
        "target": {
            "role": path.role,
            "name": path.name,
            "chosen": target is not None,
            "inside": path.inside,
            "gaps": path.shortfall,
            "within_reach": path.within_reach,
            "above_typical": path.above,
            "steps": path.steps,
            "evidence": evidence(answers or {}, path.role, lang=catalog.lang).as_dict(),
        },
    }


def answers_report(
    answers: Mapping[str, Any],
    questionnaire: Questionnaire,
    catalog: Catalog,
    target: str | None = None,
) -> dict[str, Any]:
    """`match_report` for scored answers, plus `answers_used`, `people_like_you` (survey titles
    in the catalog's language) and `people_like_you_rests_on` (the survey questions answered)."""
    profile, _ = score(questionnaire, answers)
    used = {k: v for k, v in answers.items() if v not in (None, [], NOT_YET)}
    report = match_report(profile, catalog, target, answers=answers)
    report["answers_used"] = used
    likes = people_like_you_detail(answers)
    report["people_like_you"] = [
        {"title": title_name(t.title, catalog.lang), "share": round(t.share, 3), "n": t.n}
        for t in likes.titles
    ]
    report["people_like_you_rests_on"] = list(likes.answered)
    return report
