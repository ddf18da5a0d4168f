"""Turning questionnaire answers into the three scores.

Per measure, the score is the weighted mean of the levels of the answers that speak to it
(`data/questionnaire.yaml` gives every level and weight with its reason). A measure resting on
fewer than `min_answers` of those is pulled toward the middle, as if the missing answers up to
that number sat at the middle: one "Yes" cannot make anyone a 10. The survey's questions about
tools and education (`shift` items) then move it by the shifts of the options ticked, clipped to
0-10. A measure no answer gives a level to scores the middle and is reported as unscored
(tool and education answers alone do not measure it).

Scores come out in the sliders' half steps: the page, the CLI, the bench and the About page then
place the same numbers on the map (one scoring path; a score the page rounded and the bench did
not gave 13% of held-out people a different best fit).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from roles.errors import ProfileError
from roles.i18n import N_, Msg, tr
from roles.models import AXES, Profile
from roles.questionnaire_models import (
    ManyChoiceItem,
    OneChoiceItem,
    Option,
    Questionnaire,
    ShiftItem,
    ShiftOption,
)

# Answer meaning "I have not had the chance to show this": leaves the item out. Answers hold it
# in English, like every answer; `answer_label` says it in the questionnaire's language.
NOT_YET = N_("No chance to do this yet")

Answer = str | Sequence[str] | None
OptionT = TypeVar("OptionT", Option, ShiftOption)
Answers = Mapping[str, Answer]
# The sliders' step: every score is said in it.
STEP = 0.5


def snap(value: float) -> float:
    """A score on the sliders' half steps (halves round up, so 2.25 is 2.5 everywhere)."""
    return math.floor(value / STEP + 0.5) * STEP


@dataclass(frozen=True)
class ScoreDetail:
    """Scores plus what they rest on: answers per measure and the uncertainty that leaves.

    `answers` counts every answer that speaks to a measure; `levels` only those that stand for a
    level (fewer than `min_answers` of them pull the score toward the middle); `shifts` is how
    far the shift answers moved it.
    """

    profile: Profile
    unscored: list[str]
    answers: dict[str, int]
    halo: dict[str, float]
    levels: dict[str, int] = field(default_factory=dict)
    shifts: dict[str, float] = field(default_factory=dict)


def answer_options(questionnaire: Questionnaire, item_id: str) -> list[str]:
    """The answers a person can pick for a one-choice item, as the English keys answers hold
    (plus 'no chance yet' off the survey); `answer_label` shows one in the reader's language."""
    item = questionnaire.item(item_id)
    if not isinstance(item, OneChoiceItem):
        raise ProfileError(Msg("{item!r} is not a one-choice question", item=item_id))
    keys = [c.key for c in questionnaire.choices(item)]
    return keys if item.survey else [*keys, NOT_YET]


def answer_label(questionnaire: Questionnaire, item: OneChoiceItem, key: str) -> str:
    """An answer's label in the questionnaire's language."""
    if key == NOT_YET:
        return tr(questionnaire.lang, NOT_YET)
    return next((c.label for c in questionnaire.choices(item) if c.key == key), key)


def _one_level(q: Questionnaire, item: OneChoiceItem, answer: Answer) -> float | None:
    if answer is None or (answer == NOT_YET and not item.survey):
        return None
    levels = {c.key: c.level for c in q.choices(item)}
    if not isinstance(answer, str) or answer not in levels:
        raise ProfileError(
            Msg(
                "{item}: {answer!r} is not an answer; pick one of {known}",
                item=item.id,
                answer=answer,
                known=list(levels),
            )
        )
    return levels[answer]


def _ticked(item_id: str, options: Sequence[OptionT], answer: Answer) -> list[OptionT]:
    """The options a list answer ticks, checked: known ids, an exclusive one alone."""
    if isinstance(answer, str) or not isinstance(answer, Sequence):
        raise ProfileError(
            Msg("{item}: expects a list of option ids, got {answer!r}", item=item_id, answer=answer)
        )
    by_id = {o.id: o for o in options}
    ticked = []
    for option_id in dict.fromkeys(answer):
        option = by_id.get(option_id) if isinstance(option_id, str) else None
        if option is None:
            raise ProfileError(
                Msg(
                    "{item}: {option!r} is not an option; use {allowed}",
                    item=item_id,
                    option=option_id,
                    allowed=list(by_id),
                )
            )
        ticked.append(option)
    if len(ticked) > 1 and any(o.exclusive for o in ticked):
        only = next(o.id for o in ticked if o.exclusive)
        raise ProfileError(
            Msg(
                "{item}: {option!r} cannot be combined with other options",
                item=item_id,
                option=only,
            )
        )
    return ticked


def _many_levels(item: ManyChoiceItem, answer: Answer) -> dict[str, float]:
    """Per measure, the mean level of the ticked options ({} when nothing was ticked)."""
    if answer is None:
        return {}
    ticked = _ticked(item.id, item.options, answer)
    out: dict[str, float] = {}
    for axis in item.axes:
        levels = [o.levels[axis] for o in ticked if axis in o.levels]
        if levels:
            out[axis] = sum(levels) / len(levels)
    return out


def _shift_answer(item: ShiftItem, answer: Answer) -> dict[str, float]:
    """Per measure the item speaks to, how far the answer moves it ({} when unanswered)."""
    if answer is None or (not isinstance(answer, str) and not answer):
        return {}
    if item.multiple:
        picked = _ticked(item.id, item.options, answer)
    else:
        option = item.option(answer) if isinstance(answer, str) else None
        if option is None:
            raise ProfileError(
                Msg(
                    "{item}: {answer!r} is not an answer; pick one of {known}",
                    item=item.id,
                    answer=answer,
                    known=[o.id for o in item.options],
                )
            )
        picked = [option]
    return {a: sum(o.shift.get(a, 0.0) for o in picked) for a in item.axes}  # type: ignore[call-overload]


def _check_ids(questionnaire: Questionnaire, answers: Answers) -> None:
    unknown = [k for k in answers if questionnaire.item(k) is None]
    if unknown:
        known = [i.id for i in questionnaire.items]
        raise ProfileError(
            Msg(
                "unknown question {item!r}; the questions are {known}", item=unknown[0], known=known
            )
        )


def score_detail(questionnaire: Questionnaire, answers: Answers) -> ScoreDetail:
    """Scores from answers ({item id: label or option id, or a list of option ids}) and what
    they rest on."""
    _check_ids(questionnaire, answers)
    sums = {a: 0.0 for a in AXES}
    weights = {a: 0.0 for a in AXES}
    levels = {a: 0 for a in AXES}
    shifts = {a: 0.0 for a in AXES}
    counts = {a: 0 for a in AXES}
    for item in questionnaire.items:
        answer = answers.get(item.id)
        if isinstance(item, ShiftItem):
            for axis, by in _shift_answer(item, answer).items():
                shifts[axis] += by
                counts[axis] += 1
            continue
        found: dict[str, float]
        item_weight: dict[str, float]
        if isinstance(item, OneChoiceItem):
            level = _one_level(questionnaire, item, answer)
            found = {item.axis: level} if level is not None else {}
            item_weight = {item.axis: item.weight}
        else:
            found = _many_levels(item, answer)
            item_weight = {str(a): w for a, w in item.weight.items()}
        for axis, level in found.items():
            sums[axis] += item_weight[axis] * level
            weights[axis] += item_weight[axis]
            levels[axis] += 1
            counts[axis] += 1
    rules = questionnaire.scoring
    scores = {}
    for axis in AXES:
        n = levels[axis]
        mean = sums[axis] / weights[axis] if n else rules.middle
        if n < rules.min_answers:
            mean = (n * mean + (rules.min_answers - n) * rules.middle) / rules.min_answers
        # A shift refines a measured score; a measure no level speaks to stays unmeasured.
        moved = mean + shifts[axis] if n else mean
        scores[axis] = snap(min(10.0, max(0.0, moved)))
    return ScoreDetail(
        profile=Profile(**scores),
        unscored=[a for a in AXES if levels[a] == 0],
        answers=counts,
        halo={a: rules.halo_for(counts[a]) for a in AXES},
        levels=levels,
        shifts=shifts,
    )


def score(questionnaire: Questionnaire, answers: Answers) -> tuple[Profile, list[str]]:
    """Scores from answers {item id: label or list of option ids}; also the unscored measures.

    A measure with no answered item scores the middle (5) and is named in the second value, so
    the page can say the result for it is not meaningful yet.
    """
    detail = score_detail(questionnaire, answers)
    return detail.profile, detail.unscored
