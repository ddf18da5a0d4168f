"""Present: the projector view of a room. Read-only and keyless, so it is safe on a big screen."""

import streamlit as st

from components.room.lookup import find_view, render_code_entry
from components.room.present import render_projector, watch_room
from components.room.qr import app_base_url

st.set_page_config(initial_sidebar_state="collapsed")
raw = st.query_params.get("room", "")
if not raw.strip():
    st.title("Present a room")
    st.markdown("Open this page from the Host page, or type the code of the room to project.")
    render_code_entry(key="present_code", button="Present")
    st.stop()

view = find_view(raw, key="present_code", button="Present")
if view is None:
    st.stop()
render_projector(view, app_base_url("present"))
watch_room(view.snapshot.room.code)
