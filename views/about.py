"""About the map: the lecture's model in our words, the roles, and how fit and gaps are computed."""

import streamlit as st

from components.catalogs import cached_catalog, cached_questionnaire
from components.map_text import regions_summary
from components.role_cards import render_method, render_role_cards
from components.skills_map import PLOT_CONFIG, base_map
from components.validity import render_validity

catalog = cached_catalog("2021")
st.title("About the skills map")
st.markdown(
    """
The map comes from the *ML Teams* lecture of the Full Stack Deep Learning course. Building ML
products takes several kinds of people, and the lecture places six common roles on one chart:

- **across** (x): how much hands-on machine-learning skill and experience the role calls for;
- **up** (y): how much software engineering the role calls for, meaning production practice
  such as tests, code review, deployment, monitoring and system design, not years spent coding;
- **bubble size**: the bar for technical writing and communication.

The lecture's chart is a sketch with no scale. Our map keeps its order (who sits left or right,
above or below whom, whose bubble is bigger) and places each role where people doing that job
score on our level descriptions, checked against real people from the 2021 Kaggle survey
(below). "Data scientist" means very different things in different organisations, so its
region is the widest on ML. Use the map to start a conversation, not to settle one.
"""
)
st.plotly_chart(
    base_map(catalog, height=520, centres=True),
    key="about_map",
    theme=None,
    height="stretch",
    config=PLOT_CONFIG,
    alt=regions_summary(catalog),
)
st.subheader("The roles", anchor=False)
render_role_cards(catalog)
st.subheader("How the fit and the gaps are computed", anchor=False)
render_method(catalog, cached_questionnaire())
st.subheader("How well the map places people", anchor=False)
render_validity("2021")
st.caption(
    "The catalog, level descriptions and questionnaire are YAML files in `data/`; edit them and "
    "check them with `python -m roles check-catalog FILE`. Survey data: Kaggle Machine "
    "Learning & Data Science Survey 2021, CC BY 2.0."
)
