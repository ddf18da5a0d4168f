"""The maps in words: what a screen reader announces for each chart (pure functions)."""

from __future__ import annotations

import math

import pandas as pd

from roles.gaps import Gaps, nearest_point
from roles.match import RoleFit
from roles.models import Catalog, Profile

_NEAREST = 2  # regions named besides the ones the person is in


def _region_distances(profile: Profile, catalog: Catalog) -> list[tuple[float, str]]:
    """(distance in score points to where the arrow would enter the region, role name)."""
    out = []
    for role in catalog.roles:
        x, y, inside = nearest_point(profile, catalog, role.id)
        out.append((0.0 if inside else math.hypot(x - profile.ml, y - profile.swe), role.name))
    return sorted(out)


def person_summary(
    profile: Profile, fits: list[RoleFit], catalog: Catalog, target: Gaps | None
) -> str:
    """Where the person is, which regions they are in or near, the best fit and the arrow."""
    parts = [
        f"Skills map. You are at ML expertise {profile.ml:.1f} and software engineering "
        f"{profile.swe:.1f}; your communication, {profile.comm:.1f}, sets your bubble's size."
    ]
    dist = _region_distances(profile, catalog)
    inside = [name for d, name in dist if d == 0]
    near = [f"{name} ({d:.1f} points away)" for d, name in dist if d > 0][:_NEAREST]
    if inside:
        parts.append(f"You are inside the region of {_join(inside)}.")
    parts.append(("Nearest other regions: " if inside else "Nearest regions: ") + _join(near) + ".")
    best = fits[0]
    parts.append(f"Best fit: {best.name} (fit {best.fit:.0f} of 100).")
    if target is not None and not target.inside:
        parts.append(f"An arrow points from you toward the {target.name} region.")
    return " ".join(parts)


def regions_summary(catalog: Catalog) -> str:
    """Each region's centre and communication bar, in catalog order."""
    regions = "; ".join(
        f"{r.name} around ML {r.region.ml:g} and software engineering {r.region.swe:g}, "
        f"communication bar {r.comm:g}"
        for r in catalog.roles
    )
    return (
        f"Skills map: ML expertise across, software engineering up, each role a region. {regions}."
    )


def team_summary(fitted: pd.DataFrame, catalog: Catalog, centroid: Profile | None) -> str:
    """How many people, who is where by best fit, and the team's centre."""
    groups = []
    for role in catalog.roles:
        names = [str(n) for n in fitted.loc[fitted["best_role"] == role.id, "name"]]
        if names:
            groups.append(f"{role.name}: {len(names)} ({', '.join(names)})")
    text = f"Team map of {len(fitted)} people. Best fit by role: " + "; ".join(groups) + "."
    if centroid is not None:
        text += (
            f" The team's centre is at ML expertise {centroid.ml:.1f} and software "
            f"engineering {centroid.swe:.1f}."
        )
    return text


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
