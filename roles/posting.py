"""Checking a job posting's demands against the map, including the lecture's "unicorn" posting.

A posting is a unicorn when it sits above every role region (for each role it asks for more ML or
more software engineering than the top of that role's region) and no role's region holds it:
it describes a person almost nobody is. A posting is checked against the drawn regions alone,
where typical people of each role are: the open directions that keep a strong candidate in a
role's region say nothing about how many candidates there are.
"""

from __future__ import annotations

import math

from pydantic import BaseModel, ConfigDict, Field

from roles.i18n import N_, Lang, tr
from roles.match import RoleFit, fit_matrix, match
from roles.models import Catalog, Profile, Role

_AXIS_WORDS = {"ml": N_("ML expertise"), "swe": N_("software engineering")}


class Lowering(BaseModel):
    """Lower one axis of the posting to where a role's region reaches, and train for the rest."""

    model_config = ConfigDict(frozen=True)

    axis: str
    current: float
    lowered: float
    role: str
    name: str


class PostingCheck(BaseModel):
    """What a posting's demands match, and what to do when they match nobody."""

    model_config = ConfigDict(frozen=True)

    demand: Profile
    fits: list[RoleFit] = Field(description="every role, best fit first")
    matched: list[str] = Field(description="role ids whose drawn region holds the posting")
    unicorn: bool
    split: tuple[str, str] | None = Field(description="two roles that share the work between them")
    lowering: Lowering | None
    suggestions: list[str]


def _above(demand: Profile, role: Role) -> bool:
    g = role.region
    return demand.ml > g.ml + g.ml_extent or demand.swe > g.swe + g.swe_extent


def _half(roles: list[Role], reach: str, other: str, value: float) -> Role:
    """Among roles whose region reaches `value` on `reach`, the one reaching furthest on `other`."""

    def top(role: Role, axis: str) -> float:
        g = role.region
        return g.ml + g.ml_extent if axis == "ml" else g.swe + g.swe_extent

    able = [r for r in roles if top(r, reach) >= value] or [max(roles, key=lambda r: top(r, reach))]
    return max(able, key=lambda r: top(r, other))


def _at(role: Role, lang: Lang) -> str:
    return tr(
        lang,
        "ML about {ml:.0f}, software engineering about {swe:.0f}",
        ml=role.region.ml,
        swe=role.region.swe,
    )


def _lowering(demand: Profile, catalog: Catalog) -> Lowering | None:
    """The smallest cut on one axis that brings the posting inside some role's region."""
    best: Lowering | None = None
    for role in catalog.roles:
        g = role.region
        for axis, keep, centre_k, ext_k, centre_c, ext_c in (
            ("swe", demand.ml, g.ml, g.ml_extent, g.swe, g.swe_extent),
            ("ml", demand.swe, g.swe, g.swe_extent, g.ml, g.ml_extent),
        ):
            u = (keep - centre_k) / ext_k
            if abs(u) > 1:
                continue  # this role never reaches the kept demand, whatever the cut
            reach = centre_c + ext_c * math.sqrt(1 - u * u)
            current = getattr(demand, axis)
            if reach >= current:
                continue
            cut = Lowering(
                axis=axis, current=current, lowered=round(reach, 1), role=role.id, name=role.name
            )
            if best is None or current - cut.lowered < best.current - best.lowered:
                best = cut
    return best


# The fit on a region's edge, meeting its communication bar.
EDGE_FIT = 80.0


def check_posting(demand: Profile, catalog: Catalog) -> PostingCheck:
    """Which roles a posting matches, whether it is a unicorn, and concrete ways to fix it."""
    fits = match(demand, catalog)
    row = [[demand.ml, demand.swe, demand.comm]]
    typical = fit_matrix(row, catalog, open_directions=False)[0]  # type: ignore[arg-type]
    held = {rid for rid, fit in zip(catalog.role_ids, typical, strict=True) if fit >= EDGE_FIT}
    matched = [f.role for f in fits if f.role in held]
    unicorn = not matched and all(_above(demand, r) for r in catalog.roles)
    split: tuple[str, str] | None = None
    lowering: Lowering | None = None
    suggestions: list[str] = []
    if unicorn:
        ml_side = _half(catalog.roles, "ml", "swe", demand.ml)
        swe_side = _half([r for r in catalog.roles if r.id != ml_side.id], "swe", "ml", demand.swe)
        split = (ml_side.id, swe_side.id)
        lang = catalog.lang
        suggestions.append(
            tr(
                lang,
                "Split it into two roles: {ml_role} for the modelling ({ml_at}) and {swe_role} "
                "for the engineering ({swe_at}).",
                ml_role=ml_side.name,
                ml_at=_at(ml_side, lang),
                swe_role=swe_side.name,
                swe_at=_at(swe_side, lang),
            )
        )
        lowering = _lowering(demand, catalog)
        if lowering:
            suggestions.append(
                tr(
                    lang,
                    "Or lower {measure} from {current:g} to {lowered:g}, which the {role} region "
                    "reaches, and plan training for the rest once hired.",
                    measure=tr(lang, _AXIS_WORDS[lowering.axis]),
                    current=lowering.current,
                    lowered=lowering.lowered,
                    role=lowering.name,
                )
            )
    return PostingCheck(
        demand=demand,
        fits=fits,
        matched=matched,
        unicorn=unicorn,
        split=split,
        lowering=lowering,
        suggestions=suggestions,
    )
