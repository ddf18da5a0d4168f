"""The result of matching one profile as plain data: the CLI's JSON and the page's download."""

from __future__ import annotations

from typing import Any

from roles.gaps import gaps
from roles.match import match
from roles.models import Catalog, Profile


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
