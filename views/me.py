"""Me: rate yourself, see where you sit on the map, your best-fit role and what to learn next."""

import streamlit as st

from components.catalogs import cached_catalog
from components.me.questionnaire_form import render_questionnaire, render_questionnaire_summary
from components.me.rating import held_profile, render_rating_sliders, slider_profile
from components.me.results import render_downloads, render_results
from components.me.share import render_share_link
from components.me.state import (
    CATALOG_KEY,
    MODE_KEY,
    PREFIX,
    SURVEY,
    TARGET_KEY,
    current_share,
    init_me_state,
    render_catalog_choice,
    render_mode_choice,
    write_url,
)
from components.style import apply_style

apply_style()
warnings = init_me_state()
st.title("Which ML role fits you?")
st.caption(
    "Rate yourself on the three measures of the ML Teams skills map: **ML expertise** (the ML you "
    "have built and shipped), **software engineering** (production practice: tests, review, "
    "deployment, monitoring, design) and **communication** (writing, talks, persuading others). "
    "Each level describes what people at that level have actually done."
)
for w in warnings:
    st.warning(f"The link had a bad value: {w}", icon=":material/warning:")

catalog = cached_catalog(st.session_state[CATALOG_KEY])
survey = st.session_state[MODE_KEY] == SURVEY
rate, result = st.columns([2, 3], gap="large")
fit_line = rate.empty()
# The result is drawn before the sliders (from their values in this run): the browser handles a
# run's elements in order, so the map is redrawn sooner after each key press.
profile = held_profile(PREFIX) if survey else slider_profile(PREFIX)
target = render_results(profile, catalog, target_key=TARGET_KEY, map_slot=result, fit_slot=fit_line)
with rate:
    render_mode_choice()
    if survey:
        render_questionnaire("me_q_", slider_prefix=PREFIX, mode_key=MODE_KEY)
    else:
        render_questionnaire_summary("me_q_")
        render_rating_sliders(PREFIX)
render_catalog_choice()
state = current_share()
write_url(state)
st.divider()
render_share_link(state)
render_downloads(profile, catalog, target)
