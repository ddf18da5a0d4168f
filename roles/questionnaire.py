"""Turning questionnaire answers into the three scores.

Per measure, the score is the weighted mean of the levels of the answers that speak to it
(`data/questionnaire.yaml` gives every level and weight with its reason). A measure resting on
fewer than `min_answers` answers is pulled toward the middle, as if the missing answers up to
that number sat at the middle: one "Yes" cannot make anyone a 10. A measure nobody answered
scores the middle and is reported as unscored.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from roles.errors import ProfileError
from roles.models import AXES, Profile
from roles.questionnaire_models import ManyChoiceItem, OneChoiceItem, Questionnaire

# Answer label meaning "I have not had the chance to show this": leaves the item out.
NOT_YET = "No chance to do this yet"

Answer = str | Sequence[str] | None
Answers = Mapping[str, Answer]


@dataclass(frozen=True)
class ScoreDetail:
    """Scores plus what they rest on: answers per measure and the uncertainty that leaves."""

    profile: Profile
    unscored: list[str]
    answers: dict[str, int]
    halo: dict[str, float]


def answer_options(questionnaire: Questionnaire, item_id: str) -> list[str]:
    """The labels a person can pick for a one-choice item (plus 'no chance yet' off the survey)."""
    item = questionnaire.item(item_id)
    if not isinstance(item, OneChoiceItem):
        raise ProfileError(f"{item_id!r} is not a one-choice question")
    labels = [c.label for c in questionnaire.choices(item)]
    return labels if item.survey else [*labels, NOT_YET]


def _one_level(q: Questionnaire, item: OneChoiceItem, answer: Answer) -> float | None:
    if answer is None or (answer == NOT_YET and not item.survey):
        return None
    levels = {c.label: c.level for c in q.choices(item)}
    if not isinstance(answer, str) or answer not in levels:
        raise ProfileError(f"{item.id}: {answer!r} is not an answer; pick one of {list(levels)}")
    return levels[answer]


def _many_levels(item: ManyChoiceItem, answer: Answer) -> dict[str, float]:
    """Per measure, the mean level of the ticked options ({} when nothing was ticked)."""
    if answer is None:
        return {}
    if isinstance(answer, str) or not isinstance(answer, Sequence):
        raise ProfileError(f"{item.id}: expects a list of option ids, got {answer!r}")
    ticked = []
    for option_id in dict.fromkeys(answer):
        option = item.option(option_id) if isinstance(option_id, str) else None
        if option is None:
            allowed = [o.id for o in item.options]
            raise ProfileError(f"{item.id}: {option_id!r} is not an option; use {allowed}")
        ticked.append(option)
    if len(ticked) > 1 and any(o.exclusive for o in ticked):
        only = next(o.id for o in ticked if o.exclusive)
        raise ProfileError(f"{item.id}: {only!r} cannot be combined with other options")
    out: dict[str, float] = {}
    for axis in item.axes:
        levels = [o.levels[axis] for o in ticked if axis in o.levels]
        if levels:
            out[axis] = sum(levels) / len(levels)
    return out


def _check_ids(questionnaire: Questionnaire, answers: Answers) -> None:
    unknown = [k for k in answers if questionnaire.item(k) is None]
    if unknown:
        known = [i.id for i in questionnaire.items]
        raise ProfileError(f"unknown question {unknown[0]!r}; the questions are {known}")


def score_detail(questionnaire: Questionnaire, answers: Answers) -> ScoreDetail:
    """Scores from answers ({item id: label, or a list of option ids}) and what they rest on."""
    _check_ids(questionnaire, answers)
    sums = {a: 0.0 for a in AXES}
    weights = {a: 0.0 for a in AXES}
    counts = {a: 0 for a in AXES}
    for item in questionnaire.items:
        answer = answers.get(item.id)
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
            counts[axis] += 1
    rules = questionnaire.scoring
    scores = {}
    for axis in AXES:
        n = counts[axis]
        mean = sums[axis] / weights[axis] if n else rules.middle
        if n < rules.min_answers:
            mean = (n * mean + (rules.min_answers - n) * rules.middle) / rules.min_answers
        scores[axis] = round(mean, 1)
    return ScoreDetail(
        profile=Profile(**scores),
        unscored=[a for a in AXES if counts[a] == 0],
        answers=counts,
        halo={a: rules.halo_for(counts[a]) for a in AXES},
    )


def score(questionnaire: Questionnaire, answers: Answers) -> tuple[Profile, list[str]]:
    """Scores from answers {item id: label or list of option ids}; also the unscored measures.

    A measure with no answered item scores the middle (5) and is named in the second value, so
    the page can say the result for it is not meaningful yet.
    """
    detail = score_detail(questionnaire, answers)
    return detail.profile, detail.unscored
