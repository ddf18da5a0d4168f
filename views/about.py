"""About the map: the lecture's model in our words, the roles, and how fit and gaps are computed."""

import streamlit as st

from components.catalogs import cached_catalog, cached_questionnaire
from components.lang import _
from components.map_text import regions_summary
from components.method import render_method
from components.role_cards import render_role_cards
from components.skills_map import PLOT_CONFIG, base_map
from components.validity import render_validity
from roles.confidence import load_confidence

catalog = cached_catalog("2021")
st.title(_("About the skills map"))
st.markdown(
    _(
        "The map comes from the *ML Teams* lecture of the Full Stack Deep Learning course. "
        "Building ML products takes several kinds of people, and the lecture places six common "
        "roles on one chart:\n\n"
        "- **across** (x): how much hands-on machine-learning skill and experience the role "
        "calls for;\n"
        "- **up** (y): how much software engineering the role calls for, meaning production "
        "practice such as tests, code review, deployment, monitoring and system design, not "
        "years spent coding;\n"
        "- **bubble size**: the bar for technical writing and communication.\n\n"
        "The lecture's chart is a sketch with no scale. Our map keeps its order (who sits left "
        "or right, above or below whom, whose bubble is bigger) and places each role where the "
        "map best tells apart real people with that job title in the 2021 Kaggle survey "
        "(below). That is not where a typical person with the title scores: from the survey's "
        "questions every title averages about the middle of the map, and a third to three "
        'quarters of each title falls inside its role\'s region. "Data scientist" means very '
        "different things in different organisations, so its region is the widest on ML. Use "
        "the map to start a conversation, not to settle one."
    )
)
st.plotly_chart(
    base_map(catalog, height=520, centres=True),
    key="about_map",
    theme=None,
    height="stretch",
    config=PLOT_CONFIG,
    alt=regions_summary(catalog),
)
st.subheader(_("The roles"), anchor=False)
render_role_cards(catalog)
st.subheader(_("How the fit and the gaps are computed"), anchor=False)
render_method(catalog, cached_questionnaire(), load_confidence())
st.subheader(_("How well the map places people"), anchor=False)
render_validity("2021")
st.caption(
    _(
        "The catalog, level descriptions and questionnaire are YAML files in `data/`, each text "
        "in English and Chinese; edit them and check them with `skills-map check-catalog "
        "FILE`. Survey data: Kaggle Machine Learning & Data Science Survey 2021, CC BY 2.0."
    )
)
