"""Fit how far each answer to the survey's tool and education questions moves the map's scores.

    python scripts/fit_map_shifts.py [--out FILE] [--check]

The questionnaire's `shift` items (languages, education, ML frameworks, computer-vision and NLP
methods, IDEs) move ML expertise and software engineering by a shift per ticked option, added
after the levels' mean. This script finds the shifts that place the calibration half of
`data/survey_2021.csv` nearest their own title's role on the 2021 map: respondents are scored
from their nine survey answers exactly as the Me page scores them, and the shifts minimise the
title-balanced cross-entropy of a soft best fit (the fit's exponent, open directions included,
with temperature
`TEMPERATURE`), with an L2 penalty `PENALTY`, data scientists weighing `DS_WEIGHT` (without it
the fit trades most of them away to the researcher and the ML engineer), and shifts that may
never lower ML expertise bounded at 0 (PyTorch, every computer-vision method, a doctorate).
Shifts are rounded to quarter points. The validation half is never read.

It prints the shifts with a reason each (the title that uses the option most, from the same
half), as JSON for `data/questionnaire.yaml`; `--check` compares them with the file instead.
The hyperparameters were chosen by 2-fold cross-validation on the calibration half.

Source: Kaggle Machine Learning & Data Science Survey 2021, CC BY 2.0.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import minimize

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from roles.catalog import load_catalog, load_questionnaire
from roles.match import SPREAD, _open, fit_matrix
from roles.questionnaire import score
from roles.questionnaire_models import Questionnaire, ShiftItem
from roles.survey import TITLE_ROLE, load_respondents
from roles.survey_model import respondent_answers

TEMPERATURE = 0.5
PENALTY = 0.01
DS_WEIGHT = 2.5
STEP = 0.25
NEVER_LOWER_ML = {
    ("ml_frameworks", "pytorch"),
    ("education", "doctoral"),
    ("education", "professional_doctorate"),
    *(("cv_methods", o) for o in ("classification", "segmentation", "detection")),
    *(("cv_methods", o) for o in ("general_tools", "generative", "other")),
}
PLURALS = {
    "Data Scientist": ("data scientists", "数据科学家"),
    "Research Scientist": ("research scientists", "研究科学家"),
    "Machine Learning Engineer": ("machine learning engineers", "机器学习工程师"),
    "Data Engineer": ("data engineers", "数据工程师"),
    "Product Manager": ("product managers", "产品经理"),
}


def _options(q: Questionnaire) -> list[tuple[str, str]]:
    return [(i.id, o.id) for i in q.items if isinstance(i, ShiftItem) for o in i.options]


def _ticks(rows: list[dict[str, Any]], options: list[tuple[str, str]]) -> np.ndarray:
    x = np.zeros((len(rows), len(options)))
    for r, answers in enumerate(rows):
        for j, (item, option) in enumerate(options):
            given = answers.get(item)
            x[r, j] = given == option if isinstance(given, str) else option in (given or [])
    return x


def _base(q: Questionnaire, rows: list[dict[str, Any]]) -> tuple[np.ndarray, np.ndarray]:
    """Scores from the answers that stand for levels (the shifts come on top), and where
    (ML, software engineering) was measured at all: a shift moves only a measured score."""
    shift_ids = {i.id for i in q.items if isinstance(i, ShiftItem)}
    out, measured = [], []
    for answers in rows:
        profile, unscored = score(q, {k: v for k, v in answers.items() if k not in shift_ids})
        out.append([profile.ml, profile.swe, profile.comm])
        measured.append([a not in unscored for a in ("ml", "swe")])
    return np.array(out), np.array(measured, dtype=float)


def fit(
    base: np.ndarray,
    measured: np.ndarray,
    x: np.ndarray,
    truth: np.ndarray,
    weights: np.ndarray,
    bounds: list,
):
    """Shifts (ml then swe per option) minimising the soft best fit's cross-entropy."""
    catalog = load_catalog("2021")
    regions = [r.region for r in catalog.roles]
    cx, cy = np.array([g.ml for g in regions]), np.array([g.swe for g in regions])
    rx, ry = np.array([g.ml_extent for g in regions]), np.array([g.swe_extent for g in regions])
    open_x = np.array([r.opens("ml") for r in catalog.roles])
    open_y = np.array([r.opens("swe") for r in catalog.roles])
    bar = np.array([r.comm for r in catalog.roles])
    comm = (np.maximum(0, bar - base[:, [2]]) / catalog.comm_tolerance) ** 2
    scale = 2 * SPREAD**2 * TEMPERATURE
    n, k = x.shape
    rows = np.arange(n)

    x_ml, x_swe = x * measured[:, [0]], x * measured[:, [1]]

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        # The fit's own geometry: past the centre in a role's open direction counts as nothing
        # (and moving further there changes nothing, so it has no gradient).
        ux = _open((base[:, [0]] + (x_ml @ theta[:k])[:, None] - cx) / rx, open_x)
        uy = _open((base[:, [1]] + (x_swe @ theta[k:])[:, None] - cy) / ry, open_y)
        logits = -(ux**2 + uy**2 + comm) / scale
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        value = -(weights * np.log(p[rows, truth] + 1e-12)).sum() + PENALTY * (theta**2).sum()
        g = p.copy()
        g[rows, truth] -= 1
        g *= weights[:, None]
        d_ml = (g * (-2 * ux / rx / scale)).sum(axis=1)
        d_swe = (g * (-2 * uy / ry / scale)).sum(axis=1)
        return value, np.r_[x_ml.T @ d_ml, x_swe.T @ d_swe] + 2 * PENALTY * theta

    found = minimize(loss, np.zeros(2 * k), jac=True, method="L-BFGS-B", bounds=bounds)
    return np.round(found.x / STEP) * STEP + 0.0, catalog


def _why(title_shares: dict[str, float]) -> dict[str, str]:
    top = max(title_shares, key=lambda t: title_shares[t] / max(1e-9, _others(title_shares, t)))
    a, b = title_shares[top], _others(title_shares, top)
    en, zh = PLURALS[top]
    return {
        "en": f"Most common among {en} ({a:.0%}, against {b:.0%} of the other four titles); "
        "the shift is fitted on the survey's calibration half.",
        "zh": f"在{zh}中最常见（{a:.0%}，其他四个职位平均为 {b:.0%}）；"
        "偏移量在问卷的校准半数上拟合得出。",
    }


def _others(shares: dict[str, float], title: str) -> float:
    return float(np.mean([v for t, v in shares.items() if t != title]))


def shifts() -> tuple[dict[str, dict[str, Any]], dict[str, float]]:
    """The fitted shifts with their reasons, and the calibration half's top-1 per title."""
    q = load_questionnaire("en")
    table = load_respondents()
    table = table[table["half"] == "calibration"]
    rows = [respondent_answers(r) for r in table.to_dict("records")]
    options = _options(q)
    x = _ticks(rows, options)
    base, measured = _base(q, rows)
    titles = table["title"].to_numpy()
    count = {t: int((titles == t).sum()) for t in TITLE_ROLE}
    weights = np.array([(DS_WEIGHT if t == "Data Scientist" else 1.0) / count[t] for t in titles])
    catalog = load_catalog("2021")
    truth = np.array([catalog.role_ids.index(TITLE_ROLE[t]) for t in titles])
    bounds = [(0.0, 3.0) if o in NEVER_LOWER_ML else (-3.0, 3.0) for o in options]
    theta, catalog = fit(base, measured, x, truth, weights, bounds + [(-3.0, 3.0)] * len(options))
    k = len(options)
    out: dict[str, dict[str, Any]] = {}
    for j, (item, option) in enumerate(options):
        moved = {a: float(v) for a, v in (("ml", theta[j]), ("swe", theta[k + j])) if v}
        if not moved:
            continue
        shares = {t: float(x[titles == t, j].mean()) for t in TITLE_ROLE}
        out.setdefault(item, {})[option] = {"shift": moved, "why": _why(shares)}
    profiles = base.copy()
    profiles[:, 0] = np.clip(base[:, 0] + measured[:, 0] * (x @ theta[:k]), 0, 10)
    profiles[:, 1] = np.clip(base[:, 1] + measured[:, 1] * (x @ theta[k:]), 0, 10)
    first = fit_matrix(profiles, catalog).argmax(axis=1)
    top1 = {t: float((first[titles == t] == truth[titles == t]).mean()) for t in TITLE_ROLE}
    return out, top1


def _shipped() -> dict[str, dict[str, dict[str, float]]]:
    q = load_questionnaire("en")
    return {
        i.id: {o.id: {str(a): v for a, v in o.shift.items()} for o in i.options if o.shift}
        for i in q.items
        if isinstance(i, ShiftItem)
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", help="write the JSON here instead of printing it")
    parser.add_argument("--check", action="store_true", help="compare with questionnaire.yaml")
    args = parser.parse_args()
    fitted, top1 = shifts()
    print("calibration half, top-1 per title:", {t: round(v, 3) for t, v in top1.items()})
    if args.check:
        wanted = {i: {o: f["shift"] for o, f in opts.items()} for i, opts in fitted.items()}
        shipped = {i: opts for i, opts in _shipped().items() if opts}
        same = wanted == shipped
        print("questionnaire.yaml has the fitted shifts" if same else f"differs: {wanted}")
        return 0 if same else 1
    text = json.dumps(fitted, indent=1, ensure_ascii=False)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
