"""Me: rate yourself, see where you sit on the map, your best-fit role and what to learn next."""

import streamlit as st

from components.catalogs import cached_catalog
from components.me import questionnaire_form as qf
from components.me.people_like_you import render_people_like_you
from components.me.rating import held_profile, render_rating_sliders
from components.me.results import render_downloads, render_results
from components.me.share import render_share_link
from components.me.state import (
    CATALOG_KEY,
    MODE_KEY,
    PREFIX,
    QUESTIONS,
    QUICK,
    SURVEY,
    TARGET_KEY,
    current_share,
    init_me_state,
    write_url,
)

warnings = init_me_state()
st.title("Which ML role fits you?")
st.caption(
    "Rate yourself on the three measures of the ML Teams skills map. Each level describes what "
    "people at that level have actually done."
)
for w in warnings:
    st.warning(f"The link had a bad value: {w}", icon=":material/warning:")

with st.sidebar:
    st.radio(
        "Chart edition",
        ["2021", "2022"],
        key=CATALOG_KEY,
        horizontal=True,
        help="The lecture's 2021 chart has six roles; the 2022 chart drops the data engineer.",
    )
catalog = cached_catalog(st.session_state[CATALOG_KEY])

rate, result = st.columns([2, 3], gap="large")
with rate:
    mode = st.radio("Rate yourself with", [QUICK, SURVEY], key=MODE_KEY, horizontal=True)
    if mode == SURVEY:
        qf.render_questionnaire(QUESTIONS, slider_prefix=PREFIX, mode_key=MODE_KEY)
        profile = held_profile(PREFIX)
    else:
        qf.render_questionnaire_summary(QUESTIONS)
        profile = render_rating_sliders(PREFIX, notes=qf.measure_notes(QUESTIONS, PREFIX))

halo = qf.map_halo(QUESTIONS, PREFIX)
render_results(profile, catalog, target_key=TARGET_KEY, map_slot=result, halo=halo)
if (answers := qf.survey_answers(QUESTIONS)) is not None:
    render_people_like_you(answers)
state = current_share()
write_url(state)
st.divider()
render_share_link(state)
render_downloads(profile, catalog)
