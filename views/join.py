"""Join: a participant rates themselves into a workshop room and sees their own result."""

import streamlit as st

import store
from components.catalogs import cached_catalog
from components.errors import render_error
from components.me.rating import render_rating_sliders
from components.me.results import render_results
from components.room.join import (
    PREFIX,
    participant_token,
    remember_room,
    render_code_entry,
    render_name_input,
    render_room_status,
    render_saved_status,
    requested_room,
    seed_answers,
    submit_answers,
)
from roles.catalog import DEFAULT_CATALOG
from roles.errors import SkillsMapError
from roles.models import Profile

st.title("Join a room")
raw = requested_room()
if not raw.strip():
    st.caption("Scan the QR code on the big screen, or type the room code you were given.")
    render_code_entry()
    st.stop()

try:
    info = store.get_room(room=raw)  # codes are case-insensitive and tolerate spaces
    token = participant_token()
    entry = store.get_entry(room=info.code, participant=token)
except SkillsMapError as exc:
    render_error(exc)
    render_code_entry()
    st.stop()

code = info.code
remember_room(code)
seed_answers(code, entry)
render_room_status(info)
name = render_name_input()
profile = render_rating_sliders(PREFIX)
label = "Update my answers" if entry else "Submit"
if st.button(label, key="join_submit", type="primary", width="stretch"):
    entry = submit_answers(code, token, profile, name) or entry

if entry is not None:
    render_saved_status(entry, profile, name)
    st.divider()
    saved = Profile(ml=entry.ml, swe=entry.swe, comm=entry.comm)
    render_results(saved, cached_catalog(DEFAULT_CATALOG), target_key="join_target")
