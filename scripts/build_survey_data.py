"""Derive `data/survey_2021.csv` from the 2021 Kaggle survey extract in ../shared/survey/.

    python scripts/build_survey_data.py [SOURCE_CSV]

One row per distinct (title, years of coding, years of ML, activities) among respondents with
one of the five ML-team titles, with how many respondents gave it in each half of a fixed split:
`calibration` (the half the map and "People like you" were tuned on) and `validation` (the half
kept aside to check them; bench/validity.py reports on it). A respondent's half is decided by
the SHA-256 of their row number in the source file, so the split is reproducible.

Source: Kaggle Machine Learning & Data Science Survey 2021, CC BY 2.0.
"""

from __future__ import annotations

import csv
import hashlib
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "survey" / "kaggle2021_respondents.csv"
TARGET = ROOT / "data" / "survey_2021.csv"
TITLES = [
    "Data Scientist",
    "Research Scientist",
    "Machine Learning Engineer",
    "Data Engineer",
    "Product Manager",
]
# Survey column -> option id of the `work_activities` question (act_other has no option).
ACTIVITIES = {
    "act_analyze_data_for_decisions": "analyze_data",
    "act_build_run_data_infrastructure": "data_infrastructure",
    "act_build_ml_prototypes": "ml_prototypes",
    "act_build_run_ml_service": "ml_service",
    "act_improve_existing_ml_models": "improve_models",
    "act_ml_research_sota": "ml_research",
    "act_none": "none",
}


def in_validation(row_number: int) -> bool:
    """The fixed split: odd SHA-256 of the row number (0-based, header excluded)."""
    return int(hashlib.sha256(str(row_number).encode()).hexdigest(), 16) % 2 == 1


def main(source: Path = SOURCE) -> None:
    counts: Counter[tuple[str, str, str, str, str]] = Counter()
    with source.open(newline="", encoding="utf-8") as f:
        for i, row in enumerate(csv.DictReader(f)):
            if row["role"] not in TITLES:
                continue
            ticked = [opt for col, opt in ACTIVITIES.items() if row[col] in ("1", "1.0")]
            half = "validation" if in_validation(i) else "calibration"
            key = (row["role"], row["years_coding"], row["years_ml"], " ".join(ticked), half)
            counts[key] += 1
    rows: dict[tuple[str, str, str, str], dict[str, int]] = {}
    for (title, yc, ym, acts, half), n in counts.items():
        rows.setdefault((title, yc, ym, acts), {"calibration": 0, "validation": 0})[half] += n
    with TARGET.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["title", "years_code", "years_ml", "activities", "calibration", "validation"])
        for key in sorted(rows):
            w.writerow([*key, rows[key]["calibration"], rows[key]["validation"]])
    print(f"{TARGET}: {len(rows)} rows, {sum(counts.values())} respondents")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE)
