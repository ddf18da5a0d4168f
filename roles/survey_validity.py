"""How well "People like you" names held-out respondents' titles, and how calibrated it is.

Every respondent of the validation half (never fitted on) answers the survey questions as they
did in the survey (all nine, or the first three to compare with before), and the model's shares
are checked against their own title: top-1 and top-2 per title, balanced over the five titles
and over the four the map's roles share with the survey's largest titles (data scientist,
research scientist, ML engineer, data engineer; "among four": the product manager's share is
left out of the ranking, as the measure of the issue's ceiling was taken). Calibration: the
expected calibration error of the top title's share over 10 bins, each respondent weighing
1/(their title's count), so the figure holds for a population where the titles are equally
common, as the shares say.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from roles.survey import SURVEY_ITEMS, TITLE_ROLE, Half
from roles.survey_model import load_model, respondent_answers
from roles.validity import FOUR_TITLES, Balanced, TitleResult, half_rows

BINS = 10


@dataclass(frozen=True)
class CalibrationBin:
    """Respondents whose top share fell in one bin: what it said against how often it was right."""

    low: float
    high: float
    weight: float  # title-balanced share of the respondents in the bin
    stated: float
    actual: float


@dataclass(frozen=True)
class LikenessReport(Balanced):
    """Per title, balanced (five titles, four titles) and calibration figures."""

    half: str
    titles: list[TitleResult]
    four_among_five: tuple[float, float]  # the four titles, product manager still a candidate
    four_among_four: tuple[float, float]  # the four titles ranked among themselves
    ece: float
    bins: list[CalibrationBin]
    questions: tuple[str, ...]


def _hits(p: np.ndarray, truth: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    order = np.argsort(-p, axis=1, kind="stable")
    top1 = order[:, 0] == truth
    return top1, top1 | (order[:, 1] == truth)


def _balanced(hits: np.ndarray, titles: np.ndarray) -> float:
    return float(np.mean([hits[titles == t].mean() for t in FOUR_TITLES]))


def calibration(p: np.ndarray, truth: np.ndarray, titles: np.ndarray) -> list[CalibrationBin]:
    """Reliability of the top share in `BINS` bins, respondents weighted 1/(title count)."""
    counts = pd.Series(titles).value_counts()
    weights = 1 / pd.Series(titles).map(counts).to_numpy()
    weights /= weights.sum()
    stated = p.max(axis=1)
    right = (p.argmax(axis=1) == truth).astype(float)
    which = np.minimum((stated * BINS).astype(int), BINS - 1)
    out = []
    for b in range(BINS):
        inside = which == b
        if not inside.any():
            continue
        w = weights[inside]
        out.append(
            CalibrationBin(
                b / BINS,
                (b + 1) / BINS,
                float(w.sum()),
                float(np.average(stated[inside], weights=w)),
                float(np.average(right[inside], weights=w)),
            )
        )
    return out


def likeness_report(
    half: Half = "validation", questions: Sequence[str] = SURVEY_ITEMS
) -> LikenessReport:
    """The figures for one half, respondents answering `questions` (the rest left out)."""
    rows = half_rows(half)
    model = load_model()
    classes = [str(c) for c in model.estimator.classes_]
    answers = [respondent_answers({q: r[q] for q in questions}) for r in rows.to_dict("records")]
    p = model.probabilities(answers)
    titles = rows["title"].to_numpy()
    truth = np.array([classes.index(t) for t in titles])
    top1, top2 = _hits(p, truth)
    per_title = [
        TitleResult(
            t, role, int((titles == t).sum()), top1[titles == t].mean(), top2[titles == t].mean()
        )
        for t, role in TITLE_ROLE.items()
    ]
    four = np.isin(titles, FOUR_TITLES)
    p4 = p.copy()
    p4[:, [classes.index(t) for t in classes if t not in FOUR_TITLES]] = -1.0
    four1, four2 = _hits(p4[four], truth[four])
    bins = calibration(p, truth, titles)
    ece = sum(b.weight * abs(b.stated - b.actual) for b in bins)
    return LikenessReport(
        half=half,
        titles=per_title,
        four_among_five=(_balanced(top1[four], titles[four]), _balanced(top2[four], titles[four])),
        four_among_four=(_balanced(four1, titles[four]), _balanced(four2, titles[four])),
        ece=float(ece),
        bins=bins,
        questions=tuple(questions),
    )
