"""Join: a participant rates themselves into a workshop room and sees their own result."""

import streamlit as st

from components.catalogs import cached_catalog
from components.room.identity import participant
from components.room.join import (
    remember_room,
    render_form,
    render_status,
    requested_room,
    seed_answers,
)
from components.room.lookup import find_room_and_entry, render_code_entry
from components.room.result import render_join_result
from roles.catalog import DEFAULT_CATALOG
from roles.models import Profile

raw = requested_room()
if not raw.strip():
    st.title("Join a room")
    st.markdown("Scan the QR code on the big screen, or type the room code you were given.")
    render_code_entry(key="join_code", button="Join")
    st.stop()

found = find_room_and_entry(raw, participant(), key="join_code", button="Join")
if found is None:
    st.stop()
info, entry = found

remember_room(info.code)
seed_answers(info.code, entry)
render_status(info)
render_form(info.code, entry)
if entry is not None:
    st.divider()
    saved = Profile(ml=entry.ml, swe=entry.swe, comm=entry.comm)
    render_join_result(saved, cached_catalog(DEFAULT_CATALOG))
