"""The questionnaire's fitted numbers (levels, shifts) and the scores as linear in the levels.

`roles.questionnaire.score` takes, per measure, the weighted mean of the levels the answers
give (a many-choice answer at the mean of its ticked options), pulled toward the middle while
fewer than `min_answers` answers speak to it, then adds the shifts. With the answered questions
fixed, that is linear in the levels: `Design` holds, per respondent, the constant and the
coefficient of every fitted level, so scripts/fit_map_shifts.py can fit the levels and the
shifts together by gradient. `Design.check` compares it with the scoring itself.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from roles.questionnaire import snap
from roles.questionnaire_models import ManyChoiceItem, OneChoiceItem, Questionnaire, ShiftItem
from roles.validity import FIRST_THREE, survey_profiles

# The fitted levels: (item, axis). A one-choice item's levels are its scale's, in the scale's
# order (years: more never scores less); a many-choice item's are its options' on that axis.
LEVELLED = (
    ("years_ml", "ml"),
    ("years_code", "swe"),
    ("work_activities", "ml"),
    ("work_activities", "swe"),
)


def _keys(q: Questionnaire, item_id: str) -> list[str]:
    item = q.item(item_id)
    if isinstance(item, OneChoiceItem):
        return [c.key for c in q.choices(item)]
    assert isinstance(item, ManyChoiceItem)
    return [o.id for o in item.options]


def blocks(q: Questionnaire) -> list[tuple[str, str, list[str]]]:
    """(item, axis, the answers whose levels are fitted), in the order of the level vector."""
    return [(item, axis, _keys(q, item)) for item, axis in LEVELLED]


def levels_of(q: Questionnaire) -> np.ndarray:
    """The questionnaire's current levels, in the order of `blocks`."""
    out: list[float] = []
    for item_id, axis, _ in blocks(q):
        item = q.item(item_id)
        if isinstance(item, OneChoiceItem):
            out += [c.level for c in q.choices(item)]
        else:
            assert isinstance(item, ManyChoiceItem)
            out += [o.levels[axis] for o in item.options]  # type: ignore[index]
    return np.array(out, dtype=float)


def with_levels(q: Questionnaire, levels: np.ndarray) -> Questionnaire:
    """The questionnaire with these levels (in the order of `blocks`)."""
    scales, items, at = dict(q.scales), {i.id: i for i in q.items}, 0
    for item_id, axis, keys in blocks(q):
        part, at = levels[at : at + len(keys)], at + len(keys)
        item = items[item_id]
        if isinstance(item, OneChoiceItem):
            scales[item.scale] = [
                c.model_copy(update={"level": float(v)})
                for c, v in zip(q.choices(item), part, strict=True)
            ]
        else:
            assert isinstance(item, ManyChoiceItem)
            options = [
                o.model_copy(update={"levels": {**o.levels, axis: float(v)}})
                for o, v in zip(item.options, part, strict=True)
            ]
            items[item_id] = item.model_copy(update={"options": options})
    return q.model_copy(update={"scales": scales, "items": [items[i.id] for i in q.items]})


@dataclass(frozen=True)
class Design:
    """Unsnapped ML and software-engineering scores from the first three answers:
    `constant[:, a] + coef[a] @ levels`; `measured[:, a]` says whether any answer spoke to it."""

    constant: np.ndarray  # (n, 2)
    coef: tuple[np.ndarray, np.ndarray]  # (n, levels) for ml, for swe
    measured: np.ndarray  # (n, 2) of 0/1

    def scores(self, levels: np.ndarray) -> np.ndarray:
        return self.constant + np.c_[self.coef[0] @ levels, self.coef[1] @ levels]

    def check(self, q: Questionnaire, rows: pd.DataFrame) -> float:
        """Largest difference from the questionnaire's own scores (0 when the design is right)."""
        mine = np.vectorize(snap)(np.clip(self.scores(levels_of(q)), 0, 10))
        return float(np.abs(mine - survey_profiles(q, rows, FIRST_THREE)[:, :2]).max())


def design(q: Questionnaire, rows: pd.DataFrame) -> Design:
    """The linear design of the first three answers of these respondents."""
    rules, parts = q.scoring, blocks(q)
    offsets = np.cumsum([0] + [len(k) for *_, k in parts])
    n, size = len(rows), int(offsets[-1])
    coef = (np.zeros((n, size)), np.zeros((n, size)))
    constant, measured = np.full((n, 2), rules.middle), np.zeros((n, 2))
    answers = rows[list(FIRST_THREE)].to_numpy(dtype=object)
    for r in range(n):
        given = dict(zip(FIRST_THREE, answers[r], strict=True))
        for a, axis in enumerate(("ml", "swe")):
            terms = []  # (weight, [(level index, share)])
            for (item_id, item_axis, keys), start in zip(parts, offsets, strict=False):
                value = given.get(item_id)
                if item_axis != axis or not isinstance(value, str) or not value:
                    continue
                item = q.item(item_id)
                picked = value.split() if isinstance(item, ManyChoiceItem) else [value]
                weight = item.weight if isinstance(item, OneChoiceItem) else item.weight[axis]  # type: ignore[union-attr,index]
                terms.append((weight, [(start + keys.index(p), 1 / len(picked)) for p in picked]))
            if not terms:
                continue
            count, total = len(terms), sum(w for w, _ in terms)
            pull = min(1.0, count / rules.min_answers)
            constant[r, a] = (1 - pull) * rules.middle
            measured[r, a] = 1
            for w, cells in terms:
                for j, share in cells:
                    coef[a][r, j] += pull * w / total * share
    return Design(constant, coef, measured)


def shift_options(q: Questionnaire) -> list[tuple[str, str]]:
    return [(i.id, o.id) for i in q.items if isinstance(i, ShiftItem) for o in i.options]


def with_shifts(q: Questionnaire, theta: np.ndarray) -> Questionnaire:
    """The questionnaire with these shifts (ml then swe per option of `_options`)."""
    options, k = shift_options(q), len(shift_options(q))
    at = {o: j for j, o in enumerate(options)}
    items = []
    for item in q.items:
        if isinstance(item, ShiftItem):
            moved = []
            for o in item.options:
                j = at[(item.id, o.id)]
                shift = {a: float(v) for a, v in (("ml", theta[j]), ("swe", theta[k + j])) if v}
                moved.append(o.model_copy(update={"shift": shift}))
            item = item.model_copy(update={"options": moved})
        items.append(item)
    return q.model_copy(update={"items": items})


def same_numbers(a: Questionnaire, b: Questionnaire) -> bool:
    """Whether two questionnaires have the same fitted levels and shifts."""
    return (levels_by_item(a), shifts_of(a)) == (levels_by_item(b), shifts_of(b))


def shifts_of(q: Questionnaire) -> dict[str, dict[str, dict[str, float]]]:
    return {
        i.id: {o.id: {str(a): v for a, v in o.shift.items()} for o in i.options if o.shift}
        for i in q.items
        if isinstance(i, ShiftItem)
    }


def levels_by_item(q: Questionnaire) -> dict[str, list[float]]:
    at, values, out = 0, levels_of(q), {}
    for item, axis, keys in blocks(q):
        out[f"{item}.{axis}"] = [float(v) for v in values[at : at + len(keys)]]
        at += len(keys)
    return out
