"""How well the map places real people: survey respondents answer only the three survey questions.

Each respondent of `data/survey_2021.csv` is scored by the questionnaire exactly as the Me page
scores a person who answered those three questions and nothing else (so communication rests on
one answer and the other measures on two), matched against a catalog, and counted as placed
when their title's role is ranked first (top-1) or in the first two (top-2). Figures are
balanced: the mean over titles, so the many data scientists do not drown out the few product
managers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from roles.match import fit_matrix, region_d2
from roles.models import Catalog
from roles.questionnaire import Answers, score
from roles.questionnaire_models import Questionnaire
from roles.survey import TITLE_ROLE, Half, load_survey, people_like_you, row_answers


@dataclass(frozen=True)
class TitleResult:
    """How often respondents with one title get their role first, or in the first two."""

    title: str
    role: str
    n: int
    top1: float
    top2: float
    in_region: float  # share of the title inside its role's region or beyond it (open)


@dataclass(frozen=True)
class ValidityReport:
    """Per-title and balanced figures, the confusion matrix and the baselines."""

    catalog: str
    half: str
    titles: list[TitleResult]
    confusion: pd.DataFrame = field(repr=False)  # title x best-fit role, row shares

    @property
    def top1(self) -> float:
        return float(np.mean([t.top1 for t in self.titles]))

    @property
    def top2(self) -> float:
        return float(np.mean([t.top2 for t in self.titles]))

    @property
    def worst_top1(self) -> TitleResult:
        return min(self.titles, key=lambda t: t.top1)


def _answers(row: pd.Series) -> Answers:
    """A survey row as questionnaire answers (blank = not asked, left unanswered)."""
    return row_answers(row)  # type: ignore[return-value]


def survey_profiles(questionnaire: Questionnaire) -> np.ndarray:
    """(rows, 3) scores of every answer combination in the survey table."""
    frame = load_survey().frame
    cache: dict[tuple[str, str, str], list[float]] = {}
    out = []
    for _, row in frame.iterrows():
        key = (row["years_code"], row["years_ml"], row["activities"])
        if key not in cache:
            profile, _ = score(questionnaire, _answers(row))
            cache[key] = [profile.ml, profile.swe, profile.comm]
        out.append(cache[key])
    return np.array(out)


def evaluate(
    catalog: Catalog, questionnaire: Questionnaire, half: Half = "validation"
) -> ValidityReport:
    """Top-1 and top-2 per title for the respondents of one half of the survey."""
    frame = load_survey().frame
    weights = (
        frame["calibration"] + frame["validation"] if half == "all" else frame[half]
    ).to_numpy()
    profiles = survey_profiles(questionnaire)
    fits = fit_matrix(profiles, catalog)
    held = region_d2(profiles, catalog) <= 1.0
    order = np.argsort(-fits, axis=1, kind="stable")
    ids = np.array(catalog.role_ids)
    first, second = ids[order[:, 0]], ids[order[:, 1]]
    titles, rows = [], {}
    for title, role in TITLE_ROLE.items():
        if role not in catalog.role_ids:
            continue  # e.g. the 2022 chart has no data engineer
        mine = (frame["title"] == title).to_numpy()
        w = weights * mine
        n = int(w.sum())
        top1 = float((w * (first == role)).sum() / n)
        top2 = float((w * ((first == role) | (second == role))).sum() / n)
        inside = float((w * held[:, catalog.role_ids.index(role)]).sum() / n)
        titles.append(TitleResult(title, role, n, top1, top2, inside))
        rows[title] = pd.Series(w).groupby(first).sum().reindex(ids, fill_value=0) / n
    confusion = pd.DataFrame(rows).T
    return ValidityReport(catalog.id, half, titles, confusion)


def people_like_you_accuracy(half: Half = "validation") -> dict[str, float]:
    """Per title: how often the top title of people like you (from the other half) is right."""
    frame = load_survey().frame
    reference: Half = "calibration" if half == "validation" else "validation"
    hits: dict[str, float] = {}
    totals: dict[str, float] = {}
    for _, row in frame[frame[half] > 0].iterrows():
        likes = people_like_you(_answers(row), half=reference)
        top = likes[0].title if likes else ""
        hits[row["title"]] = hits.get(row["title"], 0) + (top == row["title"]) * row[half]
        totals[row["title"]] = totals.get(row["title"], 0) + row[half]
    return {t: hits[t] / totals[t] for t in TITLE_ROLE if t in totals}
