"""The maps in words: what a screen reader announces for each chart (pure functions), in the
catalog's language."""

from __future__ import annotations

import math

import pandas as pd

from roles.gaps import Gaps
from roles.i18n import clauses, listing, sentences, tr
from roles.match import RoleFit
from roles.models import Catalog, Profile
from roles.region import nearest

_NEAREST = 2  # regions named besides the ones the person is in


def _region_distances(profile: Profile, catalog: Catalog) -> list[tuple[float, str, str]]:
    """(distance in score points to where the arrow would enter the region, role name, where
    the profile stands: inside, beyond or outside)."""
    out = []
    for role in catalog.roles:
        point = nearest(profile, role)
        far = 0.0 if point.held else math.hypot(point.ml - profile.ml, point.swe - profile.swe)
        out.append((far, role.name, point.place))
    return sorted(out)


def person_summary(
    profile: Profile, fits: list[RoleFit], catalog: Catalog, target: Gaps | None
) -> str:
    """Where the person is, which regions they are in or near, the best fit and the arrow."""
    lang = catalog.lang
    parts = [
        tr(
            lang,
            "Skills map. You are at ML expertise {ml:.1f} and software engineering {swe:.1f}; "
            "your communication, {comm:.1f}, sets your bubble's size.",
            **profile.as_dict(),
        )
    ]
    dist = _region_distances(profile, catalog)
    inside = [name for _d, name, place in dist if place == "inside"]
    beyond = [name for _d, name, place in dist if place == "beyond"]
    near = [
        tr(lang, "{role} ({distance:.1f} points away)", role=name, distance=d)
        for d, name, place in dist
        if place == "outside"
    ][:_NEAREST]
    near_text = listing(lang, near, conjunction=True)
    if inside:
        roles = listing(lang, inside, conjunction=True)
        parts.append(tr(lang, "You are inside the region of {roles}.", roles=roles))
    if beyond:
        roles = listing(lang, beyond, conjunction=True)
        parts.append(
            tr(lang, "You are beyond the region of {roles} in its open direction.", roles=roles)
        )
    if inside or beyond:
        parts.append(tr(lang, "Nearest other regions: {roles}.", roles=near_text))
    else:
        parts.append(tr(lang, "Nearest regions: {roles}.", roles=near_text))
    best = fits[0]
    parts.append(
        tr(
            lang,
            "Best fit on the map: {role} (fit {fit:.0f} of 100).",
            role=best.name,
            fit=best.fit,
        )
    )
    if target is not None and not target.inside:
        parts.append(
            tr(lang, "An arrow points from you toward the {role} region.", role=target.name)
        )
    return sentences(lang, *parts)


def regions_summary(catalog: Catalog) -> str:
    """Each region's centre and communication bar, in catalog order."""
    lang = catalog.lang
    regions = clauses(
        lang,
        [
            tr(
                lang,
                "{role} around ML {ml:g} and software engineering {swe:g}, communication bar "
                "{comm:g}",
                role=r.name,
                ml=r.region.ml,
                swe=r.region.swe,
                comm=r.comm,
            )
            for r in catalog.roles
        ],
    )
    return tr(
        lang,
        "Skills map: ML expertise across, software engineering up, each role a region. {regions}.",
        regions=regions,
    )


def team_summary(fitted: pd.DataFrame, catalog: Catalog, centroid: Profile | None) -> str:
    """How many people, who is where by best fit, and the team's centre."""
    lang = catalog.lang
    groups = []
    for role in catalog.roles:
        names = [str(n) for n in fitted.loc[fitted["best_role"] == role.id, "name"]]
        if names:
            groups.append(
                tr(
                    lang,
                    "{role}: {n} ({names})",
                    role=role.name,
                    n=len(names),
                    names=listing(lang, names),
                )
            )
    text = tr(
        lang,
        "Team map of {n} people. Best fit by role: {groups}.",
        n=len(fitted),
        groups=clauses(lang, groups),
    )
    if centroid is not None:
        centre = tr(
            lang,
            "The team's centre is at ML expertise {ml:.1f} and software engineering {swe:.1f}.",
            ml=centroid.ml,
            swe=centroid.swe,
        )
        text = sentences(lang, text, centre)
    return text
