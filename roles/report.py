"""The result of matching one profile as plain data: the CLI's JSON and the page's download."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from roles.gaps import gaps
from roles.match import match
from roles.models import Catalog, Profile
from roles.questionnaire import NOT_YET, score
from roles.questionnaire_models import Questionnaire
from roles.survey import people_like_you


def match_report(profile: Profile, catalog: Catalog) -> dict[str, Any]:
    """`{"profile": {...}, "fits": [{"role", "name", "fit", "reason", "gaps"}, ...]}`."""
    fits = []
    for f in match(profile, catalog):
        fits.append(
            {
                "role": f.role,
                "name": f.name,
                "fit": round(f.fit, 1),
                "reason": f.reason,
                "gaps": gaps(profile, catalog, f.role).shortfall,
            }
        )
    return {"profile": profile.as_dict(), "fits": fits}


def answers_report(
    answers: Mapping[str, Any], questionnaire: Questionnaire, catalog: Catalog
) -> dict[str, Any]:
    """`match_report` for scored answers, plus `answers_used` and `people_like_you`."""
    profile, _ = score(questionnaire, answers)
    used = {k: v for k, v in answers.items() if v not in (None, [], NOT_YET)}
    report = match_report(profile, catalog)
    report["answers_used"] = used
    report["people_like_you"] = [
        {"title": t.title, "share": round(t.share, 3), "n": t.n} for t in people_like_you(answers)
    ]
    return report
