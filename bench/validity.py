"""How well the map places real people: the validity report (prints figures, asserts nothing).

    python bench/validity.py [--catalog 2021|2022|FILE] [--half validation|calibration|all]

Respondents of the 2021 Kaggle ML & DS Survey answer only the three survey questions (every
other question unanswered; a measure with no answer stays at 5, as on the Me page). Titles map
to roles: Data Scientist -> data scientist, Research Scientist -> ML researcher, Machine
Learning Engineer -> ML engineer, Data Engineer -> data engineer, Product Manager -> ML product
manager. The map was calibrated on the `calibration` half; `validation` (the default) is the half
it was never tuned on. Source: Kaggle Machine Learning & Data Science Survey 2021, CC BY 2.0.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from roles.catalog import load_questionnaire
from roles.cli import _catalog
from roles.i18n import DEFAULT_LANG
from roles.validity import evaluate, people_like_you_accuracy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--catalog", default="2021", help="2021, 2022 or a roles YAML file")
    halves = ["validation", "calibration", "all"]
    parser.add_argument("--half", default="validation", choices=halves)
    args = parser.parse_args()
    start = time.perf_counter()
    catalog = _catalog(args.catalog, DEFAULT_LANG)  # names in English; the figures are the same
    report = evaluate(catalog, load_questionnaire(), args.half)
    k = len(report.titles)
    print(f"Catalog {report.catalog}, {args.half} half of the 2021 survey, survey answers only\n")
    print(f"{'title':<28}{'role':<20}{'n':>6}{'top-1':>8}{'top-2':>8}")
    for t in report.titles:
        print(f"{t.title:<28}{t.role:<20}{t.n:>6}{t.top1:>8.3f}{t.top2:>8.3f}")
    print(f"{'balanced (mean over titles)':<54}{report.top1:>8.3f}{report.top2:>8.3f}")
    worst = report.worst_top1
    print(f"lowest top-1: {worst.title} {worst.top1:.3f}\n")
    print("Baselines (balanced):")
    print(f"  always the same role   top-1 {1 / k:.3f}  (same two roles: top-2 {2 / k:.3f})")
    n = len(catalog.roles)
    print(f"  chance ({n} roles)       top-1 {1 / n:.3f}  top-2 {2 / n:.3f}\n")
    print("Confusion (row: title, column: best-fit role, share of the title's respondents):")
    print(report.confusion.round(2).to_string())
    likes = people_like_you_accuracy(args.half if args.half != "all" else "validation")
    mean = sum(likes.values()) / len(likes)
    print("\nPeople like you (top title among the five, shares from the other half):")
    for title, acc in likes.items():
        print(f"  {title:<28}{acc:.3f}")
    print(f"  balanced                    {mean:.3f}")
    print(f"\n({time.perf_counter() - start:.1f} s)")


if __name__ == "__main__":
    main()
