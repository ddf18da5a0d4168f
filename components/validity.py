"""How well the map places real people: the validity figures on the About page."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.catalogs import cached_catalog, cached_questionnaire
from components.lang import _, current_lang
from roles.caching import memoize
from roles.i18n import tr
from roles.survey import SOURCE, title_name
from roles.validity import ValidityReport, evaluate, people_like_you_accuracy


@memoize(maxsize=4)
def _validity(catalog_id: str) -> ValidityReport:
    # Numbers only: the same in every language, so computed once per server.
    return evaluate(cached_catalog(catalog_id, "en"), cached_questionnaire("en"), "validation")


def cached_validity(catalog_id: str) -> ValidityReport:
    """The validation-half report for a shipped catalog (computed once per server)."""
    with st.spinner(_("Checking the map against the survey…")):
        return _validity(catalog_id)


@memoize(maxsize=1)
def cached_likeness_accuracy() -> float:
    """Balanced accuracy of the top 'people like you' title on the validation half."""
    per_title = people_like_you_accuracy("validation")
    return sum(per_title.values()) / len(per_title)


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
            "whose job title matches a role, scored from the three survey questions the "
            "questionnaire starts with (nothing else answered). The map was tuned on one half of "
            "the respondents; these figures are for the other half, which it never saw.",
            n=sum(t.n for t in report.titles),
            source=_(SOURCE),
        )
    )
    table = validity_table(report)
    st.table(table.set_index(table.columns[0]))
    st.markdown(
        _(
            "For scale: always answering the same role ranks the right one first for "
            "**{chance:.0%}** of titles; three answers cannot tell a data scientist from an ML "
            "engineer reliably, and a classifier built for the job does only a little better "
            "than the map. Among *people like you*, the most typical title is the person's own "
            "for **{likeness:.0%}** (balanced).",
            chance=1 / k,
            likeness=cached_likeness_accuracy(),
        )
    )
    st.caption(
        _(
            "Caveats: Kaggle users chose to answer and are younger and more junior than the "
            "industry; a job title is what people are called, not what the lecture means by a "
            "role; there is no ML DevOps title, so that role is not checked. "
            "`python bench/validity.py` prints the full report, confusion matrix included."
        )
    )
