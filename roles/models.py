"""Pydantic models of the skills map: profiles, regions, roles and the catalog."""

from __future__ import annotations

from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator

from roles.i18n import DEFAULT_LANG, N_, Lang, Msg, Text, context_lang, english, tr

Score = float
AXES: tuple[str, ...] = ("ml", "swe", "comm")
Axis = Literal["ml", "swe", "comm"]
# English names of the measures; `axis_label` says them in a reader's language.
AXIS_LABELS: dict[str, str] = {
    "ml": N_("ML expertise"),
    "swe": N_("Software engineering"),
    "comm": N_("Communication"),
}


def axis_label(axis: str, lang: Lang = DEFAULT_LANG) -> str:
    """The name of a measure ('ML expertise') in `lang`."""
    return tr(lang, AXIS_LABELS[axis])


# Marker shapes a role may use on the map (plotly symbol names). Circles are kept for people, an
# open circle with a cross for a team's centre and a star for a job posting.
RoleSymbol = Literal[
    "square",
    "diamond",
    "triangle-up",
    "triangle-down",
    "pentagon",
    "hexagon",
    "hourglass",
    "bowtie",
    "triangle-left",
    "triangle-right",
    "hexagram",
    "star-triangle-up",
]


def repeated(ids: list[str]) -> list[str]:
    """The ids that occur more than once, sorted (for 'must be unique' messages)."""
    return sorted({i for i in ids if ids.count(i) > 1})


class FrozenModel(BaseModel):
    """Immutable, and unknown fields are an error (a typo in a catalog file is caught)."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Localized(FrozenModel):
    """A data file read in one language: its `Text` fields and the messages made from it
    (reasons, headlines, learning steps) are in `lang`."""

    lang: Lang = Field(default=DEFAULT_LANG, description="set by the loader, not in the file")

    @model_validator(mode="before")
    @classmethod
    def _lang_from_context(cls, data: Any, info: ValidationInfo) -> Any:
        lang = context_lang(info)
        if lang is not None and isinstance(data, dict):
            return {**data, "lang": lang}
        return data


def keep_english(data: Any, field: str, into: str) -> Any:
    """Before validation: copy the English text of a bilingual `field` into `into` (ids and the
    survey's own wording stay English whatever the reader's language)."""
    if isinstance(data, dict) and isinstance(data.get(field), dict):
        return {**data, into: english(data[field])}
    if isinstance(data, dict) and isinstance(data.get(field), str) and into not in data:
        return {**data, into: data[field]}  # built in code, in one language
    return data


class Profile(FrozenModel):
    """One person's self-rating: three scores on a 0-10 scale."""

    ml: float = Field(ge=0, le=10, allow_inf_nan=False, description="ML expertise (x axis)")
    swe: float = Field(ge=0, le=10, allow_inf_nan=False, description="Software engineering (y)")
    comm: float = Field(ge=0, le=10, allow_inf_nan=False, description="Communication (bubble size)")

    def as_dict(self) -> dict[str, float]:
        return {"ml": self.ml, "swe": self.swe, "comm": self.comm}


class Region(FrozenModel):
    """An ellipse on the map: where people in a role typically sit."""

    ml: float = Field(ge=0, le=10, description="centre on the ML expertise axis")
    swe: float = Field(ge=0, le=10, description="centre on the software engineering axis")
    ml_extent: float = Field(gt=0, le=5, description="half-width along ML expertise")
    swe_extent: float = Field(gt=0, le=5, description="half-height along software engineering")


class LearningSteps(FrozenModel):
    """Concrete steps, per measure, for someone moving toward a role."""

    ml: list[Text] = Field(min_length=3, max_length=6)
    swe: list[Text] = Field(min_length=3, max_length=6)
    comm: list[Text] = Field(min_length=3, max_length=6)

    def for_axis(self, axis: str) -> list[str]:
        return list(getattr(self, axis))


class RoleWhy(FrozenModel):
    """The reason for each number of a role's placement (the catalog explains itself)."""

    ml: Text = Field(min_length=1)
    swe: Text = Field(min_length=1)
    ml_extent: Text = Field(min_length=1)
    swe_extent: Text = Field(min_length=1)
    comm: Text = Field(min_length=1)


PositionAxis = Literal["ml", "swe"]


class OpenDirection(FrozenModel):
    """A direction on one axis in which moving never lowers the role's fit: past the region's
    centre that way, the distance on this axis counts as nothing."""

    axis: PositionAxis
    toward: Literal["more", "less"] = Field(
        default="more",
        description="more: strength the role is defined by; less: a measure the "
        "role does not rely on",
    )
    why: Text = Field(min_length=1, description="why the role is open this way")


class Reliance(FrozenModel):
    """Another role this role's work relies on (the team's needs, for hire next)."""

    role: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="id of the role relied on")
    why: Text = Field(min_length=1)


class Role(FrozenModel):
    """A role of an ML team, as the catalog describes it."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="stable id used in URLs and JSON")
    name: Text = Field(min_length=1, max_length=60)
    name_en: str = Field(default="", description="the English name (set from `name` on load)")
    short_name: Text = Field(min_length=1, max_length=24, description="label drawn on the map")
    summary: Text = Field(min_length=1)
    work_product: Text = Field(min_length=1, description="what the role's work is judged by")
    backgrounds: list[Text] = Field(min_length=1, description="typical backgrounds")
    region: Region
    comm: float = Field(ge=0, le=10, description="communication / technical writing bar")
    colour: str = Field(pattern=r"^#[0-9a-fA-F]{6}$")
    symbol: RoleSymbol | None = Field(
        default=None, description="marker shape, so the role never depends on colour alone"
    )
    source: Text = Field(min_length=1, description="where the placement comes from")
    why: RoleWhy = Field(description="the reason for every number of `region` and `comm`")
    open: list[OpenDirection] = Field(
        default_factory=list,
        description="directions in which the fit never falls (communication above the bar is "
        "open for every role)",
    )
    relies_on: list[Reliance] = Field(
        default_factory=list, description="roles whose work this role's work relies on"
    )
    steps: LearningSteps

    @model_validator(mode="after")
    def _one_direction_per_axis(self) -> Role:
        dupes = repeated([o.axis for o in self.open])
        if dupes:
            raise ValueError(
                Msg("open: one direction per axis; repeated: {axes}", axes=", ".join(dupes))
            )
        return self

    def opens(self, axis: str) -> int:
        """+1 when more of `axis` never lowers the fit, -1 when less never does, else 0."""
        found = next((o for o in self.open if o.axis == axis), None)
        return 0 if found is None else (1 if found.toward == "more" else -1)

    @model_validator(mode="before")
    @classmethod
    def _english_name(cls, data: Any) -> Any:
        return keep_english(data, "name", "name_en")

    def ranges(self) -> dict[str, float]:
        """Where the role sits, as the fields messages about its region fill in: `ml`,
        `ml_extent`, `swe`, `swe_extent` and the communication bar `comm`."""
        g = self.region
        return {
            "ml": g.ml,
            "ml_extent": g.ml_extent,
            "swe": g.swe,
            "swe_extent": g.swe_extent,
            "comm": self.comm,
        }


class Catalog(Localized):
    """The set of roles the map shows, plus how forgiving the fit is on communication."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    title: Text
    description: Text
    comm_tolerance: float = Field(
        default=3.0, gt=0, le=10, description="communication shortfall that counts as one extent"
    )
    roles: list[Role] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> Catalog:
        dupes = repeated([r.id for r in self.roles])
        if dupes:
            raise ValueError(Msg("role ids must be unique; repeated: {ids}", ids=", ".join(dupes)))
        shared = repeated([r.symbol for r in self.roles if r.symbol])
        if shared:
            raise ValueError(
                Msg("each role needs its own symbol; shared: {ids}", ids=", ".join(shared))
            )
        for r in self.roles:
            wrong = [x.role for x in r.relies_on if x.role not in self.role_ids or x.role == r.id]
            if wrong:
                raise ValueError(
                    Msg(
                        "role {id!r}: relies_on names {wrong}, which is not another role of this "
                        "catalog; use one of {known}",
                        id=r.id,
                        wrong=", ".join(wrong),
                        known=", ".join(self.role_ids),
                    )
                )
        return self

    @property
    def role_ids(self) -> list[str]:
        return [r.id for r in self.roles]

    def symbols(self) -> dict[str, str]:
        """Role id -> marker shape: the catalog's own, else the first shape no role has taken."""
        free = [s for s in get_args(RoleSymbol) if s not in {r.symbol for r in self.roles}]
        # Past the 12 shapes, a large custom catalog reuses them in order.
        spare = iter(free + list(get_args(RoleSymbol)) * len(self.roles))
        return {r.id: r.symbol or next(spare) for r in self.roles}

    def role(self, role_id: str) -> Role:
        """The role with this id, or UnknownRoleError naming the valid ids."""
        from roles.errors import UnknownRoleError

        for r in self.roles:
            if r.id == role_id:
                return r
        raise UnknownRoleError(role_id, self.role_ids)


class LevelAnchor(FrozenModel):
    """What a given level looks like in practice on one measure."""

    level: int = Field(ge=0, le=10)
    title: Text = Field(min_length=1, max_length=40)
    behaviour: Text = Field(min_length=1)


class AxisLevels(FrozenModel):
    """Behaviour anchors for levels 0, 2, 4, 6, 8 and 10 of one measure."""

    axis: Axis
    anchors: list[LevelAnchor]

    @model_validator(mode="after")
    def _even_levels(self) -> AxisLevels:
        levels = [a.level for a in self.anchors]
        if levels != [0, 2, 4, 6, 8, 10]:
            raise ValueError(
                Msg(
                    "anchors must be for levels 0, 2, 4, 6, 8, 10 in order; got {levels}",
                    levels=levels,
                )
            )
        return self


class Levels(Localized):
    """What each level of each measure looks like in practice."""

    axes: list[AxisLevels]

    @model_validator(mode="after")
    def _all_axes(self) -> Levels:
        found = sorted(a.axis for a in self.axes)
        if found != sorted(AXES):
            raise ValueError(
                Msg("need exactly one entry for each of ml, swe, comm; got {found}", found=found)
            )
        return self

    def anchors(self, axis: str) -> list[LevelAnchor]:
        return next(a.anchors for a in self.axes if a.axis == axis)
