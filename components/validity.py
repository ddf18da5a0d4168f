"""How well the map places real people: the validity figures on the About page."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.catalogs import cached_catalog, cached_questionnaire
from components.lang import _, current_lang
from roles.caching import memoize
from roles.calibration import HeadingCheck, check_headings, outcomes, queries
from roles.confidence import load_confidence
from roles.i18n import N_, tr
from roles.survey import SOURCE, title_name
from roles.survey_validity import likeness_report
from roles.validity import ValidityReport, evaluate

_KINDS = {
    "one": N_("One role"),
    "close_call": N_("Close call (two roles)"),
    "unsure": N_("No role stands out yet (two roles)"),
}


@memoize(maxsize=4)
def _validity(catalog_id: str) -> ValidityReport:
    # Numbers only: the same in every language, so computed once per server.
    return evaluate(cached_catalog(catalog_id, "en"), cached_questionnaire("en"), "validation")


def cached_validity(catalog_id: str) -> ValidityReport:
    """The validation-half report for a shipped catalog (computed once per server)."""
    with st.spinner(_("Checking the map against the survey…")):
        return _validity(catalog_id)


@memoize(maxsize=1)
def cached_likeness_accuracy() -> tuple[float, float]:
    """Balanced top-1 of 'people like you' on the validation half: over the five titles, and
    over the four largest ranked among themselves."""
    report = likeness_report("validation")
    return report.top1, report.four_among_four[0]


@memoize(maxsize=1)
def cached_heading_check() -> HeadingCheck:
    """The heading each validation-half respondent would read, checked (once per server)."""
    found = queries("validation", subsets=False)
    model = load_confidence()
    return check_headings(
        outcomes(found, cached_catalog("2021", "en"), cached_questionnaire("en"), model)
    )


def heading_table(check: HeadingCheck) -> pd.DataFrame:
    """One row per kind of heading: how many get it, the chance it states, how often it is
    right."""
    lang = current_lang()
    columns = [
        tr(lang, "Heading"),
        tr(lang, "Share of people"),
        tr(lang, "Chance it states"),
        tr(lang, "Actually right"),
    ]
    rows = [
        [tr(lang, _KINDS[k.kind]), f"{k.share:.0%}", f"{k.stated:.0%}", f"{k.actual:.0%}"]
        for k in check.kinds
    ]
    return pd.DataFrame(rows, columns=columns)


def validity_table(report: ValidityReport) -> pd.DataFrame:
    """One row per survey title: its role and how often that role comes first or second."""
    lang = current_lang()
    names = {r.id: r.name for r in cached_catalog(report.catalog, lang).roles}
    columns = [
        tr(lang, "Survey title"),
        tr(lang, "Role"),
        tr(lang, "People"),
        tr(lang, "Role ranked first"),
        tr(lang, "Role in the first two"),
    ]
    rows = [
        [title_name(t.title, lang), names[t.role], t.n, f"{t.top1:.0%}", f"{t.top2:.0%}"]
        for t in report.titles
    ]
    rows.append(
        [
            tr(lang, "Balanced (mean over titles)"),
            "",
            sum(t.n for t in report.titles),
            f"{report.top1:.0%}",
            f"{report.top2:.0%}",
        ]
    )
    return pd.DataFrame(rows, columns=columns)


def render_validity(catalog_id: str) -> None:
    """The figures, the baselines and the caveats, in plain words."""
    report = cached_validity(catalog_id)
    k = len(report.titles)
    st.markdown(
        _(
            "We checked the map against about {n:,} real people: respondents of the {source} "
            "whose job title matches a role, scored from the nine survey questions the "
            "questionnaire starts with (nothing else answered). The map was tuned on one half of "
            "the respondents; these figures are for the other half, which it never saw.",
            n=sum(t.n for t in report.titles),
            source=_(SOURCE),
        )
    )
    table = validity_table(report)
    st.table(table.set_index(table.columns[0]))
    five, four = cached_likeness_accuracy()
    st.markdown(
        _(
            "For scale: always answering the same role ranks the right one first for "
            "**{chance:.0%}** of titles; the survey's answers cannot tell a data scientist from "
            "an ML engineer reliably, and a classifier built for the job, free of the map's two "
            "axes, does somewhat better. *People like you* (that classifier) names the person's "
            "own title first for **{likeness:.0%}** (balanced over the five titles; "
            "{four:.0%} among the four largest).",
            chance=1 / k,
            likeness=five,
            four=four,
        )
    )
    render_heading_check()
    st.caption(
        _(
            "Caveats: Kaggle users chose to answer and are younger and more junior than the "
            "industry; a job title is what people are called, not what the lecture means by a "
            "role; there is no ML DevOps title, so that role is not checked. "
            "`python bench/validity.py` prints the full report, confusion matrix included."
        )
    )


def render_heading_check() -> None:
    """How sure the heading is, checked on the half the calibration never saw."""
    with st.spinner(_("Checking the heading against the survey…")):
        check = cached_heading_check()
    st.markdown(
        _(
            "**How sure the heading is, checked.** The same respondents' survey answers give "
            "the heading each would read. The chance it states and how often it comes true "
            "differ by {ece:.3f} on average (expected calibration error over ten bins, every "
            "title counted alike; the target is at most 0.05), and on average what it states "
            "minus what comes true is {over:+.3f} (below zero: it claims less than it achieves).",
            ece=check.reliability.ece,
            over=check.reliability.over,
        )
    )
    table = heading_table(check)
    st.table(table.set_index(table.columns[0]))
    st.caption(
        _(
            "With the survey's nine questions {share:.0%} of people get a one-role heading: one "
            "role is named when its chance is high enough and the map agrees (you are in its "
            "region, or it is the map's best fit). With the first three questions alone it is "
            "rare.",
            share=check.kind("one").share,
        )
    )
