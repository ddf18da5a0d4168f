"""The result of matching one profile as plain data: the CLI's JSON and the page's download."""

from __future__ import annotations

from typing import Any

from roles.gaps import gaps
from roles.match import match
from roles.models import Catalog, Profile


def match_report(profile: Profile, catalog: Catalog, target: str | None = None) -> dict[str, Any]:
    """Profile, every fit (best first) and the path toward `target` (default: the best fit).

    `{"profile", "catalog", "fits": [{"role", "name", "fit", "reason", "gaps"}, ...],
    "target": {"role", "name", "chosen", "inside", "gaps", "within_reach", "above_typical",
    "steps"}}`; gaps are in whole score steps (0.5).
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
        },
    }
