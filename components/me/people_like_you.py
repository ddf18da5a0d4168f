"""People like you: the 2021 Kaggle survey titles of respondents who answered like the person."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
import streamlit as st

from components.errors import error_text
from components.lang import _, current_lang
from components.skills_map import FONT, figure
from roles.confidence import calibrated
from roles.errors import SkillsMapError
from roles.i18n import listing, tr
from roles.questionnaire import Answers
from roles.survey import SOURCE, Likeness, people_like_you_detail, title_name

_CONFIG = {"displayModeBar": False, "staticPlot": True}


def people_like_you_figure(likeness: Likeness) -> go.Figure:
    """Horizontal bars: each title's share among the people who answered like you."""
    titles = list(reversed(likeness.titles))
    spec: dict[str, Any] = {
        "data": [
            {
                "type": "bar",
                "orientation": "h",
                "x": [round(100 * t.share, 1) for t in titles],
                "y": [title_name(t.title, likeness.lang) for t in titles],
                "text": [f"{t.share:.0%}" for t in titles],
                "textposition": "outside",
                "marker": {"color": "#3b5b92"},
                "hoverinfo": "skip",
                "meta": {"kind": "people_like_you"},
            }
        ],
        "layout": {
            "height": 60 + 34 * len(titles),
            "margin": {"l": 10, "r": 40, "t": 10, "b": 10},
            "xaxis": {"visible": False, "range": [0, 115]},
            "yaxis": {"automargin": True, "tickfont": {"size": 14, "color": "#1f2937"}},
            "font": {"size": 14, "color": "#1f2937", "family": FONT},
            "plot_bgcolor": "white",
            "template": {"data": {}, "layout": {}},
        },
    }
    return figure(spec)


def summary(likeness: Likeness) -> str:
    """What the chart shows and what it rests on, for a screen reader (and everyone)."""
    lang = likeness.lang
    shares = listing(
        lang, [f"{t.share:.0%} {title_name(t.title, lang)}" for t in likeness.titles[:3]]
    )
    return tr(
        lang,
        "People in the 2021 Kaggle survey who answer like you: {shares}. This rests on "
        "{rests_on}, and on a model of the answers of {n:,} respondents.",
        shares=shares,
        rests_on=likeness.rests_on,
        n=likeness.n,
    )


def render_people_like_you(answers: Answers) -> None:
    """The section, once at least one survey question is answered."""
    try:
        # The heading's calibrated chances, so the bars and "about 6 in 10" say the same.
        likeness = calibrated(people_like_you_detail(answers, lang=current_lang()))
    except SkillsMapError as exc:
        st.caption(error_text(exc, context=_("People like you is not available")))
        return
    if not likeness.titles:
        return
    st.markdown(_("### People like you") + "\n\n" + summary(likeness))
    st.plotly_chart(people_like_you_figure(likeness), config=_CONFIG, key="people_like_you")
    st.caption(
        _(
            "Shares count every title as if the five were equally common (the survey has eleven "
            "data scientists for every product manager) and are calibrated on respondents the "
            "model never saw, as the heading's chance is; a question you left out counts as "
            "unknown, not as a no. Caveats: Kaggle users chose to answer, and are younger and "
            "more junior than the industry; a job title is what people are called, not the "
            "lecture's role, and no title in the survey is ML DevOps. Source: {source}.",
            source=_(SOURCE),
        )
    )
