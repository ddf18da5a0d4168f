"""How well the map places real people: survey respondents answer only the survey's questions.

Each respondent of `data/survey_2021.csv` is scored by the questionnaire exactly as the Me page
scores a person who answered those questions and nothing else (by default all nine; the first
three to compare with the map before the tool and education questions), matched against a
catalog, and counted as placed when their title's role is ranked first (top-1) or in the first
two (top-2). Figures are balanced: the mean over titles, so the many data scientists do not
drown out the few product managers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from roles.match import fit_matrix, region_d2
from roles.models import Catalog
from roles.questionnaire import score
from roles.questionnaire_models import Questionnaire
from roles.survey import SURVEY_ITEMS, TITLE_ROLE, Half, load_respondents
from roles.survey_model import respondent_answers

FIRST_THREE = SURVEY_ITEMS[:3]  # the survey questions the questionnaire asked before
FOUR_TITLES = ("Data Scientist", "Research Scientist", "Machine Learning Engineer", "Data Engineer")


@dataclass(frozen=True)
class TitleResult:
    """How often respondents with one title get their role first, or in the first two."""

    title: str
    role: str
    n: int
    top1: float
    top2: float
    in_region: float | None = None  # the map: share of the title in its role's region (or beyond)


class Balanced:
    """Figures balanced over titles: the mean of the per-title figures in `titles`."""

    titles: list[TitleResult]

    @property
    def top1(self) -> float:
        return float(np.mean([t.top1 for t in self.titles]))

    @property
    def top2(self) -> float:
        return float(np.mean([t.top2 for t in self.titles]))


@dataclass(frozen=True)
class ValidityReport(Balanced):
    """Per-title and balanced figures, the confusion matrix and the baselines."""

    catalog: str
    half: str
    titles: list[TitleResult]
    confusion: pd.DataFrame = field(repr=False)  # title x best-fit role, row shares
    questions: tuple[str, ...] = SURVEY_ITEMS

    @property
    def four(self) -> tuple[float, float]:
        """Balanced top-1 and top-2 over data scientist, researcher, ML and data engineer."""
        four = [t for t in self.titles if t.title in FOUR_TITLES]
        return float(np.mean([t.top1 for t in four])), float(np.mean([t.top2 for t in four]))

    @property
    def worst_top1(self) -> TitleResult:
        return min(self.titles, key=lambda t: t.top1)


def half_rows(half: Half) -> pd.DataFrame:
    """The respondents of one half of the survey table (or all of them)."""
    table = load_respondents()
    return table if half == "all" else table[table["half"] == half]


def survey_profiles(
    questionnaire: Questionnaire, rows: pd.DataFrame, questions: Sequence[str] = SURVEY_ITEMS
) -> np.ndarray:
    """(rows, 3) scores of respondents who answered `questions` (the rest left out)."""
    cache: dict[tuple[str, ...], list[float]] = {}
    out = []
    for row in rows[list(questions)].itertuples(index=False):
        key = tuple(row)
        if key not in cache:
            answers = respondent_answers(dict(zip(questions, key, strict=True)))
            profile, _ = score(questionnaire, answers)
            cache[key] = [profile.ml, profile.swe, profile.comm]
        out.append(cache[key])
    return np.array(out).reshape(-1, 3)


def evaluate(
    catalog: Catalog,
    questionnaire: Questionnaire,
    half: Half = "validation",
    questions: Sequence[str] = SURVEY_ITEMS,
) -> ValidityReport:
    """Top-1 and top-2 per title for the respondents of one half of the survey."""
    return evaluate_rows(catalog, questionnaire, half_rows(half), half, questions)


def evaluate_rows(
    catalog: Catalog,
    questionnaire: Questionnaire,
    rows: pd.DataFrame,
    half: str,
    questions: Sequence[str] = SURVEY_ITEMS,
) -> ValidityReport:
    """`evaluate` for any set of respondents (`half` names them): a fold of a half, say."""
    profiles = survey_profiles(questionnaire, rows, questions)
    fits = fit_matrix(profiles, catalog)
    held = region_d2(profiles, catalog) <= 1.0  # inside the region or beyond it (open)
    order = np.argsort(-fits, axis=1, kind="stable")
    ids = np.array(catalog.role_ids)
    first, second = ids[order[:, 0]], ids[order[:, 1]]
    titles, confusion = [], {}
    for title, role in TITLE_ROLE.items():
        if role not in catalog.role_ids:
            continue  # e.g. the 2022 chart has no data engineer
        mine = (rows["title"] == title).to_numpy()
        n = int(mine.sum())
        top1 = float((first[mine] == role).mean())
        top2 = float(((first[mine] == role) | (second[mine] == role)).mean())
        inside = float(held[mine, catalog.role_ids.index(role)].mean())
        titles.append(TitleResult(title, role, n, top1, top2, inside))
        confusion[title] = pd.Series(first[mine]).value_counts().reindex(ids, fill_value=0) / n
    return ValidityReport(catalog.id, half, titles, pd.DataFrame(confusion).T, tuple(questions))
