"""Present: the projector view of a room. Read-only and keyless, so it is safe on a big screen."""

import streamlit as st

import store
from components.errors import render_error
from components.room.join import open_typed_code
from components.room.present import render_live_room, render_present_header
from components.room.qr import app_base_url
from roles.errors import SkillsMapError

# A projector needs every pixel for the map: start with the sidebar folded away.
st.set_page_config(initial_sidebar_state="collapsed")
raw = st.query_params.get("room", "")
if not raw.strip():
    st.title("Present a room")
    st.caption("Open this page from the Host page, or type the code of the room to project.")
    with st.form("present_code_form"):
        typed = st.text_input("Room code", max_chars=12, key="present_code_input")
        if st.form_submit_button("Present", type="primary") and typed.strip():
            open_typed_code(typed)
    st.stop()

try:
    info = store.get_room(room=raw)
except SkillsMapError as exc:
    render_error(exc)
    st.stop()

render_present_header(info, app_base_url("present"))
render_live_room(info.code)
