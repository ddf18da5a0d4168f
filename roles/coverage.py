"""Which roles a team covers, and which roles nobody covers.

A member covers the role that is their best fit when they are in its region: inside it, or
beyond it in a direction the role is open to (`roles.region`, the words every screen uses). So
the legend (each person under their best fit) and coverage count the same people, and a person
strong enough to be past a region's centre in its open direction still covers it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import pandas as pd

from roles.archetypes import (
    Archetype,
    ArchetypeCatalog,
    HireSuggestion,
    fill_gaps,
    hire_next,
    load_archetypes,
    rank_archetypes,
)
from roles.match import match_many, region_d2
from roles.models import AXES, Catalog, Profile

Status = Literal["missing", "single", "covered"]


@dataclass(frozen=True)
class RoleCoverage:
    """Who on the team is in one role's region with it as their best fit."""

    role: str
    name: str
    members: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.members)

    @property
    def status(self) -> Status:
        """`missing` when nobody fits, `single` when one person does (a bus-factor risk)."""
        return "missing" if not self.members else "single" if len(self.members) == 1 else "covered"


@dataclass(frozen=True)
class TeamCoverage:
    """Coverage of every role of a catalog."""

    roles: tuple[RoleCoverage, ...]

    @property
    def missing(self) -> list[str]:
        return [r.role for r in self.roles if r.status == "missing"]

    @property
    def single(self) -> list[str]:
        return [r.role for r in self.roles if r.status == "single"]

    def by_role(self) -> dict[str, list[str]]:
        """Role id -> names of the people who fit it."""
        return {r.role: list(r.members) for r in self.roles}

    def as_frame(self) -> pd.DataFrame:
        """One row per role: role, count, status and the names (for tables and CSV export)."""
        return pd.DataFrame(
            [
                {
                    "role": r.name,
                    "role_id": r.role,
                    "people": r.count,
                    "status": r.status,
                    "who": ", ".join(r.members),
                }
                for r in self.roles
            ],
            columns=["role", "role_id", "people", "status", "who"],
        )


def team_fits(members: pd.DataFrame, catalog: Catalog) -> pd.DataFrame:
    """The members with one fit column per role id, `best_role`, `best_fit`, `best_role_name`
    and `in_region` (in their best-fit role's region: inside it or beyond it)."""
    scores = members[list(AXES)].to_numpy(dtype=float)
    fits = match_many(scores, catalog)
    out = pd.concat([members.reset_index(drop=True), fits.reset_index(drop=True)], axis=1)
    names = {r.id: r.name for r in catalog.roles}
    out["best_role_name"] = out["best_role"].map(names)
    d2 = region_d2(scores, catalog)
    best = [catalog.role_ids.index(r) for r in out["best_role"]]
    out["in_region"] = [bool(d2[i, j] <= 1.0) for i, j in enumerate(best)]
    return out


def coverage(fitted: pd.DataFrame, catalog: Catalog) -> TeamCoverage:
    """For each role, the people whose best fit it is and who are in its region, best fit
    first."""
    roles = []
    for role in catalog.roles:
        mine = fitted[(fitted["best_role"] == role.id) & fitted["in_region"].astype(bool)]
        ordered = mine[role.id].astype(float).sort_values(ascending=False, kind="stable")
        names = tuple(str(n) for n in fitted.loc[ordered.index, "name"])
        roles.append(RoleCoverage(role.id, role.name, names))
    return TeamCoverage(tuple(roles))


def centroid(members: pd.DataFrame) -> Profile | None:
    """The team's average profile, or None for an empty team."""
    if members.empty:
        return None
    means = members[list(AXES)].astype(float).mean()
    return Profile(**{a: float(min(10.0, max(0.0, means[a]))) for a in AXES})


def role_counts(fitted: pd.DataFrame, catalog: Catalog) -> dict[str, int]:
    """How many people have each role as their best fit (every role present, zeros included)."""
    counts = fitted["best_role"].value_counts() if len(fitted) else pd.Series(dtype=int)
    return {rid: int(counts.get(rid, 0)) for rid in catalog.role_ids}


@dataclass(frozen=True)
class TeamAnalysis:
    """Everything the page, the CLI and the report show about one team."""

    fitted: pd.DataFrame
    coverage: TeamCoverage
    centroid: Profile | None
    ranking: list[tuple[Archetype, float]]
    archetype: Archetype | None  # the manager's goal; None until one is chosen
    hire: list[HireSuggestion]

    @property
    def suggested(self) -> Archetype:
        return self.ranking[0][0]


def analyse_team(
    members: pd.DataFrame,
    catalog: Catalog,
    *,
    archetype_id: str | None = None,
    archetypes: ArchetypeCatalog | None = None,
) -> TeamAnalysis:
    """Fits, coverage, centroid, closest archetypes and hire-next for a validated team.

    The closest archetype is only a suggestion: hire-next grows the team toward the archetype
    the manager chose, or, with none chosen, fills the roles nobody (or one person) covers,
    those the team's own work relies on first.
    """
    book = archetypes or load_archetypes(lang=catalog.lang)
    fitted = team_fits(members, catalog)
    counts = role_counts(fitted, catalog)
    cov = coverage(fitted, catalog)
    chosen = book.get(archetype_id) if archetype_id else None
    if chosen is None:
        hire = fill_gaps(counts, catalog, uncovered=cov.missing, single=cov.single)
    else:
        hire = hire_next(counts, chosen, catalog, uncovered=cov.missing)
    return TeamAnalysis(
        fitted=fitted,
        coverage=cov,
        centroid=centroid(members),
        ranking=rank_archetypes(counts, book, catalog),
        archetype=chosen,
        hire=hire,
    )
