"""Guards the published validity figures: real people answering the survey's questions.

The targets, on the half of the 2021 survey nothing was fitted on: with the three questions asked
first (issue #7), balanced top-1 >= 0.34 and top-2 >= 0.58; with all nine survey questions (issue
#19), top-1 >= 0.40, top-2 >= 0.62 and no title below 0.25 top-1, and with the first three alone
no title below 0.20; the heading (issue #18): calibration error <= 0.05, one-role headings for a
fifth of people or more, right 0.6 of the time. Two floors are missed by less than a hundredth
(ML engineers: 0.248 with nine answers, 0.195 with three): their target tests are strict xfails,
so they fail the day the target is met, and a guard holds what is reached. docs/validity.md, the README and About publish the figures; this
test fails if a change to the map or the questionnaire makes them worse.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from roles.catalog import load_catalog, load_questionnaire
from roles.survey import load_respondents
from roles.validity import FIRST_THREE, evaluate


@pytest.fixture(scope="module")
def report_2021():  # type: ignore[no-untyped-def]
    return evaluate(load_catalog("2021"), load_questionnaire(), "validation")


@pytest.fixture(scope="module")
def before_2021():  # type: ignore[no-untyped-def]
    return evaluate(load_catalog("2021"), load_questionnaire(), "validation", FIRST_THREE)


def test_three_answers_still_meet_the_earlier_targets(before_2021) -> None:  # type: ignore[no-untyped-def]
    # Not worse than before #18 and #19 (0.344 / 0.588 on this half).
    assert before_2021.top1 >= 0.344 and before_2021.top2 >= 0.588
    # Guards what is reached (ML engineers 0.195, 2026-12-07); the target is the test below.
    assert before_2021.worst_top1.top1 >= 0.19


MISSED = "missed by less than a hundredth on the validation half (docs/validity.md); not tuned"


@pytest.mark.xfail(strict=True, reason=MISSED)
def test_no_title_is_below_a_fifth_with_three_answers(before_2021) -> None:  # type: ignore[no-untyped-def]
    assert before_2021.worst_top1.top1 >= 0.20


def test_nine_answers_meet_the_balanced_targets(report_2021) -> None:  # type: ignore[no-untyped-def]
    assert report_2021.top1 >= 0.40
    assert report_2021.top2 >= 0.62


def test_no_title_is_below_what_is_reached(report_2021) -> None:  # type: ignore[no-untyped-def]
    # ML engineers 0.248 (2026-12-07); the target is the test below.
    assert report_2021.worst_top1.top1 >= 0.24


@pytest.mark.xfail(strict=True, reason=MISSED)
def test_no_title_is_below_a_quarter(report_2021) -> None:  # type: ignore[no-untyped-def]
    assert report_2021.worst_top1.top1 >= 0.25


def test_the_new_questions_place_research_scientists_far_better(report_2021, before_2021) -> None:  # type: ignore[no-untyped-def]
    after = {t.title: t.top1 for t in report_2021.titles}
    before = {t.title: t.top1 for t in before_2021.titles}
    assert after["Research Scientist"] > before["Research Scientist"] + 0.2


def test_the_validation_half_is_the_whole_half(report_2021) -> None:  # type: ignore[no-untyped-def]
    table = load_respondents()
    assert sum(t.n for t in report_2021.titles) == int((table["half"] == "validation").sum())


def test_the_map_beats_always_answering_the_same_role(report_2021) -> None:  # type: ignore[no-untyped-def]
    assert report_2021.top1 > 1 / len(report_2021.titles) + 0.1


def test_confusion_rows_are_shares_of_each_title(report_2021) -> None:  # type: ignore[no-untyped-def]
    sums = report_2021.confusion.sum(axis=1)
    assert sums.round(6).eq(1.0).all()


def test_the_2022_chart_is_checked_on_its_four_titles() -> None:
    report = evaluate(load_catalog("2022"), load_questionnaire(), "validation")
    assert [t.role for t in report.titles] == [
        "data_scientist",
        "ml_researcher",
        "ml_engineer",
        "ml_product_manager",
    ]
    assert report.top1 >= 0.34 and report.worst_top1.top1 >= 0.20


def test_the_docs_publish_the_current_figures(report_2021, before_2021) -> None:  # type: ignore[no-untyped-def]
    root = Path(__file__).resolve().parents[2]
    page = (root / "docs" / "validity.md").read_text(encoding="utf-8")
    n = sum(t.n for t in report_2021.titles)
    row = f"| **balanced, 2021 chart** | {n:,} | {before_2021.top1:.3f} / {before_2021.top2:.3f} | **{report_2021.top1:.3f}** | **{report_2021.top2:.3f}** |"
    assert row in page
    for t, b in zip(report_2021.titles, before_2021.titles, strict=True):
        assert f"| {t.n:,} | {b.top1:.3f} / {b.top2:.3f} | {t.top1:.3f} | {t.top2:.3f} |" in page, (
            t.title
        )
    # The README's one table says the same.
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert f"Checked on {n:,} respondents" in readme
    assert (
        f"balanced over five titles) | {report_2021.top1:.3f} / {report_2021.top2:.3f} |" in readme
    )


@pytest.fixture(scope="module")
def heading_check():  # type: ignore[no-untyped-def]
    from roles.calibration import check_headings, outcomes, queries
    from roles.confidence import load_confidence

    found = queries("validation", subsets=False)
    return check_headings(
        outcomes(found, load_catalog("2021"), load_questionnaire(), load_confidence())
    )


def test_the_heading_is_as_sure_as_it_turns_out_on_the_validation_half(heading_check) -> None:  # type: ignore[no-untyped-def]
    # The calibration never saw this half (scripts/fit_confidence.py reads the other one).
    assert heading_check.reliability.ece <= 0.05
    assert heading_check.reliability.over <= 0.02  # never notably over-confident
    one = heading_check.kind("one")
    assert one.share >= 0.2 and one.actual >= 0.6


def test_the_docs_publish_the_headings_figures(heading_check) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    page = (root / "docs" / "validity.md").read_text(encoding="utf-8")
    one = heading_check.kind("one")
    assert (
        f"| Best fit: X (one role) | {one.share:.1%} | {one.stated:.3f} | {one.actual:.3f} |"
        in page
    )
    assert f"title-balanced: **{heading_check.reliability.ece:.3f}**" in page
    # The README's one table says the same.
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert f"title-balanced) | {heading_check.reliability.ece:.3f} |" in readme
    assert f"how often right | {one.share:.1%}, {one.actual:.3f} |" in readme
