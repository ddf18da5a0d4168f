"""Fit "People like you" on the calibration half of the survey and write its coefficients.

    python scripts/fit_people_like_you.py [--c C]

Reads `data/survey_2021.csv` (made by scripts/build_survey_data.py), keeps the calibration half
only (the validation half is never fitted on), fits scikit-learn's logistic regression with a
fixed seed (`roles.survey_model.fit_model`: L2 strength by 5-fold cross-validation unless `--c`
is given) and writes `data/people_like_you_2021.json`, which the app rebuilds into the estimator.
tests/roles/test_survey_model.py checks that this reproduces the shipped file.

Source: Kaggle Machine Learning & Data Science Survey 2021, CC BY 2.0.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from roles.catalog import DATA_DIR
from roles.survey import load_respondents
from roles.survey_model import MODEL_FILE, fit_model, to_json


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--c", type=float, help="L2 strength (default: chosen by cross-validation)")
    args = parser.parse_args()
    start = time.perf_counter()
    table = load_respondents()
    fitted = fit_model(table[table["half"] == "calibration"], c=args.c)
    doc = to_json(fitted)
    target = DATA_DIR / MODEL_FILE
    target.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(
        f"{target}: C={fitted.c} (cross-validation: {fitted.cv or 'not run'}), "
        f"{fitted.respondents} respondents, {time.perf_counter() - start:.1f} s"
    )


if __name__ == "__main__":
    main()
