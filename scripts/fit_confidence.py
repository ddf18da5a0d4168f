"""Fit how sure the heading may be (`data/confidence.yaml`) on the calibration half of the survey.

    python scripts/fit_confidence.py [--check]

1. Every calibration-half respondent's survey answers, and smaller sets of them (every first few
   of them, as a person may stop after any question, and a sample of others), with People like
   you from the model cross-fitted without that respondent's fold of the calibration half
   (`roles.survey.held_out_likeness`): evidence they did not help make.
2. Per number of answers, the temperature and shrink toward the base rate with the least
   title-balanced log loss (`roles.calibration.fit_temper`), on the answer sets a person on the
   page gives: a respondent's answers in the order asked, all of them or the first few
   (`roles.calibration.as_asked`). The other sets (a question skipped in the middle) are kept
   for the stress tests: the model treats an answer left out as unknown, and the sets in which
   the survey itself left a question out (not shown) are what People like you is sharpest on.
3. Modesty: headings calibrated on one kind of respondent are checked on another kind (juniors
   against seniors by years of coding, few against many work activities, both ways, all inside
   the calibration half); the largest over-confidence found sets an extra shrink toward the base
   rate that removes it, as far as the calibration half's own error stays within 0.04 (on the
   answer sets as asked, and on the full answers alone, which bench/validity.py checks). A
   logistic model calibrated on 2021 was 0.12-0.16 over-confident on the next year's
   respondents; 2021 is all we have, so these shifts are what can be measured.
4. The heading's thresholds: the smallest chance at which one-role headings, and close calls,
   are right at least 63% of the time on the calibration half (full answers): the target is
   60%, and the map the heading also reads was fitted on this half, so its agreement is a few
   points more often right here than on people it never saw. A close call also needs a chance
   of at least 0.5 together.

The validation half is never read: `bench/validity.py` checks the result on it. `--check` fits
and prints without writing. Swapping the evidence source (People like you's model) means
running this again.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from roles.calibration import (
    Query,
    Reliability,
    as_asked,
    fit_tempers,
    full_answers,
    outcome_arrays,
    outcomes,
    queries,
    reliability,
)
from roles.catalog import DATA_DIR, load_catalog, load_questionnaire
from roles.confidence import CONFIDENCE_FILE, ConfidenceModel
from roles.survey import TITLE_ROLE

EVIDENCE = "roles.survey.people_like_you (logistic regression, data/people_like_you_2021.json)"
TARGET = 0.6  # a named role should be right at least this often
# Thresholds are chosen on the half the map was fitted on: they keep this margin above TARGET.
MARGIN = 0.03
MIN_TWO = 0.5
THRESHOLDS = np.round(np.arange(0.30, 0.901, 0.05), 2)
BUDGET = 0.04  # the calibration-half error modesty may spend (the target is 0.05)
MODESTIES = np.round(np.arange(0.0, 0.501, 0.01), 2)  # tried in order, smallest first
Split = tuple[Callable[[dict[str, object]], bool], str, str]
SPLITS: list[Split] = [
    (
        lambda a: a.get("years_code") in ("5-10 years", "10-20 years", "20+ years"),
        "5+ years of coding",
        "under 5 years of coding",
    ),
    (
        lambda a: len(a.get("work_activities") or []) >= 2,  # type: ignore[arg-type]
        "2+ work activities",
        "0-1 work activities",
    ),
]
CATALOG = load_catalog("2021")
QUESTIONS = load_questionnaire()


def model_with(
    tempers: list, modesty: float, one: float = 1.0, two: float = 1.0
) -> ConfidenceModel:
    return ConfidenceModel(
        evidence=EVIDENCE,
        fitted_on="calibration half",
        titles=len(TITLE_ROLE),
        modesty=modesty,
        one_role_at=one,
        two_roles_at=two,
        by_answers=tempers,
    )


def heading_fit(found: Sequence[Query], model: ConfidenceModel) -> Reliability:
    """Stated against actual for the headings these queries get (title-balanced)."""
    return reliability(*outcome_arrays(outcomes(found, CATALOG, QUESTIONS, model)))


def shift_checks(found: Sequence[Query], one: float, two: float) -> list[tuple[str, float, float]]:
    """(what, the heading's over-confidence on the other side, modesty that removes it) per
    split and way: a calibration fitted on one kind of respondent, used for another."""
    out = []
    for side, yes, no in SPLITS:
        for fit_on in (True, False):
            a = [q for q in found if side(q.respondent.answers) == fit_on]
            b = [q for q in found if side(q.respondent.answers) != fit_on]
            model = model_with(fit_tempers(a), 0.0, one, two)
            stated, right, w = outcome_arrays(outcomes(b, CATALOG, QUESTIONS, model))
            over = reliability(stated, right, w).over
            room = float((w * stated).sum() / w.sum()) - 1 / len(TITLE_ROLE)
            what = f"fitted on {yes if fit_on else no}, used for the others"
            out.append((what, over, max(0.0, over / room)))
    return out


def threshold(found: Sequence[Query], tempers: list, modesty: float, kind: str) -> float:
    """The smallest threshold at which headings of `kind` are right at least TARGET."""
    for t in THRESHOLDS:
        one, two = (float(t), 1.0) if kind == "one" else (1.0, float(t))
        got = outcomes(found, CATALOG, QUESTIONS, model_with(tempers, modesty, one, two))
        mine = [o for o in got if o.kind == kind]
        if not mine:
            continue
        _, right, w = outcome_arrays(mine)
        if float((w * right).sum() / w.sum()) >= TARGET + MARGIN:
            return float(t)
    return 1.0


def write(model: ConfidenceModel, notes: list[str]) -> Path:
    path = DATA_DIR / CONFIDENCE_FILE
    lines = [f"# {n}" if n else "#" for n in notes]
    body = [
        f"evidence: {model.evidence!r}",
        f"fitted_on: {model.fitted_on!r}",
        f"titles: {model.titles}",
        f"modesty: {model.modesty}",
        f"one_role_at: {model.one_role_at}",
        f"two_roles_at: {model.two_roles_at}",
        "by_answers:",
        *[
            f"  - {{answers: {t.answers}, temperature: {t.temperature}, shrink: {t.shrink}, "
            f"n: {t.n}}}"
            for t in model.by_answers
        ],
    ]
    path.write_text("\n".join([*lines, *body]) + "\n", encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fit and print; write nothing")
    args = parser.parse_args()
    found = as_asked(queries("calibration"))
    full = full_answers(found)
    tempers = fit_tempers(found)
    one = threshold(full, tempers, 0.0, "one")
    # A close call names two roles that together hold at least half of the people like you.
    two = max(MIN_TWO, threshold(full, tempers, 0.0, "close_call"))
    checks = shift_checks(found, one, two)
    needed = max(m for *_, m in checks)
    # As modest as the shifts ask, but no more than the calibration half's error budget allows.
    modesty = 0.0
    for m in (m for m in MODESTIES if m <= math.ceil(needed * 100) / 100):
        trial = model_with(tempers, float(m), one, two)
        if max(heading_fit(group, trial).ece for group in (found, full)) > BUDGET:
            break
        modesty = float(m)
    one = threshold(full, tempers, modesty, "one")
    model = model_with(tempers, modesty, one, two)
    fitted = heading_fit(found, model)
    fitted_full = heading_fit(full, model)
    notes = [
        "How sure the heading may be: People like you's shares turned into calibrated chances",
        "(roles/confidence.py). Written by scripts/fit_confidence.py on " + str(date.today()) + ";",
        "do not edit by hand: run the script again (it says how each number was found).",
        "",
        "by_answers: per number of survey questions answered, the temperature and shrink toward",
        "the base rate with the least title-balanced log loss on the calibration half, from",
        "evidence each respondent did not help make (People like you cross-fitted without their",
        "fold of the half), over each respondent's answers in the order asked: all of them and",
        "every first few (n: answer sets).",
        "modesty: headings calibrated on one kind of respondent, used for another (calibration",
        "half only), were over-confident by up to the figures below; this extra shrink toward the",
        "base rate removes the largest, as far as the calibration half's own error stays within",
        f"{BUDGET:g} (answer sets as asked, and full answers alone). (A model calibrated on",
        "2021 was 0.12-0.16 over-confident on the next survey year; the next year cannot be",
        "measured here, only these shifts.)",
        *[f"  {what}: {over:+.3f} -> modesty {m:.3f}" for what, over, m in checks],
        f"  kept: {modesty:g} (the most of that the budget allows).",
        "one_role_at, two_roles_at: the smallest chance at which one-role headings (and close",
        f"calls) are right at least {TARGET + MARGIN:.0%} of the time on the calibration half",
        f"(full answers; the target is {TARGET:.0%}, and the map was fitted on this half); a",
        f"close call also needs {MIN_TWO:g} (two roles holding most people like you).",
        "Calibration half after fitting: the heading's expected calibration error",
        f"{fitted.ece:.3f} on the answer sets as asked, {fitted_full.ece:.3f} on full answers",
        f"(10 bins, title-balanced; stated minus actual {fitted.over:+.3f} and",
        f"{fitted_full.over:+.3f}); bench/validity.py checks the validation half.",
        "",
    ]
    for n in notes:
        print(n)
    print(model.model_dump())
    if not args.check:
        print(f"wrote {write(model, notes)}")


if __name__ == "__main__":
    main()
