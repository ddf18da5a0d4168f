"""How well the map places real people: the validity report (prints figures, asserts nothing).

    python bench/validity.py [--catalog 2021|2022|FILE] [--half validation|calibration|all]

Respondents of the 2021 Kaggle ML & DS Survey answer only the survey's questions (every other
question unanswered; a measure with no answer stays at 5, as on the Me page): first the three
the questionnaire asked before (years of coding, years of ML, work activities), then all nine
(plus languages, education, ML frameworks, computer-vision and NLP methods, IDEs). Titles map
to roles: Data Scientist -> data scientist, Research Scientist -> ML researcher, Machine
Learning Engineer -> ML engineer, Data Engineer -> data engineer, Product Manager -> ML product
manager. Everything was fitted on the `calibration` half; `validation` (the default) is the
half nothing was fitted on. Source: Kaggle Machine Learning & Data Science Survey 2021, CC BY 2.0.
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
from roles.models import Catalog
from roles.survey import SURVEY_ITEMS, Half
from roles.survey_validity import likeness_report
from roles.validity import FIRST_THREE, ValidityReport, evaluate

STAGES = {"three survey answers (before)": FIRST_THREE, "nine survey answers (after)": SURVEY_ITEMS}


def _map_table(report: ValidityReport) -> None:
    print(f"{'title':<28}{'role':<20}{'n':>6}{'top-1':>8}{'top-2':>8}")
    for t in report.titles:
        print(f"{t.title:<28}{t.role:<20}{t.n:>6}{t.top1:>8.3f}{t.top2:>8.3f}")
    print(f"{'balanced (mean over titles)':<54}{report.top1:>8.3f}{report.top2:>8.3f}")
    if len(report.titles) == 5:
        four1, four2 = report.four
        print(f"{'balanced over the four largest titles':<54}{four1:>8.3f}{four2:>8.3f}")
    worst = report.worst_top1
    print(f"lowest top-1: {worst.title} {worst.top1:.3f}\n")


def print_map(catalog: Catalog, half: Half) -> None:
    """The map's best fit against each title's role, before and after the new questions."""
    questionnaire = load_questionnaire()
    report = None
    for stage, questions in STAGES.items():
        report = evaluate(catalog, questionnaire, half, questions)
        print(f"Map, catalog {report.catalog}, {half} half, {stage}\n")
        _map_table(report)
    assert report is not None
    k, n = len(report.titles), len(catalog.roles)
    print("Baselines (balanced):")
    print(f"  always the same role   top-1 {1 / k:.3f}  (same two roles: top-2 {2 / k:.3f})")
    print(f"  chance ({n} roles)       top-1 {1 / n:.3f}  top-2 {2 / n:.3f}\n")
    print("Confusion, nine answers (row: title, column: best-fit role, share of the title):")
    print(report.confusion.round(2).to_string())


def print_people_like_you(half: Half) -> None:
    """People like you's top titles against each respondent's own, and its calibration."""
    for stage, questions in STAGES.items():
        r = likeness_report(half, questions)
        print(f"\nPeople like you (model fitted on the calibration half), {half} half, {stage}")
        print(f"{'title':<28}{'n':>6}{'top-1':>8}{'top-2':>8}")
        for t in r.titles:
            print(f"{t.title:<28}{t.n:>6}{t.top1:>8.3f}{t.top2:>8.3f}")
        print(f"{'balanced, five titles':<34}{r.top1:>8.3f}{r.top2:>8.3f}")
        print(
            f"{'balanced, four titles among five':<34}{r.four_among_five[0]:>8.3f}"
            f"{r.four_among_five[1]:>8.3f}"
        )
        print(
            f"{'balanced, four titles among four':<34}{r.four_among_four[0]:>8.3f}"
            f"{r.four_among_four[1]:>8.3f}"
        )
        print(f"calibration of the top share (ECE, 10 bins, title-balanced): {r.ece:.3f}")
    print("  bin        weight  stated  actual   (nine answers)")
    for b in r.bins:
        print(f"  {b.low:.1f}-{b.high:.1f}  {b.weight:>8.3f}{b.stated:>8.3f}{b.actual:>8.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--catalog", default="2021", help="2021, 2022 or a roles YAML file")
    halves = ["validation", "calibration", "all"]
    parser.add_argument("--half", default="validation", choices=halves)
    args = parser.parse_args()
    start = time.perf_counter()
    catalog = _catalog(args.catalog, DEFAULT_LANG)  # names in English; the figures are the same
    print_map(catalog, args.half)
    print_people_like_you(args.half)
    print(f"\n({time.perf_counter() - start:.1f} s)")


if __name__ == "__main__":
    main()
