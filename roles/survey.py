"""Real people from the 2021 Kaggle ML & DS Survey: the titles of the people who answer like you.

`data/survey_2021.csv` holds one row per respondent with one of the five ML-team titles: their
answers to the questionnaire's nine survey questions and the half of the split they belong to
(`scripts/build_survey_data.py`). Source: Kaggle Machine Learning & Data Science Survey 2021,
CC BY 2.0.

"People like you" is a logistic regression fitted on the calibration half (`roles.survey_model`):
for the survey questions a person answered (the others count as unknown), the chance of each
title among respondents who answer alike. Shares count every title as if the five were equally
common, because the survey has eleven data scientists for every product manager: without that,
"Data Scientist" would top almost every list and say little about the person.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd

from roles.caching import memoize
from roles.catalog import data_dir, load_questionnaire
from roles.errors import CatalogError
from roles.i18n import DEFAULT_LANG, N_, Lang, Msg, listing, ntr, tr
from roles.questionnaire import Answer, Answers, score_detail
from roles.survey_model import (
    QUESTIONS,
    CrossFitted,
    SurveyModel,
    cross_fit,
    load_model,
    respondent_answers,
)

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
# The questions' short names, for "rests on your answers about ...".
QUESTION_WORDS = {
    "years_code": N_("years of coding"),
    "years_ml": N_("years of ML"),
    "work_activities": N_("work activities"),
    "languages": N_("languages"),
    "education": N_("education"),
    "ml_frameworks": N_("ML frameworks"),
    "cv_methods": N_("computer-vision methods"),
    "nlp_methods": N_("NLP methods"),
    "ides": N_("IDEs"),
}
SURVEY_ITEMS = QUESTIONS
Half = Literal["calibration", "validation", "all"]


def title_name(title: str, lang: Lang = DEFAULT_LANG) -> str:
    """A survey title in `lang` ('Data Scientist' / '数据科学家')."""
    return tr(lang, TITLE_NAMES.get(title, title))


@dataclass(frozen=True)
class TitleShare:
    """One survey title among the people who answered like you."""

    title: str
    share: float  # title-balanced chance, 0-1: the model's probability with equal title priors
    n: int  # respondents the model learned from (all titles)
    count: int  # respondents with this title among them


@dataclass(frozen=True)
class Likeness:
    """The titles of people who answer like you, best first, and what that rests on."""

    titles: list[TitleShare]
    n: int  # respondents the model learned from
    answered: tuple[str, ...]  # the survey questions the person answered, in the order asked
    lang: Lang = DEFAULT_LANG

    @property
    def probabilities(self) -> dict[str, float]:
        """Title -> chance (title-balanced), for the five titles."""
        return {t.title: t.share for t in self.titles}

    @property
    def rests_on(self) -> str:
        """Which answers the shares rest on, said in `lang`."""
        words = [tr(self.lang, QUESTION_WORDS[q]) for q in self.answered]
        return ntr(
            self.lang,
            "your answer to {n} of the {total} survey questions ({questions})",
            "your answers to {n} of the {total} survey questions ({questions})",
            len(self.answered),
            total=len(QUESTIONS),
            questions=listing(self.lang, words),
        )

    @property
    def how(self) -> str:
        """How the shares were found, to follow "people in the survey"."""
        if not self.answered:
            return tr(
                self.lang, "with one of the five titles (you answered none of the survey questions)"
            )
        return tr(self.lang, "who answer like you, from {rests_on}", rests_on=self.rests_on)


@memoize(maxsize=2)
def load_respondents(path: str | None = None) -> pd.DataFrame:
    """The shipped survey table: one row per respondent, answers as the questionnaire's ids."""
    source = path or str(data_dir() / SURVEY_FILE)
    try:
        frame = pd.read_csv(source, dtype=str, keep_default_na=False, comment="#")
        missing = {"title", "half", *QUESTIONS} - set(frame.columns)
        if missing:
            raise ValueError(f"missing columns {sorted(missing)}")
        if not set(frame["title"]) <= set(TITLE_ROLE):
            raise ValueError(f"unknown titles {sorted(set(frame['title']) - set(TITLE_ROLE))}")
        if not set(frame["half"]) <= {"calibration", "validation"}:
            raise ValueError("`half` must be calibration or validation")
    except (OSError, ValueError) as exc:
        raise CatalogError(source, [Msg("cannot read the survey table: {why}", why=exc)]) from None
    return frame


@dataclass(frozen=True)
class _Table:
    frame: pd.DataFrame  # one row per respondent; `calibration`/`validation` are 0/1 counts


@memoize(maxsize=2)
def load_survey(path: str | None = None) -> _Table:
    """The survey table with a 0/1 count per half (`calibration`, `validation`) and the work
    activities also as `activities`, the columns earlier callers read."""
    frame = load_respondents(path).copy()
    for half in ("calibration", "validation"):
        frame[half] = (frame["half"] == half).astype(int)
    frame["activities"] = frame["work_activities"]
    return _Table(frame)


def survey_answers(answers: Answers) -> dict[str, Answer]:
    """The survey questions' answers among `answers` (None and empty lists left out)."""
    return {q: answers[q] for q in QUESTIONS if answers.get(q) not in (None, "", [])}


def answered_items(answers: Answers) -> tuple[str, ...]:
    """The survey questions among `answers` that were answered, in the order asked."""
    return tuple(survey_answers(answers))


def _likeness(
    model: SurveyModel, given: dict[str, Answer], chances: np.ndarray, lang: Lang
) -> Likeness:
    classes = [str(c) for c in model.estimator.classes_]
    ranked = sorted(zip(classes, chances, strict=True), key=lambda tc: (-tc[1], tc[0]))
    titles = [
        TitleShare(t, float(p), model.respondents, model.per_title.get(t, 0)) for t, p in ranked
    ]
    return Likeness(titles=titles, n=model.respondents, answered=tuple(given), lang=lang)


def people_like_you_detail(
    answers: Answers, *, half: Half = "all", lang: Lang = DEFAULT_LANG
) -> Likeness:
    """The survey titles of people who answer the survey questions like you (best first), the
    model's respondents and the answers it rests on; the way they were found said in `lang`.

    Unknown questions, labels or options raise `ProfileError`. `half` is kept for callers of the
    earlier look-up: the model learned from the calibration half only, whatever `half` says.
    """
    del half  # one model, fitted on the calibration half
    given = survey_answers(answers)
    score_detail(load_questionnaire("en"), given)  # checks every label and option id
    model = load_model()
    k = len(model.estimator.classes_)
    # No answer is no evidence: then no title is likelier than another.
    chances = model.probabilities([given])[0] if given else np.full(k, 1 / k)
    return _likeness(model, given, chances, lang)


def people_like_you(answers: Answers, *, half: Half = "all") -> list[TitleShare]:
    """Survey titles of people who answered like you, best first (`.title`, `.share`, `.n`)."""
    return people_like_you_detail(answers, half=half).titles


@dataclass(frozen=True)
class Respondent:
    """One survey respondent of one half of the fixed split."""

    title: str
    answers: dict[str, object]
    weight: int  # respondents this stands for: 1 (the table has one row per respondent)
    row: int  # where they are in the survey table
    half: Literal["calibration", "validation"]


def row_answers(row: Mapping[str, Any]) -> dict[str, object]:
    """A survey row as questionnaire answers (blank = not shown or skipped: left unanswered)."""
    return respondent_answers(row)


def respondents(half: Literal["calibration", "validation"]) -> list[Respondent]:
    """The respondents of one half of the fixed split, in the table's order."""
    frame = load_respondents()
    return [
        Respondent(str(row["title"]), row_answers(row), 1, i, half)  # type: ignore[arg-type]
        for i, row in enumerate(frame.to_dict("records"))
        if row["half"] == half
    ]


@memoize(maxsize=1)
def fold_models() -> CrossFitted:
    """The calibration half's cross-fitted models, at the shipped model's strength (fitted on
    first use, about 10 s; deterministic: the same seed and solver as the shipped fit)."""
    table = load_respondents()
    return cross_fit(table[table["half"] == "calibration"], float(load_model().estimator.C))


def held_out_likeness(respondent: Respondent, answers: Answers) -> Likeness:
    """People like you for `answers` (the respondent's own, or some of them) from a model that
    never saw this respondent: evidence they did not help make, for fitting and checking how
    sure the heading may be (`scripts/fit_confidence.py`). A calibration-half respondent gets
    the model cross-fitted without their fold of the calibration half; a validation-half
    respondent, whom no model saw, the shipped one."""
    return held_out_likenesses([(respondent, answers)])[0]


def held_out_likenesses(pairs: Sequence[tuple[Respondent, Answers]]) -> list[Likeness]:
    """`held_out_likeness` for many (respondent, answers) at once: one model call per fold."""
    folds = fold_models() if any(r.half == "calibration" for r, _ in pairs) else None
    shipped = load_model()
    givens = [survey_answers(a) for _, a in pairs]
    groups: dict[int, list[int]] = {}
    for i, (person, _) in enumerate(pairs):
        fold = folds.fold[person.row] if folds and person.half == "calibration" else -1
        groups.setdefault(fold, []).append(i)
    out: list[Likeness | None] = [None] * len(pairs)
    for fold, mine in groups.items():
        model = shipped if fold < 0 or folds is None else folds.models[fold]
        p = model.probabilities([givens[i] for i in mine])
        for j, i in enumerate(mine):
            out[i] = _likeness(model, givens[i], p[j], DEFAULT_LANG)
    return [x for x in out if x is not None]


def title_probabilities(answers: Answers) -> dict[str, float]:
    """Title -> chance (title-balanced) for the five survey titles, in `TITLE_ROLE` order."""
    chances = people_like_you_detail(answers).probabilities
    return {t: chances[t] for t in TITLE_ROLE}
