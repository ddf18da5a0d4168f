"""How well the map places real people: the validity figures on the About page."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.catalogs import cached_catalog, cached_questionnaire
from roles.survey import SOURCE
from roles.validity import ValidityReport, evaluate, people_like_you_accuracy


@st.cache_resource(show_spinner="Checking the map against the survey…")
def cached_validity(catalog_id: str) -> ValidityReport:
    """The validation-half report for a shipped catalog (computed once per server)."""
    return evaluate(cached_catalog(catalog_id), cached_questionnaire(), "validation")


@st.cache_resource(show_spinner=False)
def cached_likeness_accuracy() -> float:
    """Balanced accuracy of the top 'people like you' title on the validation half."""
    per_title = people_like_you_accuracy("validation")
    return sum(per_title.values()) / len(per_title)


def validity_table(report: ValidityReport) -> pd.DataFrame:
    """One row per survey title: its role and how often that role comes first or second."""
    rows = [
        {
            "Survey title": t.title,
            "Role": t.role.replace("_", " "),
            "People": t.n,
            "Role ranked first": f"{t.top1:.0%}",
            "Role in the first two": f"{t.top2:.0%}",
        }
        for t in report.titles
    ]
    rows.append(
        {
            "Survey title": "Balanced (mean over titles)",
            "Role": "",
            "People": sum(t.n for t in report.titles),
            "Role ranked first": f"{report.top1:.0%}",
            "Role in the first two": f"{report.top2:.0%}",
        }
    )
    return pd.DataFrame(rows)


def render_validity(catalog_id: str) -> None:
    """The figures, the baselines and the caveats, in plain words."""
    report = cached_validity(catalog_id)
    k = len(report.titles)
    st.markdown(
        f"We checked the map against about {sum(t.n for t in report.titles):,} real people: "
        f"respondents of the {SOURCE} whose job title matches a role, scored from the three "
        "survey questions the questionnaire starts with (nothing else answered). The map was "
        "tuned on one half of the respondents; these figures are for the other half, which "
        "it never saw."
    )
    st.table(validity_table(report).set_index("Survey title"))
    st.markdown(
        f"For scale: always answering the same role ranks the right one first for "
        f"**{1 / k:.0%}** of titles; three answers cannot tell a data scientist from an ML "
        f"engineer reliably, and a classifier built for the job does only a little better "
        f"than the map. Among *people like you*, the most typical title is the person's own "
        f"for **{cached_likeness_accuracy():.0%}** (balanced)."
    )
    st.caption(
        "Caveats: Kaggle users chose to answer and are younger and more junior than the "
        "industry; a job title is what people are called, not what the lecture means by a "
        "role; there is no ML DevOps title, so that role is not checked. "
        "`python bench/validity.py` prints the full report, confusion matrix included."
    )
