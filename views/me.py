"""Me: rate yourself, see where you sit on the map, your best-fit role and what to learn next."""

import streamlit as st

from components.catalogs import cached_catalog
from components.lang import _, said
from components.me.page import render_rating_and_result
from components.me.progress import open_from_link
from components.me.state import CATALOG_KEY, init_me_state, render_catalog_choice

warnings = init_me_state()
st.title(_("Which ML role fits you?"))
st.caption(
    _(
        "Rate yourself on the three measures of the ML Teams skills map: **ML expertise** (the "
        "ML you have built and shipped), **software engineering** (production practice: tests, "
        "review, deployment, monitoring, design) and **communication** (writing, talks, "
        "persuading others). Each level describes what people at that level have actually done."
    )
)
for w in warnings:  # they quote the address, so its values are escaped (`said`)
    st.warning(_("The link had a bad value: {problem}", problem=said(w)), icon=":material/warning:")
open_from_link()  # a private progress link: before the widgets, which it fills
render_catalog_choice()  # a new edition reruns the whole page
render_rating_and_result(cached_catalog(st.session_state[CATALOG_KEY]))
