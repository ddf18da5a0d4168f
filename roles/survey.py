"""Real people from the 2021 Kaggle ML & DS Survey: who answered its three questions like you.

`data/survey_2021.csv` holds, for respondents with one of the five ML-team titles, how many gave
each combination of answers (title, years of coding, years of ML, work activities), split into a
calibration half and a validation half (`scripts/build_survey_data.py`). Source: Kaggle Machine
Learning & Data Science Survey 2021, CC BY 2.0.

"People like you" are the respondents who gave your answers. When fewer than `MIN_EXACT` did,
it backs off to the respondents whose answers are nearest to yours (at least `NEIGHBOURS` of
them). Shares count every title as if the five were equally common, because the survey has
eleven data scientists for every product manager: without that, "Data Scientist" would top
almost every list and say little about the person.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import numpy as np
import pandas as pd

from roles.catalog import data_dir
from roles.errors import CatalogError, ProfileError
from roles.i18n import DEFAULT_LANG, N_, Lang, Msg, tr
from roles.questionnaire import Answers

SURVEY_FILE = "survey_2021.csv"
SOURCE = N_("Kaggle Machine Learning & Data Science Survey 2021 (CC BY 2.0)")
# The survey title that corresponds to each role of the map (no title for ML DevOps). Titles are
# the survey's own answers, kept in English as ids; `title_name` says one in a reader's language.
TITLE_ROLE = {
    "Data Scientist": "data_scientist",
    "Research Scientist": "ml_researcher",
    "Machine Learning Engineer": "ml_engineer",
    "Data Engineer": "data_engineer",
    "Product Manager": "ml_product_manager",
}
TITLE_NAMES = {
    "Data Scientist": N_("Data Scientist"),
    "Research Scientist": N_("Research Scientist"),
    "Machine Learning Engineer": N_("Machine Learning Engineer"),
    "Data Engineer": N_("Data Engineer"),
    "Product Manager": N_("Product Manager"),
}
YEARS_CODE = [
    "I have never written code",
    "< 1 years",
    "1-3 years",
    "3-5 years",
    "5-10 years",
    "10-20 years",
    "20+ years",
]
YEARS_ML = [
    "I do not use machine learning methods",
    "Under 1 year",
    "1-2 years",
    "2-3 years",
    "3-4 years",
    "4-5 years",
    "5-10 years",
    "10-20 years",
    "20 or more years",
]
ACTIVITIES = [
    "analyze_data",
    "data_infrastructure",
    "ml_prototypes",
    "ml_service",
    "improve_models",
    "ml_research",
    "none",
]
SURVEY_ITEMS = ("years_code", "years_ml", "work_activities")
MIN_EXACT = 50
NEIGHBOURS = 150
Half = Literal["calibration", "validation", "all"]


def title_name(title: str, lang: Lang = DEFAULT_LANG) -> str:
    """A survey title in `lang` ('Data Scientist' / '数据科学家')."""
    return tr(lang, TITLE_NAMES.get(title, title))


@dataclass(frozen=True)
class TitleShare:
    """One survey title among the people who answered like you."""

    title: str
    share: float  # title-balanced share, 0-1
    n: int  # respondents the shares rest on (all titles)
    count: int  # respondents with this title among them


@dataclass(frozen=True)
class Likeness:
    """The people who answered like you, how they were found, and their titles best first."""

    titles: list[TitleShare]
    n: int
    exact: bool
    answered: tuple[str, ...]
    lang: Lang = DEFAULT_LANG

    @property
    def how(self) -> str:
        """How they were found, to follow "people in the survey": exactly alike, or nearest."""
        if not self.answered:
            return tr(
                self.lang, "with one of the five titles (you answered none of the survey questions)"
            )
        if self.exact:
            return tr(self.lang, "who gave exactly your answers")
        return tr(self.lang, "whose answers are closest to yours (few gave exactly your answers)")


@dataclass(frozen=True)
class _Table:
    frame: pd.DataFrame  # one row per answer combination and title, with counts per half
    code: np.ndarray  # years of coding as an index into YEARS_CODE
    ml: np.ndarray  # years of ML as an index into YEARS_ML, -1 when not asked
    acts: np.ndarray  # (rows, activities) 0/1


@lru_cache(maxsize=2)
def load_survey(path: str | None = None) -> _Table:
    """The shipped survey counts, validated and indexed for matching."""
    source = path or str(data_dir() / SURVEY_FILE)
    try:
        frame = pd.read_csv(source, dtype=str, keep_default_na=False)
        for half in ("calibration", "validation"):
            frame[half] = frame[half].astype(int)
        code = frame["years_code"].map(YEARS_CODE.index).to_numpy()
        ml = frame["years_ml"].map(lambda v: YEARS_ML.index(v) if v else -1).to_numpy()
        split = frame["activities"].str.split()
        acts = np.array([[a in s for a in ACTIVITIES] for s in split], dtype=int)
        if not set(frame["title"]) <= set(TITLE_ROLE):
            raise ValueError(f"unknown titles {sorted(set(frame['title']) - set(TITLE_ROLE))}")
    except (OSError, KeyError, ValueError) as exc:
        raise CatalogError(source, [Msg("cannot read the survey counts: {why}", why=exc)]) from None
    return _Table(frame, code, ml, acts)


@dataclass(frozen=True)
class _Wanted:
    """The survey answers a person gave, as indexes (None = not answered)."""

    code: int | None = None
    ml: int | None = None
    acts: np.ndarray | None = None

    @property
    def empty(self) -> bool:
        return self.code is None and self.ml is None and self.acts is None


def _wanted(answers: Answers) -> _Wanted:
    """The survey answers given, checked; unknown labels or options raise ProfileError."""
    code, ml, acts = (answers.get(k) for k in SURVEY_ITEMS)
    for item, answer, known in (("years_code", code, YEARS_CODE), ("years_ml", ml, YEARS_ML)):
        if answer is not None and answer not in known:
            raise ProfileError(
                Msg(
                    "{item}: {answer!r} is not an answer; pick one of {known}",
                    item=item,
                    answer=answer,
                    known=known,
                )
            )
    if acts is not None and (isinstance(acts, str) or not set(acts) <= set(ACTIVITIES)):
        raise ProfileError(
            Msg("work_activities: expects a list of option ids from {known}", known=ACTIVITIES)
        )
    return _Wanted(
        code=YEARS_CODE.index(code) if isinstance(code, str) else None,
        ml=YEARS_ML.index(ml) if isinstance(ml, str) else None,
        acts=np.array([a in acts for a in ACTIVITIES], dtype=int) if acts else None,
    )


def _distance(table: _Table, wanted: _Wanted) -> np.ndarray:
    """How far each row's answers are from the wanted ones (0 = the same on every answer given)."""
    d = np.zeros(len(table.code))
    if wanted.ml is not None:
        # Not asked (never wrote code) sits three buckets away from any answer.
        d += np.where(table.ml < 0, 3, np.abs(table.ml - wanted.ml))
    if wanted.code is not None:
        d += 0.5 * np.abs(table.code - wanted.code)
    if wanted.acts is not None:
        d += np.abs(table.acts - wanted.acts).sum(axis=1)
    return d


def _likeness(
    table: _Table, wanted: _Wanted, weights: np.ndarray, answered: tuple[str, ...], lang: Lang
) -> Likeness:
    """The titles of the people (counted by `weights`) whose answers are nearest `wanted`."""
    distance = _distance(table, wanted)
    exact = distance == 0
    if weights[exact].sum() >= MIN_EXACT or wanted.empty:
        chosen = exact
    else:
        order = np.argsort(distance, kind="stable")
        reach = int(np.searchsorted(np.cumsum(weights[order]), NEIGHBOURS))
        limit = distance[order[min(reach, len(order) - 1)]]
        chosen = distance <= limit  # everyone at the boundary distance, so ties are kept
    titles_of = table.frame["title"].to_numpy()
    per_title = {t: int(weights[chosen & (titles_of == t)].sum()) for t in TITLE_ROLE}
    rate = {t: per_title[t] / max(1, int(weights[titles_of == t].sum())) for t in TITLE_ROLE}
    total_rate = sum(rate.values()) or 1.0
    n = sum(per_title.values())
    ranked = sorted(TITLE_ROLE, key=lambda t: (-rate[t], t))
    titles = [TitleShare(t, rate[t] / total_rate, n, per_title[t]) for t in ranked if per_title[t]]
    return Likeness(
        titles=titles, n=n, exact=bool(exact[chosen].all()), answered=answered, lang=lang
    )


def _weights(table: _Table, half: Half) -> np.ndarray:
    f = table.frame
    counts = f["calibration"] + f["validation"] if half == "all" else f[half]
    weights: np.ndarray = counts.to_numpy().copy()
    return weights


def answered_items(answers: Answers) -> tuple[str, ...]:
    """The survey questions among `answers` that were answered."""
    return tuple(k for k in SURVEY_ITEMS if answers.get(k))


def people_like_you_detail(
    answers: Answers, *, half: Half = "all", lang: Lang = DEFAULT_LANG
) -> Likeness:
    """The respondents who answered the survey questions like you, with their titles (the way
    they were found said in `lang`)."""
    table = load_survey()
    return _likeness(table, _wanted(answers), _weights(table, half), answered_items(answers), lang)


@dataclass(frozen=True)
class Respondent:
    """Survey respondents with one title and the same answers, counted in one half."""

    title: str
    answers: dict[str, object]
    weight: int  # how many respondents gave these answers with this title, in the half
    row: int  # where they are in the survey table
    half: Literal["calibration", "validation"]


def row_answers(row: pd.Series) -> dict[str, object]:
    """A survey row as questionnaire answers (blank = not asked, left unanswered)."""
    acts = row["activities"].split()
    return {
        "years_code": row["years_code"] or None,
        "years_ml": row["years_ml"] or None,
        "work_activities": acts or None,
    }


def respondents(half: Literal["calibration", "validation"]) -> list[Respondent]:
    """The respondents of one half of the fixed split, grouped by identical answers and title."""
    frame = load_survey().frame
    return [
        Respondent(str(row["title"]), row_answers(row), int(row[half]), i, half)
        for i, (_, row) in enumerate(frame.iterrows())
        if row[half] > 0
    ]


def held_out_likeness(respondent: Respondent, answers: Answers) -> Likeness:
    """People like you for `answers` (the respondent's own, or some of them) as the calibration
    half tells it without this respondent: evidence they did not help make, for fitting and
    checking how sure the heading may be (`scripts/fit_confidence.py`). A validation-half
    respondent is never in the calibration half, so for them this is the calibration half."""
    table = load_survey()
    weights = _weights(table, "calibration")
    if respondent.half == "calibration":
        weights[respondent.row] -= 1  # one of the people in this cell is the respondent
    return _likeness(table, _wanted(answers), weights, answered_items(answers), DEFAULT_LANG)


def people_like_you(answers: Answers, *, half: Half = "all") -> list[TitleShare]:
    """Survey titles of people who answered like you, best first (`.title`, `.share`, `.n`)."""
    return people_like_you_detail(answers, half=half).titles
