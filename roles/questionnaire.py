"""Turning questionnaire answers into the three scores."""

from __future__ import annotations

from collections.abc import Mapping

from roles.errors import ProfileError
from roles.models import AXES, Profile, Questionnaire

# Answer label meaning "I have not had the chance to show this": leaves the item out.
NOT_YET = "No chance to do this yet"


def answer_options(questionnaire: Questionnaire, item_id: str) -> list[str]:
    """The labels a person can pick for an item, plus the 'no chance yet' option."""
    item = next(i for i in questionnaire.items if i.id == item_id)
    return [c.label for c in questionnaire.scales[item.scale]] + [NOT_YET]


def score(questionnaire: Questionnaire, answers: Mapping[str, str]) -> tuple[Profile, list[str]]:
    """Scores from answers {item id: choice label}; also the measures nobody could score.

    A measure with no answered item scores 0 and is named in the second value, so the page can
    say the result for it is not meaningful yet.
    """
    sums = {a: 0.0 for a in AXES}
    weights = {a: 0.0 for a in AXES}
    for item in questionnaire.items:
        label = answers.get(item.id)
        if label is None or label == NOT_YET:
            continue
        values = {c.label: c.value for c in questionnaire.scales[item.scale]}
        if label not in values:
            raise ProfileError(f"{item.id}: {label!r} is not an answer; pick one of {list(values)}")
        sums[item.axis] += item.weight * values[label]
        weights[item.axis] += item.weight
    unscored = [a for a in AXES if weights[a] == 0]
    scores = {a: round(10 * sums[a] / weights[a], 1) if weights[a] else 0.0 for a in AXES}
    return Profile(**scores), unscored
