"""How well the map places real people and how sure the heading is: figures, no assertions.

    python bench/validity.py [--catalog 2021|2022|FILE] [--half validation|calibration|all]
                             [--skip heading]

Respondents of the 2021 Kaggle ML & DS Survey answer only the survey's questions (every other
question unanswered; a measure with no answer stays at 5, as on the Me page): first the three
the questionnaire asked before (years of coding, years of ML, work activities), then all nine
(plus languages, education, ML frameworks, computer-vision and NLP methods, IDEs). They are
scored exactly as the page, the CLI and the About page score them (one path:
`roles.questionnaire.score`, on the sliders' half steps). Titles map to roles: Data Scientist ->
data scientist, Research Scientist -> ML researcher, Machine Learning Engineer -> ML engineer,
Data Engineer -> data engineer, Product Manager -> ML product manager. Everything was fitted on
the `calibration` half (the regions, the map's shifts, People like you, the heading's
calibration); `validation` (the default) is the half nothing was fitted on. Every figure counts
each title alike. Source: Kaggle Machine Learning & Data Science Survey 2021, CC BY 2.0.

Each section is a function of the run's settings in SECTIONS: add one to print more.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cli.match import catalog_source
from roles.calibration import Query, check_headings, full_answers, outcomes, queries
from roles.catalog import load_questionnaire
from roles.confidence import load_confidence
from roles.i18n import DEFAULT_LANG
from roles.models import Catalog
from roles.survey import SURVEY_ITEMS, Half
from roles.survey_validity import likeness_report
from roles.validity import FIRST_THREE, ValidityReport, evaluate

STAGES = {"three survey answers": FIRST_THREE, "nine survey answers": SURVEY_ITEMS}
# Before issues #18 and #19 (closed regions, the lecture-calibrated centres, three survey
# answers; main of 2026-11-29), measured on this validation half.
BEFORE = {"2021": (0.344, 0.588), "2022": (0.386, 0.650)}


@dataclass
class Run:
    """What every section reads: the settings and what was computed once."""

    catalog: Catalog
    half: Half
    found: list[Query] | None = None  # the half's survey-answer queries, for the heading


def _map_table(r: ValidityReport) -> None:
    print(f"{'title':<28}{'role':<20}{'n':>6}{'top-1':>8}{'top-2':>8}{'in region':>11}")
    for t in r.titles:
        inside = t.in_region or 0.0
        print(f"{t.title:<28}{t.role:<20}{t.n:>6}{t.top1:>8.3f}{t.top2:>8.3f}{inside:>11.3f}")
    print(f"{'balanced (mean over titles)':<54}{r.top1:>8.3f}{r.top2:>8.3f}")
    if len(r.titles) == 5:
        four1, four2 = r.four
        print(f"{'balanced over the four largest titles':<54}{four1:>8.3f}{four2:>8.3f}")
    worst = r.worst_top1
    print(f"lowest top-1: {worst.title} {worst.top1:.3f}\n")


def map_section(run: Run) -> None:
    """The map's best fit against each title's role, with three answers and with nine."""
    questionnaire = load_questionnaire()
    report = None
    for stage, questions in STAGES.items():
        report = evaluate(run.catalog, questionnaire, run.half, questions)
        print(f"Map, catalog {report.catalog}, {run.half} half, {stage}\n")
        _map_table(report)
    assert report is not None
    before = BEFORE.get(report.catalog)
    if before and run.half == "validation":
        label = "before #18 and #19 (recorded, three answers)"
        print(f"{label:<54}{before[0]:>8.3f}{before[1]:>8.3f}")
    print("in region: share of the title inside its role's region or beyond it (open directions)\n")
    k, n = len(report.titles), len(run.catalog.roles)
    print("Baselines (balanced):")
    print(f"  always the same role   top-1 {1 / k:.3f}  (same two roles: top-2 {2 / k:.3f})")
    print(f"  chance ({n} roles)       top-1 {1 / n:.3f}  top-2 {2 / n:.3f}\n")
    print("Confusion, nine answers (row: title, column: best-fit role, share of the title):")
    print(report.confusion.round(2).to_string())


def people_like_you_section(run: Run) -> None:
    """People like you's top titles against each respondent's own, and its calibration."""
    r = None
    for stage, questions in STAGES.items():
        r = likeness_report(run.half, questions)
        print(f"\nPeople like you (model fitted on the calibration half), {run.half} half, {stage}")
        print(f"{'title':<28}{'n':>6}{'top-1':>8}{'top-2':>8}")
        for t in r.titles:
            print(f"{t.title:<28}{t.n:>6}{t.top1:>8.3f}{t.top2:>8.3f}")
        print(f"{'balanced, five titles':<34}{r.top1:>8.3f}{r.top2:>8.3f}")
        for label, (one, two) in (
            ("balanced, four titles among five", r.four_among_five),
            ("balanced, four titles among four", r.four_among_four),
        ):
            print(f"{label:<34}{one:>8.3f}{two:>8.3f}")
        print(f"calibration of the top share (ECE, 10 bins, title-balanced): {r.ece:.3f}")
    assert r is not None
    print("  bin        weight  stated  actual   (nine answers)")
    for b in r.bins:
        print(f"  {b.low:.1f}-{b.high:.1f}  {b.weight:>8.3f}{b.stated:>8.3f}{b.actual:>8.3f}")


def _print_check(label: str, found: list[Query], run: Run, noun: str = "people") -> None:
    q = load_questionnaire()
    check = check_headings(outcomes(found, run.catalog, q, load_confidence()))
    rel = check.reliability
    print(
        f"\n{label}: {check.people} {noun}, ECE {rel.ece:.3f}, stated minus actual {rel.over:+.3f}"
    )
    for kind in check.kinds:
        print(
            f"    {kind.kind:<11} share {kind.share:5.1%}  stated {kind.stated:.3f}  "
            f"actual {kind.actual:.3f}"
        )


def heading_section(run: Run) -> None:
    """The heading's stated chance against how often it names the respondent's role."""
    if run.half == "all" or "heading" in SKIP:
        return
    found = run.found or queries(run.half)
    full = full_answers(found)
    q, model = load_questionnaire(), load_confidence()
    check = check_headings(outcomes(full, run.catalog, q, model))
    rel = check.reliability
    print(
        f"\nThe heading's confidence ({run.half} half, each respondent's survey answers; "
        f"calibrated on the calibration half, modesty {model.modesty:g}):"
    )
    print(f"  {'stated bin':<12}{'people':>8}{'stated':>9}{'actual':>9}")
    for start, share, said, real in rel.rows:
        print(f"  {start:.1f}-{start + 0.1:.1f}     {share:>8.1%}{said:>9.3f}{real:>9.3f}")
    print(
        f"  expected calibration error {rel.ece:.3f} (target 0.05); "
        f"stated minus actual {rel.over:+.3f}"
    )
    print("  per kind of heading:")
    for kind in check.kinds:
        print(
            f"    {kind.kind:<11} share {kind.share:5.1%}  stated {kind.stated:.3f}  "
            f"actual {kind.actual:.3f}"
        )
    one = check.kind("one")
    print(
        f"  one-role headings: {one.share:.1%} of people (target 20%), "
        f"right {one.actual:.3f} (target 0.6)"
    )
    print("\nStress tests: the same calibration on people unlike the average respondent")
    by_k: dict[int, list[Query]] = {}
    for x in found:
        if x not in full:
            by_k.setdefault(x.k, []).append(x)
    for k, mine in sorted(by_k.items()):
        _print_check(f"  {k} of their survey answers", mine, run, "answer sets")
    senior = ("5-10 years", "10-20 years", "20+ years")
    groups = {
        "5+ years of coding": lambda a: a.get("years_code") in senior,
        "under 5 years of coding": lambda a: a.get("years_code") not in senior,
        "0-1 work activities": lambda a: len(a.get("work_activities") or []) <= 1,
        "2+ work activities": lambda a: len(a.get("work_activities") or []) >= 2,
    }
    for name, inside in groups.items():
        _print_check(f"  {name}", [x for x in full if inside(x.respondent.answers)], run)


SECTIONS: list[Callable[[Run], None]] = [map_section, people_like_you_section, heading_section]
SKIP: set[str] = set()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--catalog", default="2021", help="2021, 2022 or a roles YAML file")
    halves = ["validation", "calibration", "all"]
    parser.add_argument("--half", default="validation", choices=halves)
    parser.add_argument("--skip", action="append", default=[], choices=["heading"])
    args = parser.parse_args()
    SKIP.update(args.skip)
    start = time.perf_counter()
    catalog = catalog_source(args.catalog, DEFAULT_LANG)  # English names; same figures
    run = Run(catalog, args.half)
    for section in SECTIONS:
        section(run)
    print(f"\n({time.perf_counter() - start:.1f} s)")


if __name__ == "__main__":
    main()
