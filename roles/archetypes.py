"""The lecture's ML-maturity archetypes: the closest one to a team's shape, and whom to hire next.

A team's *shape* is the share of its people whose best-fit role is each role. An archetype's
`role_mix` is the shape it calls for. The distance between the two is the total-variation distance
(half the sum of absolute differences): 0 when the shapes are equal, 1 when they share nothing.
"""

from __future__ import annotations

import math
from collections.abc import Collection
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from roles.caching import memoize
from roles.catalog import data_dir, load_catalog, load_file
from roles.errors import CatalogError, UnknownArchetypeError
from roles.i18n import DEFAULT_LANG, Lang, Msg, Text, ntr, sentences, tr
from roles.models import Catalog, FrozenModel, Localized, Profile, Role, repeated

ARCHETYPES_FILE = "archetypes.yaml"
_ID = r"^[a-z][a-z0-9_]*$"


class DesignChoice(FrozenModel):
    """One of the lecture's three choices every ML organisation makes."""

    id: str = Field(pattern=_ID)
    name: Text = Field(min_length=1)
    question: Text = Field(min_length=1)


class Archetype(FrozenModel):
    """One stage of ML maturity, with the role mix it calls for."""

    id: str = Field(pattern=_ID, description="stable id used in the CLI and the page")
    stage: int = Field(ge=1, le=5, description="1 = bottom of the mountain, 5 = top")
    name: Text = Field(min_length=1, max_length=60)
    description: Text = Field(min_length=1)
    advantages: list[Text] = Field(min_length=1)
    drawbacks: list[Text] = Field(min_length=1)
    examples: list[Text] = Field(default_factory=list)
    role_mix: dict[str, float] = Field(min_length=1, description="role id -> share of the team")
    design: dict[str, Text] = Field(description="design choice id -> where this archetype stands")

    @model_validator(mode="after")
    def _mix_sums_to_one(self) -> Archetype:
        bad = [r for r, s in self.role_mix.items() if not 0 < s <= 1]
        if bad:
            raise ValueError(
                Msg("role_mix shares must be in (0, 1]; check {ids}", ids=", ".join(bad))
            )
        total = sum(self.role_mix.values())
        if abs(total - 1) > 0.01:
            raise ValueError(
                Msg("role_mix shares must add up to 1; they add up to {total:.2f}", total=total)
            )
        return self


class ArchetypeCatalog(Localized):
    """Every archetype plus the design choices they are described by."""

    design_choices: list[DesignChoice] = Field(min_length=1)
    archetypes: list[Archetype] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> ArchetypeCatalog:
        dupes = repeated(self.ids)
        if dupes:
            raise ValueError(
                Msg("archetype ids must be unique; repeated: {ids}", ids=", ".join(dupes))
            )
        choices = sorted(c.id for c in self.design_choices)
        for a in self.archetypes:
            if sorted(a.design) != choices:
                raise ValueError(
                    Msg(
                        "archetype {id!r}: design must cover exactly {choices}",
                        id=a.id,
                        choices=choices,
                    )
                )
        return self

    @property
    def ids(self) -> list[str]:
        return [a.id for a in self.archetypes]

    def get(self, archetype_id: str) -> Archetype:
        """The archetype with this id, or UnknownArchetypeError naming the valid ids."""
        for a in self.archetypes:
            if a.id == archetype_id:
                return a
        raise UnknownArchetypeError(archetype_id, self.ids)


class HireSuggestion(BaseModel):
    """One role worth hiring, with the profile to look for."""

    model_config = ConfigDict(frozen=True)

    role: str
    name: str
    target: Profile = Field(description="centre of the role's region and its communication bar")
    have: int = Field(ge=0, description="people whose best fit is this role now")
    want: float = Field(ge=0, description="people the goal calls for in a team one larger")
    reason: str


@memoize(maxsize=4)
def load_archetypes(path: str | None = None, lang: Lang = DEFAULT_LANG) -> ArchetypeCatalog:
    """The archetypes file in `lang`, validated; role ids must exist in the 2021 catalog."""
    source = Path(path) if path else data_dir() / ARCHETYPES_FILE
    archetypes = load_file(source, ArchetypeCatalog, lang=lang)
    known = set(load_catalog("2021").role_ids)
    problems: list[str | Msg] = [
        Msg(
            "archetypes ({id}).role_mix: unknown role {role!r}; use one of {known}",
            id=a.id,
            role=r,
            known=", ".join(sorted(known)),
        )
        for a in archetypes.archetypes
        for r in a.role_mix
        if r not in known
    ]
    if problems:
        raise CatalogError(str(source), problems)
    return archetypes


def mix_for(archetype: Archetype, catalog: Catalog) -> dict[str, float]:
    """The archetype's role mix over this catalog's roles, re-scaled to sum to 1."""
    raw = {rid: archetype.role_mix.get(rid, 0.0) for rid in catalog.role_ids}
    total = sum(raw.values()) or 1.0
    return {rid: share / total for rid, share in raw.items()}


def shape_distance(counts: dict[str, int], mix: dict[str, float]) -> float:
    """Total-variation distance between a team's best-role counts and a role mix (0 to 1)."""
    n = sum(counts.values())
    roles = set(counts) | set(mix)
    if n == 0:
        return 1.0
    return 0.5 * sum(abs(counts.get(r, 0) / n - mix.get(r, 0.0)) for r in roles)


def rank_archetypes(
    counts: dict[str, int], archetypes: ArchetypeCatalog, catalog: Catalog
) -> list[tuple[Archetype, float]]:
    """Archetypes by how closely the team's shape matches them: (archetype, similarity 0-1)."""
    scored = [(a, 1.0 - shape_distance(counts, mix_for(a, catalog))) for a in archetypes.archetypes]
    # Stable sort keeps the file's (stage) order for ties.
    return sorted(scored, key=lambda pair: -pair[1])


def _target(role: Role) -> Profile:
    return Profile(ml=role.region.ml, swe=role.region.swe, comm=role.comm)


def hire_next(
    counts: dict[str, int],
    archetype: Archetype,
    catalog: Catalog,
    *,
    uncovered: Collection[str] = (),
) -> list[HireSuggestion]:
    """Whom to hire to grow toward `archetype` (the manager's goal, never inferred).

    Roles the archetype needs that nobody on the team covers come first, by the share the
    archetype gives them; then roles at least half a person short of the mix, the largest
    shortfall first. A role the team covers never outranks one it needs and lacks.
    """
    mix = mix_for(archetype, catalog)
    size = sum(counts.values()) + 1
    ranked = []
    for order, role in enumerate(catalog.roles):
        have, want = counts.get(role.id, 0), mix[role.id] * size
        gap = mix[role.id] > 0 and role.id in uncovered
        if not gap and want - have < 0.5:  # less than half a person short is not worth a hire
            continue
        people = max(1, math.floor(want + 0.5))  # whole people: "4.4 of 11" is nonsense
        if gap:
            reason = tr(
                catalog.lang,
                "Nobody on the team covers this role, and {goal} needs it (about {share:.0%} of "
                "the team).",
                goal=archetype.name,
                share=mix[role.id],
            )
        else:
            reason = tr(
                catalog.lang,
                "{goal} calls for about {share:.0%} in this role (about {people} of {size} "
                "people); the team has {have}.",
                goal=archetype.name,
                share=mix[role.id],
                people=people,
                size=size,
                have=have,
            )
        suggestion = HireSuggestion(
            role=role.id, name=role.name, target=_target(role), have=have, want=want, reason=reason
        )
        ranked.append((not gap, -(want - have), -mix[role.id], order, suggestion))
    return [s for *_, s in sorted(ranked, key=lambda t: t[:4])]


def relied_on(counts: dict[str, int], catalog: Catalog) -> dict[str, list[tuple[Role, int]]]:
    """Role id -> the team's roles whose work relies on it, with how many people hold each
    (people counted under their best fit; the catalog's `relies_on` says why)."""
    out: dict[str, list[tuple[Role, int]]] = {rid: [] for rid in catalog.role_ids}
    for role in catalog.roles:
        n = counts.get(role.id, 0)
        for reliance in role.relies_on if n else []:
            out[reliance.role].append((role, n))
    return out


def _needs_reason(role: Role, users: list[tuple[Role, int]], lang: Lang) -> str:
    """'The work of 3 people relies on it (Data scientist: ...).'"""
    people = sum(n for _, n in users)
    user, _ = max(users, key=lambda u: u[1])
    why = next(x.why for x in user.relies_on if x.role == role.id).rstrip(".。")
    if lang == "en":
        why = why[:1].lower() + why[1:]  # it follows a colon mid-sentence
    return ntr(
        lang,
        "The work of {n} person on the team relies on it ({role}: {why})",
        "The work of {n} people on the team relies on it ({role}: {why})",
        people,
        role=user.name,
        why=why,
    )


def fill_gaps(
    counts: dict[str, int], catalog: Catalog, *, uncovered: Collection[str], single: Collection[str]
) -> list[HireSuggestion]:
    """Without a chosen archetype: the roles nobody covers, then those only one person covers;
    within each, the roles the team's own work relies on most come first, each with why."""
    needs = relied_on(counts, catalog)
    lang = catalog.lang
    out = []
    for status, roles in (("missing", uncovered), ("single", single)):
        chosen = [r for r in catalog.roles if r.id in roles]
        # Stable sort: equal needs keep the catalog's order.
        chosen.sort(key=lambda r: -sum(n for _, n in needs[r.id]))
        for role in chosen:
            gap = (
                tr(lang, "Nobody on the team covers this role.")
                if status == "missing"
                else tr(lang, "Only one person covers this role: the team loses it if they leave.")
            )
            users = needs[role.id]
            need = (
                _needs_reason(role, users, lang)
                if users
                else tr(lang, "No one's work on the team relies on it yet")
            )
            have = counts.get(role.id, 0)
            out.append(
                HireSuggestion(
                    role=role.id,
                    name=role.name,
                    target=_target(role),
                    have=have,
                    want=float(max(have, 1) + (status == "single")),
                    reason=sentences(lang, gap, need + ("。" if lang == "zh" else ".")),
                )
            )
    return out
