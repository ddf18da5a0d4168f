"""Pydantic models of the questionnaire file (`data/questionnaire.yaml`).

Three kinds of question: `one` (pick one answer; each answer is a level on one measure), `many`
(tick several options; each option carries a level on some measures) and `shift` (the survey's
questions about tools and education: each option moves some measures by a fitted amount).
Every weight, level and shift has a `why`, so the file explains its own numbers.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from roles.i18n import Msg, Text
from roles.models import AXES, Axis, FrozenModel, Localized, keep_english, repeated

Level = Annotated[float, Field(ge=0, le=10)]
Shift = Annotated[float, Field(ge=-3, le=3)]
# Options that close a list of choices whatever their share ("None", "Other").
_LAST = ("none", "other")


class Choice(FrozenModel):
    """One answer of a one-choice question and the level it stands for on the item's measure.

    `key` is the English label: what answers hold (the survey's own wording, in the survey's
    data file too), whatever language the label is shown in.
    """

    key: str = Field(min_length=1, description="the English label (set from `label` on load)")
    label: Text = Field(min_length=1)
    level: Level
    why: Text | None = Field(default=None, description="why this answer means this level")

    @model_validator(mode="before")
    @classmethod
    def _english_key(cls, data: Any) -> Any:
        return keep_english(data, "label", "key")


def _unique_options(ids: list[str]) -> None:
    dupes = repeated(ids)
    if dupes:
        raise ValueError(Msg("option ids must be unique; repeated: {ids}", ids=", ".join(dupes)))


class _Item(FrozenModel):
    """What every question has: its text (and, for the survey's, the survey's own wording)."""

    @model_validator(mode="before")
    @classmethod
    def _survey_wording(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("survey"):
            return keep_english(data, "text", "wording")
        return data


class OneChoiceItem(_Item):
    """A question with one answer, scored on one measure."""

    kind: Literal["one"] = "one"
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    axis: Axis
    text: Text = Field(min_length=1)
    wording: str = Field(default="", description="a survey question's English (set on load)")
    scale: str = Field(description="name of an answer scale defined under `scales`")
    weight: float = Field(default=1.0, gt=0, le=5)
    survey: bool = Field(default=False, description="asked word for word as the Kaggle survey")
    why: Text | None = Field(default=None, description="why it counts, and with this weight")

    @property
    def axes(self) -> tuple[str, ...]:
        return (self.axis,)


class _Option(FrozenModel):
    """What every option of a question with options has: its id, label and reason."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    label: Text = Field(min_length=1)
    wording: str = Field(default="", description="the English label (set on load)")
    exclusive: bool = Field(default=False, description="cannot be ticked with other options")
    why: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _english_wording(cls, data: Any) -> Any:
        return keep_english(data, "label", "wording")


class Option(_Option):
    """One option of a many-choice question, with a level on each measure it speaks to."""

    levels: dict[Axis, Level] = Field(default_factory=dict)


class ManyChoiceItem(_Item):
    """A question where several options may be ticked.

    On each measure the item counts as one answer whose level is the mean of the ticked options'
    levels on that measure (options without a level there are left out of the mean).
    """

    kind: Literal["many"]
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    text: Text = Field(min_length=1)
    wording: str = Field(default="", description="a survey question's English (set on load)")
    options: list[Option] = Field(min_length=2)
    weight: dict[Axis, float] = Field(min_length=1, description="weight of the item per measure")
    survey: bool = False
    why: Text | None = None

    @model_validator(mode="after")
    def _consistent(self) -> ManyChoiceItem:
        _unique_options([o.id for o in self.options])
        for o in self.options:
            extra = sorted(set(o.levels) - set(self.weight))
            if extra:
                raise ValueError(
                    Msg(
                        "option {option!r} has levels for {extra}, which the item has no weight "
                        "for; add them to `weight` or remove the levels",
                        option=o.id,
                        extra=extra,
                    )
                )
        return self

    @property
    def axes(self) -> tuple[str, ...]:
        return tuple(a for a in AXES if a in self.weight)

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)


class ShiftOption(_Option):
    """One answer of a `shift` question and how far it moves each measure it speaks to."""

    share: float | None = Field(
        default=None, ge=0, le=1, description="share of the survey's respondents who picked it"
    )
    shift: dict[Axis, Shift] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _explained(self) -> ShiftOption:
        if any(self.shift.values()) and self.why is None:
            raise ValueError(
                Msg("option {option!r} moves a measure; say why in `why`", option=self.id)
            )
        return self


class ShiftItem(_Item):
    """One of the survey's questions whose answers move the scores instead of setting a level.

    Each ticked option adds its `shift` to the measures it names, after the levels' weighted
    mean (of a measure some level answer speaks to): ticking an option with a shift of 0 or
    more can never lower a score. `multiple`
    questions take a list of option ids; the others one option id (or its English label).
    """

    kind: Literal["shift"]
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    text: Text = Field(min_length=1)
    wording: str = Field(default="", description="a survey question's English (set on load)")
    multiple: bool = Field(description="several options may be ticked")
    options: list[ShiftOption] = Field(min_length=2)
    survey: bool = False
    why: Text | None = None

    @model_validator(mode="after")
    def _consistent(self) -> ShiftItem:
        _unique_options([o.id for o in self.options])
        shares = [o.share for o in self.options if o.share is not None and o.id not in _LAST]
        if shares != sorted(shares, reverse=True):
            raise ValueError(
                Msg(
                    "options must be listed most used first (by `share`), with none and other "
                    "last; reorder them"
                )
            )
        return self

    @property
    def axes(self) -> tuple[str, ...]:
        moved = {axis for o in self.options for axis, by in o.shift.items() if by}
        return tuple(a for a in AXES if a in moved)

    def option(self, answer: str) -> ShiftOption | None:
        """The option an answer names, by its id or its English label."""
        return next((o for o in self.options if answer in (o.id, o.wording)), None)


Item = Annotated[OneChoiceItem | ManyChoiceItem | ShiftItem, Field(discriminator="kind")]


class Scoring(FrozenModel):
    """How answers become scores when there are few of them."""

    middle: float = Field(
        default=5.0, ge=0, le=10, description="score of a measure nobody answered"
    )
    min_answers: int = Field(
        default=3, ge=1, le=10, description="fewer answers than this pull the score to the middle"
    )
    halo: list[float] = Field(
        min_length=1, description="uncertainty half-width (points) by number of answers: 0, 1, ..."
    )

    def halo_for(self, answers: int) -> float:
        """How unsure a score resting on this many answers is, in points either way."""
        return self.halo[min(answers, len(self.halo) - 1)]


class Questionnaire(Localized):
    """Every question, the answer scales they share and the scoring rules."""

    scoring: Scoring
    scales: dict[str, list[Choice]]
    items: list[Item]

    @model_validator(mode="after")
    def _consistent(self) -> Questionnaire:
        for name, choices in self.scales.items():
            if len(choices) < 2:
                raise ValueError(Msg("scale {name!r} needs at least two choices", name=name))
        for item in self.items:
            if isinstance(item, OneChoiceItem) and item.scale not in self.scales:
                raise ValueError(
                    Msg(
                        "item {item!r} uses unknown scale {scale!r}; use {known}",
                        item=item.id,
                        scale=item.scale,
                        known=", ".join(self.scales),
                    )
                )
        dupes = repeated([i.id for i in self.items])
        if dupes:
            raise ValueError(Msg("item ids must be unique; repeated: {ids}", ids=", ".join(dupes)))
        for axis in AXES:
            n = sum(1 for i in self.items if axis in i.axes)
            if n < 5:
                raise ValueError(
                    Msg("axis {axis!r} has {n} items; at least 5 are needed", axis=axis, n=n)
                )
        return self

    def item(self, item_id: str) -> OneChoiceItem | ManyChoiceItem | ShiftItem | None:
        return next((i for i in self.items if i.id == item_id), None)

    def choices(self, item: OneChoiceItem) -> list[Choice]:
        return self.scales[item.scale]
