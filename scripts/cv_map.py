"""Cross-validate how the 2021 map is fitted, inside the calibration half (or run it whole).

    python scripts/cv_map.py [--folds K] [--full [--check]]

The procedure that places the map (what ships), on a set of survey respondents: starting from
`START`, alternate
  1. scripts/fit_map_shifts.py: the first three answers' levels and the six questions' shifts
     that place the respondents nearest their title's role on the current regions;
  2. scripts/search_regions.py: the regions' coordinate search for those levels and shifts;
until the search moves nothing (at most `ALTERNATIONS` times; then step 1 once more).

By default it cross-validates that procedure inside the calibration half: K folds (5) stratified
by title with a fixed seed; the procedure runs on K-1 folds and the held-out fold is scored
exactly as bench/validity.py scores a half (`roles.validity.evaluate_rows`): balanced top-1 and
top-2 and the lowest title, with nine answers and with three. It prints each fold and the mean
and spread over folds: the estimate of how the map does on people it never saw. The method and
its settings (fitting the levels too, `LEVEL_PENALTY` and the rest) were chosen on these folds;
`--baseline` runs the procedure as it was before (shifts only, the levels as set by hand).
`--full` runs it on the whole calibration half and prints the regions; `--check` compares
them, the levels and the shifts with data/roles.yaml and data/questionnaire.yaml. The
validation half is never read.

Source: Kaggle Machine Learning & Data Science Survey 2021, CC BY 2.0.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.model_selection import StratifiedKFold

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from roles.catalog import load_catalog, load_questionnaire
from roles.models import Catalog
from roles.questionnaire_models import Questionnaire
from roles.validity import FIRST_THREE, evaluate_rows, half_rows
from scripts import fit_map_shifts, map_levels, search_regions

SEED = 2021
ALTERNATIONS = 8
# Where the procedure starts: #18's 2021 regions (searched on three answers, on the calibration
# half of the split before this one), role id -> ml, swe, ml_extent, swe_extent, comm bar.
START = {
    "ml_devops": (1.2, 9.3, 1.5, 1.2, 4.0),
    "data_engineer": (2.3, 6.9, 1.5, 2.8, 4.0),
    "ml_engineer": (6.0, 6.1, 2.2, 1.8, 4.0),
    "ml_researcher": (6.7, 3.4, 2.0, 2.2, 5.5),
    "data_scientist": (5.5, 3.0, 2.6, 1.6, 6.9),
    "ml_product_manager": (3.3, 2.7, 1.8, 1.5, 7.2),
}


def procedure(
    rows: pd.DataFrame, *, levels: bool = True, log: bool = False
) -> tuple[Catalog, Questionnaire]:
    """The 2021 map and questionnaire the procedure fits on these respondents."""
    start = {r: dict(zip(search_regions.PARAMS, v, strict=True)) for r, v in START.items()}
    catalog = search_regions.with_numbers(load_catalog("2021"), start)
    shipped, titles = load_questionnaire("en"), rows["title"].to_numpy()
    refit = fit_map_shifts.refit if levels else fit_map_shifts.refit_shifts
    for turn in range(ALTERNATIONS):
        q = refit(shipped, rows, catalog)
        stages = search_regions.stages_for(q, rows)
        found, trace = search_regions.search(catalog, stages, titles, "2021")
        if log:
            print(f"  turn {turn + 1}: search {trace[0]:.4f} -> {trace[-1]:.4f}", flush=True)
        if search_regions.numbers_of(found) == search_regions.numbers_of(catalog):
            return catalog, q
        catalog = found
    return catalog, refit(shipped, rows, catalog)


def cross_validate(k: int, *, levels: bool = True) -> list[dict[str, float]]:
    """The procedure's figures on each held-out fold of the calibration half."""
    rows = half_rows("calibration").reset_index(drop=True)
    folds = StratifiedKFold(n_splits=k, shuffle=True, random_state=SEED)
    out = []
    for i, (fit_on, held) in enumerate(folds.split(rows, rows["title"])):
        catalog, q = procedure(rows.iloc[fit_on], levels=levels)
        figures: dict[str, float] = {}
        for stage, questions in (("nine", None), ("three", FIRST_THREE)):
            kw = {"questions": questions} if questions else {}
            r = evaluate_rows(catalog, q, rows.iloc[held], f"fold {i + 1}", **kw)
            figures |= {f"{stage} top-1": r.top1, f"{stage} top-2": r.top2}
            figures[f"{stage} lowest"] = r.worst_top1.top1
        print(f"fold {i + 1}: " + "  ".join(f"{k} {v:.3f}" for k, v in figures.items()), flush=True)
        out.append(figures)
    return out


def _check(catalog: Catalog, q: Questionnaire) -> bool:
    shipped_map, shipped_q = load_catalog("2021"), load_questionnaire("en")
    same_map = search_regions.numbers_of(catalog) == search_regions.numbers_of(shipped_map)
    same_q = map_levels.same_numbers(q, shipped_q)
    print("data/roles.yaml has the fitted regions" if same_map else "the regions differ")
    print("data/questionnaire.yaml has the fitted levels and shifts" if same_q else "differs")
    return same_map and same_q


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--baseline", action="store_true", help="shifts only, levels by hand")
    parser.add_argument("--full", action="store_true", help="the whole calibration half")
    parser.add_argument("--check", action="store_true", help="with --full: compare with data/")
    args = parser.parse_args()
    if args.full:
        catalog, q = procedure(half_rows("calibration"), levels=not args.baseline, log=True)
        for role, n in search_regions.numbers_of(catalog).items():
            print(role, {k: round(v, 1) for k, v in n.items()})
        return 0 if not args.check or _check(catalog, q) else 1
    folds = cross_validate(args.folds, levels=not args.baseline)
    print(f"calibration half, {args.folds}-fold cross-validation (mean, sd over folds):")
    for key in folds[0]:
        values = np.array([f[key] for f in folds])
        print(f"  {key:<14}{values.mean():.3f}  sd {values.std(ddof=1):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
