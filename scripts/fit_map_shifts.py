"""Fit on the survey's calibration half how answers place people: the levels and the shifts.

    python scripts/fit_map_shifts.py [--out FILE] [--check]

The questionnaire scores ML expertise and software engineering from the levels its answers give
(years of ML, years of coding, work activities: a weighted mean), then the `shift` items
(languages, education, ML frameworks, computer-vision and NLP methods, IDEs) move them by a
shift per ticked option. This script fits both on the calibration half of `data/survey_2021.csv`
for the shipped 2021 regions: respondents are scored from their survey answers exactly as the
Me page scores them, and the levels and shifts minimise the title-balanced cross-entropy of a
soft best fit (the fit's exponent, open directions included, with temperature `TEMPERATURE`)
with all nine answers plus, weighing `THREE_WEIGHT`, the first three alone (the six are
optional). Data scientists weigh `DS_WEIGHT` (without it the fit trades most of them away to
the researcher and the ML engineer). Penalties: L2 `PENALTY` on the shifts, and L2
`LEVEL_PENALTY` pulling the levels toward the levels set by hand (`ANCHOR`, each with its
reason). Years of ML and of coding keep their order (more years never score less); shifts that
may never lower ML expertise are bounded at 0 (PyTorch, every computer-vision method, a
doctorate). Levels are rounded to half points, shifts to quarter points. The scores are linear
in the levels for given answers (scripts/map_levels.py), so the fit is one L-BFGS run.

It prints the levels and the shifts (each with a reason: the title that uses the option most,
from the same half) as JSON for `data/questionnaire.yaml`; `--check` compares them with the
file instead. The regions and these numbers are fitted in turn by scripts/cv_map.py, which also
cross-validates the whole procedure inside the calibration half (how the settings were chosen).
The validation half is never read.

Source: Kaggle Machine Learning & Data Science Survey 2021, CC BY 2.0.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from scipy.optimize import minimize

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from roles.catalog import load_catalog, load_questionnaire
from roles.match import SPREAD, _open, fit_matrix
from roles.models import Catalog
from roles.questionnaire import snap
from roles.questionnaire_models import OneChoiceItem, Questionnaire
from roles.survey import SURVEY_ITEMS, TITLE_ROLE
from roles.survey_model import respondent_answers
from roles.validity import FIRST_THREE, half_rows, survey_profiles
from scripts.map_levels import (
    Design,
    blocks,
    design,
    levels_by_item,
    levels_of,
    same_numbers,
    shift_options,
    shifts_of,
    with_levels,
    with_shifts,
)

TEMPERATURE = 0.5
PENALTY = 0.01
DS_WEIGHT = 2.5
STEP = 0.25
LEVEL_STEP = 0.5  # levels are on the sliders' half steps
LEVEL_PENALTY = 0.01
THREE_WEIGHT = 1.0  # the first three answers alone weigh as much as all nine
# The levels as they were set by hand, each with the reason the questionnaire gave (years of ML
# follow the lecture's ML axis, years of coding capped at 4, an activity at what it takes): the
# fit starts from them and an L2 penalty `LEVEL_PENALTY` pulls toward them.
ANCHOR = {
    ("years_ml", "ml"): [1, 2, 2, 2, 2.5, 4, 6.5, 8, 9.5],
    ("years_code", "swe"): [0.5, 3.5, 3.5, 3.5, 3.5, 4, 4],
    ("work_activities", "ml"): [2.5, 0.5, 2.5, 5, 9.5, 10, 0],
    ("work_activities", "swe"): [0.5, 7, 2, 8, 7.5, 4, 5],
}
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


def _ticks(rows: list[dict[str, Any]], options: list[tuple[str, str]]) -> np.ndarray:
    x = np.zeros((len(rows), len(options)))
    for r, answers in enumerate(rows):
        for j, (item, option) in enumerate(options):
            given = answers.get(item)
            x[r, j] = given == option if isinstance(given, str) else option in (given or [])
    return x


def _monotone(q: Questionnaire) -> np.ndarray:
    """Levels = this matrix @ parameters: a years scale's first level, then increments that may
    not be negative (more years never score less); a work activity's level directly."""
    size = len(levels_of(q))
    m, at = np.zeros((size, size)), 0
    for item_id, _, keys in blocks(q):
        ordered = isinstance(q.item(item_id), OneChoiceItem)
        for i in range(len(keys)):
            m[at + i, at : at + i + 1] = 1 if ordered else 0
            m[at + i, at + i] = 1
        at += len(keys)
    return m


@dataclass(frozen=True)
class Data:
    """What the fit reads for each respondent: the first three answers' design, the ticked
    options of the six, the communication score, the title's role and the title's weight."""

    design: Design
    ticks: np.ndarray
    comm: np.ndarray
    truth: np.ndarray
    weights: np.ndarray


def data(q: Questionnaire, table: pd.DataFrame, catalog: Catalog) -> Data:
    """The fit's view of these respondents (the calibration half, or part of it)."""
    rows = [respondent_answers(r) for r in table.to_dict("records")]
    titles = table["title"].to_numpy()
    count = {t: int((titles == t).sum()) for t in TITLE_ROLE}
    weights = np.array([(DS_WEIGHT if t == "Data Scientist" else 1.0) / count[t] for t in titles])
    truth = np.array([catalog.role_ids.index(TITLE_ROLE[t]) for t in titles])
    comm = survey_profiles(q, table, FIRST_THREE)[:, 2]
    return Data(design(q, table), _ticks(rows, shift_options(q)), comm, truth, weights)


def _soft_stage(
    a: dict[str, np.ndarray],
    comm: np.ndarray,
    scale: float,
    d: Data,
    ml: np.ndarray,
    swe: np.ndarray,
    weight: float,
) -> tuple[float, list[np.ndarray]]:
    """The title-weighted cross-entropy of the soft best fit for these scores, and its gradient
    in ml and in swe. The fit's own geometry: past the centre in a role's open direction counts
    as nothing."""
    ux = _open((ml[:, None] - a["cx"]) / a["rx"], a["ox"])
    uy = _open((swe[:, None] - a["cy"]) / a["ry"], a["oy"])
    logits = -(ux**2 + uy**2 + comm) / scale
    logits -= logits.max(axis=1, keepdims=True)
    p = np.exp(logits)
    p /= p.sum(axis=1, keepdims=True)
    rows, w = np.arange(len(d.truth)), weight * d.weights
    g = p.copy()
    g[rows, d.truth] -= 1
    g *= w[:, None]
    grads = [(g * (-2 * u / r / scale)).sum(axis=1) for u, r in ((ux, a["rx"]), (uy, a["ry"]))]
    return float(-(w * np.log(p[rows, d.truth] + 1e-12)).sum()), grads


def fit(
    q: Questionnaire, d: Data, catalog: Catalog, *, levels: bool = True
) -> tuple[np.ndarray, np.ndarray]:
    """Levels (in the order of `map_levels.blocks`) and shifts (ml then swe per option)
    minimising the soft best fit's cross-entropy, nine answers and three; `levels=False` keeps
    the questionnaire's levels and fits the shifts alone (as before 2026-12-07)."""
    a = {k: np.asarray(v) for k, v in _regions(catalog).items()}
    comm = (np.maximum(0, a["bar"] - d.comm[:, None]) / catalog.comm_tolerance) ** 2
    scale = 2 * SPREAD**2 * TEMPERATURE
    k = d.ticks.shape[1]
    m, start = _monotone(q), levels_of(q)
    coef = [c @ m for c in d.design.coef]
    if not levels:  # the procedure before: shifts added to the scores on the sliders' steps
        steps = np.vectorize(snap)(np.clip(d.design.scores(start), 0, 10))
        d = replace(d, design=replace(d.design, constant=steps))
        coef = [np.zeros_like(c) for c in coef]
    moved = [d.ticks * d.design.measured[:, [i]] for i in (0, 1)]  # a shift moves a measured score

    def stage(ml: np.ndarray, swe: np.ndarray, weight: float) -> tuple[float, list[np.ndarray]]:
        return _soft_stage(a, comm, scale, d, ml, swe, weight)

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        params, shifts = theta[: len(start)], theta[len(start) :]
        base = [d.design.constant[:, i] + coef[i] @ params for i in (0, 1)]
        nine, g9 = stage(*(base[i] + moved[i] @ shifts[i * k : (i + 1) * k] for i in (0, 1)), 1.0)
        three, g3 = stage(base[0], base[1], THREE_WEIGHT)
        away = m @ params - start
        value = nine + three + PENALTY * (shifts**2).sum() + LEVEL_PENALTY * (away**2).sum()
        g_params = sum(coef[i].T @ (g9[i] + g3[i]) for i in (0, 1)) + 2 * LEVEL_PENALTY * m.T @ away
        g_shifts = np.r_[moved[0].T @ g9[0], moved[1].T @ g9[1]] + 2 * PENALTY * shifts
        return value, np.r_[g_params, g_shifts]

    never = [(0.0, 3.0) if o in NEVER_LOWER_ML else (-3.0, 3.0) for o in shift_options(q)]
    theta0 = np.r_[np.linalg.solve(m, start), np.zeros(2 * k)]
    kept = [(v, v) for v in theta0[: len(start)]]
    bounds = ([(0.0, 10.0)] * len(start) if levels else kept) + never + [(-3.0, 3.0)] * k
    found = minimize(loss, theta0, jac=True, method="L-BFGS-B", bounds=bounds)
    levels = np.clip(np.round(m @ found.x[: len(start)] / LEVEL_STEP) * LEVEL_STEP, 0, 10)
    return levels + 0.0, np.round(found.x[len(start) :] / STEP) * STEP + 0.0


def _regions(catalog: Catalog) -> dict[str, list[float]]:
    regions = [r.region for r in catalog.roles]
    return {
        "cx": [g.ml for g in regions],
        "cy": [g.swe for g in regions],
        "rx": [g.ml_extent for g in regions],
        "ry": [g.swe_extent for g in regions],
        "ox": [r.opens("ml") for r in catalog.roles],
        "oy": [r.opens("swe") for r in catalog.roles],
        "bar": [r.comm for r in catalog.roles],
    }


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


def top1(q: Questionnaire, table: pd.DataFrame, catalog: Catalog) -> dict[str, float]:
    """Top-1 per title of these respondents' nine answers, scored as the Me page scores them."""
    first = fit_matrix(survey_profiles(q, table, SURVEY_ITEMS), catalog).argmax(axis=1)
    titles = table["title"].to_numpy()
    role = np.array([catalog.role_ids.index(TITLE_ROLE[t]) for t in titles])
    return {t: float((first[titles == t] == role[titles == t]).mean()) for t in TITLE_ROLE}


def refit(
    q: Questionnaire, table: pd.DataFrame, catalog: Catalog, *, levels: bool = True
) -> Questionnaire:
    """The questionnaire with the levels and shifts fitted on these respondents for this map,
    starting from and pulled toward `ANCHOR` (so the result never depends on the file's own
    fitted numbers)."""
    anchored = with_levels(q, np.concatenate([ANCHOR[(i, a)] for i, a, _ in blocks(q)]))
    found, theta = fit(anchored, data(anchored, table, catalog), catalog, levels=levels)
    return with_shifts(with_levels(q, found), theta)


def refit_shifts(q: Questionnaire, table: pd.DataFrame, catalog: Catalog) -> Questionnaire:
    """`refit` with the levels kept as set by hand (`ANCHOR`): the procedure before."""
    return refit(q, table, catalog, levels=False)


def _reasons(q: Questionnaire, table: pd.DataFrame) -> dict[str, dict[str, Any]]:
    """The fitted shifts, each with its reason (the title that uses the option most)."""
    rows = [respondent_answers(r) for r in table.to_dict("records")]
    x, titles = _ticks(rows, shift_options(q)), table["title"].to_numpy()
    out: dict[str, dict[str, Any]] = {}
    for j, (item, option) in enumerate(shift_options(q)):
        moved = shifts_of(q)[item].get(option)
        if moved:
            shares = {t: float(x[titles == t, j].mean()) for t in TITLE_ROLE}
            out.setdefault(item, {})[option] = {"shift": moved, "why": _why(shares)}
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", help="write the JSON here instead of printing it")
    parser.add_argument("--check", action="store_true", help="compare with questionnaire.yaml")
    args = parser.parse_args()
    shipped, catalog = load_questionnaire("en"), load_catalog("2021")
    table = half_rows("calibration")
    fitted = refit(shipped, table, catalog)
    got = top1(fitted, table, catalog)
    print("calibration half, top-1 per title:", {t: round(v, 3) for t, v in got.items()})
    if args.check:
        same = same_numbers(fitted, shipped)
        print(
            "questionnaire.yaml has the fitted levels and shifts"
            if same
            else f"differs: {levels_by_item(fitted)} {shifts_of(fitted)}"
        )
        return 0 if same else 1
    out = {"levels": levels_by_item(fitted), "shifts": _reasons(fitted, table)}
    text = json.dumps(out, indent=1, ensure_ascii=False)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
