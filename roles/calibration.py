"""Fitting and checking how sure the heading is, on survey respondents (numpy; no Streamlit).

Used by `scripts/fit_confidence.py` (which writes `data/confidence.yaml` from the calibration
half) and `bench/validity.py` (which checks it on the validation half). Every figure is
title-balanced: each of the five titles weighs the same, as the chances are stated.

A *query* is one respondent's answers to the survey questions, or some of them (a person may
stop after any question), with the People like you evidence they did not help make
(`roles.survey.held_out_likeness`: for the calibration half, from the People like you model
cross-fitted without the respondent's fold).
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from roles.confidence import EPS, ConfidenceModel, Temper, chances
from roles.models import Catalog
from roles.questionnaire import ScoreDetail, score_detail
from roles.questionnaire_models import Questionnaire
from roles.survey import (
    TITLE_ROLE,
    Likeness,
    Respondent,
    answered_items,
    held_out_likenesses,
    respondents,
)
from roles.verdict import Assessment, decide, map_reading

TITLES = list(TITLE_ROLE)
BINS = 10
# Past this many answered questions a respondent's subsets are sampled, not all taken.
_ALL_SUBSETS_UP_TO = 4
_SAMPLED_SUBSETS = 4
_TEMPERATURES = np.round(np.arange(0.5, 4.001, 0.1), 2)
_SHRINKS = np.round(np.arange(0.0, 0.801, 0.02), 2)


@dataclass(frozen=True)
class Query:
    """Some of a respondent's survey answers and the evidence for them."""

    respondent: Respondent
    answers: dict[str, object]
    likeness: Likeness

    @property
    def k(self) -> int:
        return len(self.likeness.answered)

    @property
    def title(self) -> str:
        return self.respondent.title

    def shares(self) -> np.ndarray:
        found = {t.title: t.share for t in self.likeness.titles}
        out: np.ndarray = np.array([found.get(t, 0.0) for t in TITLES])
        return out


def _subsets(items: tuple[str, ...], rng: random.Random) -> list[tuple[str, ...]]:
    """Every non-empty set of the answered items, or, when there are many, the full set, every
    first few of them (a person may stop after any question, in the order asked) and a sample
    of other sets (a person may skip any question)."""
    if len(items) <= _ALL_SUBSETS_UP_TO:
        return [c for r in range(1, len(items) + 1) for c in itertools.combinations(items, r)]
    picked = {items[:n] for n in range(1, len(items) + 1)}
    wanted = len(picked) + _SAMPLED_SUBSETS
    while len(picked) < wanted:
        size = rng.randint(1, len(items) - 1)
        picked.add(tuple(sorted(rng.sample(items, size), key=items.index)))
    return sorted(picked, key=len)


def queries(
    half: str, *, subsets: bool = True, seed: int = 2021, people: Sequence[Respondent] = ()
) -> list[Query]:
    """The queries of one half (of `people` when given): each respondent's full survey answers
    and, with `subsets`, every smaller set of them (sampled with `seed` when there are many)."""
    rng = random.Random(seed)
    pairs: list[tuple[Respondent, dict[str, object]]] = []
    for person in people or respondents(half):  # type: ignore[arg-type]
        items = answered_items(person.answers)  # type: ignore[arg-type]
        for keep in _subsets(items, rng) if subsets else [items]:
            pairs.append((person, {k: v for k, v in person.answers.items() if k in keep}))
    found = held_out_likenesses(pairs)  # type: ignore[arg-type]
    return [Query(p, a, like) for (p, a), like in zip(pairs, found, strict=True)]


def balanced_weights(titles: Sequence[str], weights: Sequence[float]) -> np.ndarray:
    """Weights that make every title weigh the same (and sum to 1)."""
    t, w = np.asarray(titles), np.asarray(weights, dtype=float)
    out = np.zeros(len(w))
    present = [x for x in TITLES if (t == x).any()]
    for title in present:
        mine = t == title
        out[mine] = w[mine] / w[mine].sum() / len(present)
    return out


def _tempered(shares: np.ndarray, temperature: float, shrink: float) -> np.ndarray:
    logits = temperature * np.log(shares + EPS)
    logits -= logits.max(axis=1, keepdims=True)
    p = np.exp(logits)
    p /= p.sum(axis=1, keepdims=True)
    out: np.ndarray = (1 - shrink) * p + shrink / shares.shape[1]
    return out


def fit_temper(shares: np.ndarray, truth: np.ndarray, weights: np.ndarray, k: int) -> Temper:
    """The temperature and shrink with the least title-balanced log loss (a grid search)."""
    best = (math.inf, 1.0, 0.0)
    rows = np.arange(len(truth))
    for temperature in _TEMPERATURES:
        for shrink in _SHRINKS:
            p = _tempered(shares, float(temperature), float(shrink))[rows, truth]
            loss = float(-(weights * np.log(p)).sum() / weights.sum())
            if loss < best[0]:
                best = (loss, float(temperature), float(shrink))
    return Temper(answers=k, temperature=best[1], shrink=best[2], n=len(truth))


def fit_tempers(found: Sequence[Query]) -> list[Temper]:
    """One temper per number of answers, 1 up to the most any query has."""
    tempers = []
    for k in range(1, max(q.k for q in found) + 1):
        mine = [q for q in found if q.k == k]
        shares = np.array([q.shares() for q in mine])
        truth = np.array([TITLES.index(q.title) for q in mine])
        weights = balanced_weights([q.title for q in mine], [q.respondent.weight for q in mine])
        tempers.append(fit_temper(shares, truth, weights, k))
    return tempers


def top_chance(found: Sequence[Query], model: ConfidenceModel) -> tuple[np.ndarray, np.ndarray]:
    """Per query, the calibrated chance of the likeliest title and whether it is the title."""
    stated, right = [], []
    for q in found:
        shares = {t.title: t.share for t in q.likeness.titles}
        ch = chances(shares, TITLES, q.k, model)
        top = max(TITLES, key=lambda t: ch[t])
        stated.append(ch[top])
        right.append(top == q.title)
    return np.array(stated), np.array(right, dtype=float)


@dataclass(frozen=True)
class Reliability:
    """Stated against actual, per bin of the stated chance, and the expected calibration error."""

    rows: list[tuple[float, float, float, float]]  # (bin start, share of people, stated, actual)
    ece: float
    over: float  # mean stated minus mean actual: > 0 is over-confident


def reliability(stated: np.ndarray, right: np.ndarray, weights: np.ndarray) -> Reliability:
    """Title-balanced reliability over `BINS` equal bins of the stated chance."""
    if len(stated) == 0:
        return Reliability([], 0.0, 0.0)
    w = weights / weights.sum()
    which = np.minimum((stated * BINS).astype(int), BINS - 1)
    rows, ece = [], 0.0
    for b in range(BINS):
        mine = which == b
        if w[mine].sum() == 0:
            continue
        said = float(np.average(stated[mine], weights=w[mine]))
        real = float(np.average(right[mine], weights=w[mine]))
        rows.append((b / BINS, float(w[mine].sum()), said, real))
        ece += float(w[mine].sum()) * abs(said - real)
    over = float((w * stated).sum() - (w * right).sum())
    return Reliability(rows, ece, over)


def query_weights(found: Iterable[Query]) -> np.ndarray:
    found = list(found)
    return balanced_weights([q.title for q in found], [q.respondent.weight for q in found])


@dataclass(frozen=True)
class Outcome:
    """The heading one query gets, and whether it names the respondent's role."""

    kind: str
    confidence: float | None
    right: bool
    title: str
    weight: float
    k: int


def _answers_key(answers: Mapping[str, object]) -> tuple[tuple[str, object], ...]:
    return tuple(
        (k, v if isinstance(v, str) else tuple(v))  # type: ignore[arg-type]
        for k, v in sorted(answers.items())
    )


def outcomes(
    found: Sequence[Query], catalog: Catalog, questionnaire: Questionnaire, model: ConfidenceModel
) -> list[Outcome]:
    """The heading each query gets from its answers, scored as the Me page scores them.

    Many answer sets share a profile (scores come in half steps), so the map's reading of each
    profile is made once per call: it does not depend on the evidence or the calibration."""
    out = []
    details: dict[tuple[tuple[str, object], ...], ScoreDetail] = {}
    readings: dict[tuple[float, float, float, tuple[str, ...]], Assessment] = {}
    for q in found:
        key = _answers_key(q.answers)
        if key not in details:
            details[key] = score_detail(questionnaire, q.answers)  # type: ignore[arg-type]
        detail = details[key]
        p = detail.profile
        where = (p.ml, p.swe, p.comm, tuple(detail.unscored))
        if where not in readings:
            readings[where] = map_reading(p, catalog, detail.unscored)
        a = decide(
            p,
            catalog,
            likeness=q.likeness,
            unmeasured=detail.unscored,
            model=model,
            reading=readings[where],
        )
        right = TITLE_ROLE[q.title] in a.roles
        out.append(Outcome(a.kind, a.confidence, right, q.title, q.respondent.weight, q.k))
    return out


def outcome_arrays(found: Sequence[Outcome]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(stated confidence, right, title-balanced weights) of the outcomes that state one."""
    said = [o for o in found if o.confidence is not None]
    stated = np.array([o.confidence for o in said], dtype=float)
    right = np.array([o.right for o in said], dtype=float)
    return stated, right, balanced_weights([o.title for o in said], [o.weight for o in said])


@dataclass(frozen=True)
class KindFigures:
    """One kind of heading: how many people get it, what it states and how often it is right."""

    kind: str
    share: float
    stated: float
    actual: float


@dataclass(frozen=True)
class HeadingCheck:
    """How the heading holds up on one group of respondents (title-balanced)."""

    people: int
    reliability: Reliability
    kinds: list[KindFigures]

    def kind(self, kind: str) -> KindFigures:
        return next((k for k in self.kinds if k.kind == kind), KindFigures(kind, 0.0, 0.0, 0.0))


def check_headings(found: Sequence[Outcome]) -> HeadingCheck:
    """Stated against actual per bin and per kind of heading, for these outcomes."""
    weights = balanced_weights([o.title for o in found], [o.weight for o in found])
    kinds = []
    for kind in ("one", "close_call", "unsure"):
        mine = np.array([o.kind == kind for o in found])
        if not mine.any():
            continue
        w = weights[mine]
        stated = np.array([o.confidence or 0.0 for o in found])[mine]
        right = np.array([o.right for o in found], dtype=float)[mine]
        share = float(w.sum() / weights.sum())
        kinds.append(
            KindFigures(
                kind,
                share,
                float(np.average(stated, weights=w)),
                float(np.average(right, weights=w)),
            )
        )
    people = sum(int(o.weight) for o in found)
    return HeadingCheck(people, reliability(*outcome_arrays(found)), kinds)


def as_asked(found: Sequence[Query]) -> list[Query]:
    """The queries that hold the first few of a respondent's survey answers, in the order asked
    (the full answers among them): how a person on the page answers, stopping anywhere."""
    out = []
    for q in found:
        items = answered_items(q.respondent.answers)  # type: ignore[arg-type]
        if q.likeness.answered == items[: len(q.likeness.answered)]:
            out.append(q)
    return out


def full_answers(found: Sequence[Query]) -> list[Query]:
    """The queries that hold all of a respondent's survey answers."""
    return [q for q in found if q.k == len(answered_items(q.respondent.answers))]  # type: ignore[arg-type]
