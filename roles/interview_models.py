"""Pydantic models of data/interviews.yaml: what ML interviews test per role, how to stand out,
where to look. Every cross-reference (an assessment, likelihood, stand-out or channel id named by
a role) must exist in the file; a wrong one is a load error naming the role and the field."""

from __future__ import annotations

from pydantic import Field, model_validator

from roles.i18n import N_, Msg, Text
from roles.models import Axis, FrozenModel, Localized, repeated

_ID = r"^[a-z][a-z0-9_]*$"
# What a role's reference names, said in the reader's language.
_KINDS = (N_("assessment"), N_("likelihood"), N_("stand-out"), N_("channel"))


class Likelihood(FrozenModel):
    """How likely a role's candidates are to meet an assessment (our reading of the lecture)."""

    id: str = Field(pattern=_ID)
    weight: float = Field(gt=0, le=10, description="its share of the order: higher comes first")
    name: Text = Field(min_length=1, max_length=24)


class AssessmentKind(FrozenModel):
    """One kind of assessment common in ML interviews, and one way to prepare for it."""

    id: str = Field(pattern=_ID)
    name: Text = Field(min_length=1, max_length=60)
    what: Text = Field(min_length=1, description="what happens in it, one sentence")
    answers: Axis = Field(description="the measure whose gap its preparation answers")
    prepare: Text = Field(min_length=1, description="one concrete way to prepare")


class Advice(FrozenModel):
    """A way to stand out, or a place to look for a job."""

    id: str = Field(pattern=_ID)
    name: Text = Field(min_length=1, max_length=60)
    how: Text = Field(min_length=1)


class RoleAssessment(FrozenModel):
    """How likely one role's candidates are to meet one assessment, and why we think so."""

    id: str = Field(pattern=_ID, description="an assessment id")
    likely: str = Field(pattern=_ID, description="a likelihood id")
    why: Text = Field(min_length=1)


class RoleHiring(FrozenModel):
    """What getting a job in one role involves."""

    id: str = Field(pattern=_ID, description="a role id of the shipped catalogs")
    assessments: list[RoleAssessment] = Field(min_length=3)
    stand_out: list[str] = Field(min_length=1, description="stand-out ids, most telling first")
    look: list[str] = Field(min_length=1, description="channel ids, most useful first")


class InterviewGuide(Localized):
    """The whole file: assessments, stand-out advice, channels and each role's mix of them."""

    note: Text = Field(min_length=1, description="whose reading the likelihoods are")
    gap_weight: float = Field(ge=0, le=5, description="order added per score point of gap")
    gap_cap: float = Field(ge=0, le=10, description="gap counted at most (score points)")
    likelihoods: list[Likelihood] = Field(min_length=1)
    assessments: list[AssessmentKind] = Field(min_length=1)
    stand_out: list[Advice] = Field(min_length=1)
    channels: list[Advice] = Field(min_length=1)
    roles: list[RoleHiring] = Field(min_length=1)

    @model_validator(mode="after")
    def _references_exist(self) -> InterviewGuide:
        for field, ids in (
            ("likelihoods", [x.id for x in self.likelihoods]),
            ("assessments", [x.id for x in self.assessments]),
            ("stand_out", [x.id for x in self.stand_out]),
            ("channels", [x.id for x in self.channels]),
            ("roles", [x.id for x in self.roles]),
        ):
            if dupes := repeated(ids):
                raise ValueError(
                    Msg(
                        "{field}: ids must be unique; repeated: {ids}",
                        field=field,
                        ids=", ".join(dupes),
                    )
                )
        for i, role in enumerate(self.roles):
            if (problem := _role_problem(self, i, role)) is not None:
                raise ValueError(problem)
        return self

    def kind(self, assessment_id: str) -> AssessmentKind:
        return next(a for a in self.assessments if a.id == assessment_id)

    def likelihood(self, likelihood_id: str) -> Likelihood:
        return next(x for x in self.likelihoods if x.id == likelihood_id)

    def role(self, role_id: str) -> RoleHiring | None:
        """The role's entry, or None for a role the file does not cover (a custom catalog)."""
        return next((r for r in self.roles if r.id == role_id), None)


def _role_problem(guide: InterviewGuide, i: int, role: RoleHiring) -> Msg | None:
    """The first id a role names that the file does not define (or names twice), with where it
    is and the valid ids."""
    where = f"roles[{i}] ({role.id})"
    defined_ids = {
        _KINDS[0]: [a.id for a in guide.assessments],
        _KINDS[1]: [x.id for x in guide.likelihoods],
        _KINDS[2]: [x.id for x in guide.stand_out],
        _KINDS[3]: [x.id for x in guide.channels],
    }
    lists: list[tuple[str, list[str], str]] = [
        ("assessments[{j}].id", [a.id for a in role.assessments], _KINDS[0]),
        ("assessments[{j}].likely", [a.likely for a in role.assessments], _KINDS[1]),
        ("stand_out[{j}]", role.stand_out, _KINDS[2]),
        ("look[{j}]", role.look, _KINDS[3]),
    ]
    for at, used, kind in lists:
        known = defined_ids[kind]
        for j, name in enumerate(used):
            if name not in known:
                place = where + "." + at.format(j=j)
                return Msg(
                    "{at}: unknown {kind} id {name!r}; use one of: {known}",
                    at=place,
                    kind=Msg(kind),
                    name=name,
                    known=", ".join(known),
                )
        if kind != _KINDS[1] and (dupes := repeated(used)):
            place = where + "." + at.split("[")[0]
            return Msg("{at}: listed twice: {ids}", at=place, ids=", ".join(dupes))
    return None
