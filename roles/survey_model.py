"""People like you as a model: scikit-learn's logistic regression over the nine survey answers.

The model says, for a person's answers, how likely each of the five survey titles is among
respondents who answered alike, in a population where the five titles are equally common (it is
fitted with balanced class weights, so the eleven data scientists per product manager do not
drown the others). It is fitted by `scripts/fit_people_like_you.py` on the calibration half of
`data/survey_2021.csv` only, with a fixed seed, and shipped as its coefficients in
`data/people_like_you_2021.json`, which `load_model` rebuilds into the scikit-learn estimator.

Unanswered is missing, not "no": every question has a "missing" feature, set both when the survey
did not show a respondent the question (or they skipped it) and when a person leaves it out
here. Because people here can stop after any question, the model also learns from copies of the
calibration respondents with some questions masked as missing (`COPIES`, at random and by
stopping early), so a left-out question counts as unknown rather than as the survey's routing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from roles.caching import memoize
from roles.catalog import data_dir, load_questionnaire
from roles.errors import CatalogError
from roles.i18n import Msg
from roles.questionnaire_models import ManyChoiceItem, OneChoiceItem, Questionnaire, ShiftItem

MODEL_FILE = "people_like_you_2021.json"
# The survey's questions in the order the questionnaire asks them.
QUESTIONS = (
    "years_code",
    "years_ml",
    "work_activities",
    "languages",
    "education",
    "ml_frameworks",
    "cv_methods",
    "nlp_methods",
    "ides",
)
SEED = 2021
COPIES = 4  # masked copies of each calibration respondent: half at random, half stopping early
MASK_SHARE = 0.3  # chance that a random copy leaves out each question
C_GRID = (0.002, 0.005, 0.01, 0.02, 0.05)  # L2 strengths tried by cross-validation
MISSING = "?"  # suffix of a question's "missing" feature


def feature_names(questionnaire: Questionnaire) -> list[str]:
    """`years_ml=5-10 years`, `years_ml#` (the bucket's rank), `languages:sql`, `languages?`..."""
    names: list[str] = []
    for item_id in QUESTIONS:
        item = questionnaire.item(item_id)
        if isinstance(item, OneChoiceItem):
            keys = [c.key for c in questionnaire.choices(item)]
            names += [f"{item_id}={k}" for k in keys] + [f"{item_id}#"]
        elif isinstance(item, ManyChoiceItem | ShiftItem):
            sep = ":" if not isinstance(item, ShiftItem) or item.multiple else "="
            names += [f"{item_id}{sep}{o.id}" for o in item.options]
        else:
            raise CatalogError("questionnaire.yaml", [Msg("no survey question {id!r}", id=item_id)])
        names.append(f"{item_id}{MISSING}")
    return names


def _english() -> Questionnaire:
    return load_questionnaire("en")


def encode(rows: Iterable[Mapping[str, Any]], names: Sequence[str]) -> np.ndarray:
    """Answers (question id -> label, option id or list of option ids) as model features.

    Answers must be valid (see `roles.questionnaire.score_detail`); an unanswered question
    sets its missing feature.
    """
    index = {n: i for i, n in enumerate(names)}
    rows = list(rows)
    out = np.zeros((len(rows), len(names)))
    for r, answers in enumerate(rows):
        for q in QUESTIONS:
            given = answers.get(q)
            if not given:
                out[r, index[f"{q}{MISSING}"]] = 1.0
            elif isinstance(given, str):
                found = index.get(f"{q}={given}")
                if found is None:  # education answered by its English label
                    found = index[f"{q}={_option_id(q, given)}"]
                out[r, found] = 1.0
                if f"{q}#" in index:
                    out[r, index[f"{q}#"]] = _rank(q, given)
            else:
                for option in given:
                    out[r, index[f"{q}:{option}"]] = 1.0
    return out


@memoize(maxsize=64)
def _option_id(question: str, label: str) -> str:
    item = _english().item(question)
    option = item.option(label) if isinstance(item, ShiftItem) else None
    return option.id if option is not None else label


@memoize(maxsize=64)
def _rank(question: str, key: str) -> float:
    """A bucket's place in its scale, 0-1 (years of coding or of ML)."""
    item = _english().item(question)
    assert isinstance(item, OneChoiceItem)
    keys = [c.key for c in _english().choices(item)]
    return keys.index(key) / (len(keys) - 1)


def _blocks(names: Sequence[str]) -> dict[str, np.ndarray]:
    """Per question, the columns of its features."""
    return {q: np.array([i for i, n in enumerate(names) if _question(n) == q]) for q in QUESTIONS}


def _question(name: str) -> str:
    for sep in ("=", ":", "#", MISSING):
        name = name.split(sep, 1)[0]
    return name


def masked_copies(x: np.ndarray, names: Sequence[str], seed: int = SEED) -> np.ndarray:
    """`COPIES` copies of every row with some questions left out: half the copies drop each
    question with chance `MASK_SHARE`, half stop after a random question (as people here may)."""
    rng = np.random.default_rng(seed)
    blocks = _blocks(names)
    missing = {q: names.index(f"{q}{MISSING}") for q in QUESTIONS}
    copies = []
    for copy in range(COPIES):
        masked = x.copy()
        if copy % 2 == 0:
            drop = rng.random((len(x), len(QUESTIONS))) < MASK_SHARE
        else:
            stop = rng.integers(1, len(QUESTIONS), size=len(x))
            drop = np.arange(len(QUESTIONS))[None, :] >= stop[:, None]
        for j, q in enumerate(QUESTIONS):
            rows = drop[:, j]
            masked[np.ix_(rows, blocks[q])] = 0.0
            masked[rows, missing[q]] = 1.0
        copies.append(masked)
    return np.vstack(copies)


def _balanced_log_loss(model: LogisticRegression, x: np.ndarray, y: np.ndarray) -> float:
    p = model.predict_proba(x)
    truth = p[np.arange(len(y)), np.searchsorted(model.classes_, y)]
    weights = pd.Series(y).map(1 / pd.Series(y).value_counts()).to_numpy()
    return float(-(weights * np.log(np.clip(truth, 1e-12, 1))).sum() / weights.sum())


@dataclass(frozen=True)
class Fitted:
    """A fitted model with what it was fitted on."""

    model: LogisticRegression
    names: list[str]
    c: float
    respondents: int
    per_title: dict[str, int]
    cv: dict[str, float]


def _fit(x: np.ndarray, y: np.ndarray, names: Sequence[str], c: float) -> LogisticRegression:
    xs = np.vstack([x, masked_copies(x, names)])
    ys = np.tile(y, COPIES + 1)
    # Newton-CG converges to the optimum in a few steps, so a refit lands on the same numbers.
    model = LogisticRegression(
        C=c, class_weight="balanced", solver="newton-cg", max_iter=500, tol=1e-6
    )
    return model.fit(xs, ys)


def fit_model(calibration: pd.DataFrame, c: float | None = None) -> Fitted:
    """Fit on calibration respondents (one row each: `title` and the nine answers columns);
    without `c`, the L2 strength is chosen by 5-fold cross-validation (title-balanced log loss
    on the held-out respondents and their masked copies)."""
    names = feature_names(_english())
    x = encode((respondent_answers(r) for r in calibration.to_dict("records")), names)
    y = calibration["title"].to_numpy()
    cv: dict[str, float] = {}
    if c is None:
        # Folds of respondents: a respondent's masked copies never meet their own answers.
        folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
        for candidate in C_GRID:
            losses = []
            for train, test in folds.split(x, y):
                model = _fit(x[train], y[train], names, candidate)
                held = np.vstack([x[test], masked_copies(x[test], names, SEED + 1)])
                losses.append(_balanced_log_loss(model, held, np.tile(y[test], COPIES + 1)))
            cv[f"{candidate:g}"] = round(float(np.mean(losses)), 5)
        c = float(min(C_GRID, key=lambda v: cv[f"{v:g}"]))
    per_title = {str(t): int(n) for t, n in calibration["title"].value_counts().items()}
    return Fitted(_fit(x, y, names, c), names, c, len(y), per_title, cv)


def respondent_answers(row: Mapping[Any, Any]) -> dict[str, Any]:
    """A survey table row as questionnaire answers (blank = not shown or skipped: left out)."""
    out: dict[str, Any] = {}
    for q in QUESTIONS:
        value = row.get(q)
        if not isinstance(value, str) or not value:
            continue
        item = _english().item(q)
        multiple = isinstance(item, ManyChoiceItem) or (
            isinstance(item, ShiftItem) and item.multiple
        )
        out[q] = value.split() if multiple else value
    return out


def to_json(fitted: Fitted) -> dict[str, Any]:
    """The artifact: coefficients and what they were fitted on (rounded: small and diffable)."""
    m = fitted.model
    return {
        "model": "sklearn.linear_model.LogisticRegression (multinomial, class_weight=balanced)",
        "fitted_with": f"scikit-learn {sklearn.__version__}",
        "script": "scripts/fit_people_like_you.py",
        "source": "Kaggle Machine Learning & Data Science Survey 2021, CC BY 2.0",
        "fitted_on": {
            "half": "calibration",
            "respondents": fitted.respondents,
            "per_title": fitted.per_title,
        },
        "seed": SEED,
        "copies": COPIES,
        "mask_share": MASK_SHARE,
        "C": fitted.c,
        "cv_balanced_log_loss": fitted.cv,
        "classes": [str(t) for t in m.classes_],
        "features": fitted.names,
        "intercept": [round(float(v), 6) for v in m.intercept_],
        "coef": [[round(float(v), 6) for v in row] for row in m.coef_],
    }


@dataclass(frozen=True)
class SurveyModel:
    """The shipped model, rebuilt, with its feature names and what it was fitted on."""

    estimator: LogisticRegression
    names: list[str]
    respondents: int
    per_title: dict[str, int]

    def probabilities(self, rows: Iterable[Mapping[str, Any]]) -> np.ndarray:
        """(rows, titles) chances, in `estimator.classes_` order."""
        result: np.ndarray = self.estimator.predict_proba(encode(rows, self.names))
        return result


@dataclass(frozen=True)
class CrossFitted:
    """Models of the calibration half that each left one fold of it out (`FOLDS`), and the fold
    of every calibration respondent: a respondent's evidence from the model that never saw them."""

    fold: dict[Any, int]  # calibration table index -> its fold
    models: list[SurveyModel]


FOLDS = 5


def cross_fit(calibration: pd.DataFrame, c: float) -> CrossFitted:
    """Refit the model `FOLDS` times on the calibration respondents, each time without one fold
    (stratified by title, seed `SEED`: the folds `fit_model` chooses C with), at strength `c`."""
    names = feature_names(_english())
    x = encode((respondent_answers(r) for r in calibration.to_dict("records")), names)
    y = calibration["title"].to_numpy()
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    fold: dict[Any, int] = {}
    models = []
    for k, (train, test) in enumerate(folds.split(x, y)):
        fold.update({calibration.index[i]: k for i in test})
        per_title = {str(t): int(n) for t, n in pd.Series(y[train]).value_counts().items()}
        model = _fit(x[train], y[train], names, c)
        models.append(SurveyModel(model, names, len(train), per_title))
    return CrossFitted(fold, models)


@memoize(maxsize=2)
def load_model(path: str | None = None) -> SurveyModel:
    """The shipped coefficients as a scikit-learn estimator (checked against the questionnaire)."""
    source = path or str(data_dir() / MODEL_FILE)
    try:
        doc = json.loads(Path(source).read_text(encoding="utf-8"))
        names = list(doc["features"])
        if names != feature_names(_english()):
            raise ValueError("its features are not the questionnaire's survey answers")
        estimator = LogisticRegression(C=float(doc["C"]))
        estimator.classes_ = np.array(doc["classes"], dtype=object)
        estimator.coef_ = np.array(doc["coef"], dtype=float)
        estimator.intercept_ = np.array(doc["intercept"], dtype=float)
        estimator.n_features_in_ = len(names)
        if estimator.coef_.shape != (len(estimator.classes_), len(names)):
            raise ValueError("coef does not match the classes and features")
        fitted_on = doc["fitted_on"]
    except (OSError, KeyError, TypeError, ValueError) as exc:
        fix = Msg(
            "cannot use the People like you model: {why}; run scripts/fit_people_like_you.py",
            why=exc,
        )
        raise CatalogError(source, [fix]) from None
    return SurveyModel(
        estimator, names, int(fitted_on["respondents"]), dict(fitted_on["per_title"])
    )
