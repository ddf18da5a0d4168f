"""Host: create a workshop room, share its link and QR code, and run it with the facilitator key."""

import streamlit as st

import store
from components.errors import render_error
from components.lang import _
from components.room.admin import (
    render_danger_zone,
    render_live_room,
    render_phase_controls,
    render_screen_switch,
)
from components.room.controls import (
    KEY,
    NEW_KEY,
    ROOM,
    leave_room,
    login_from_url,
    render_create_form,
    render_flash,
    render_key_notice,
    render_leave_button,
    render_reconnect_form,
    render_returning,
    render_room_header,
)
from components.room.qr import app_base_url
from roles.errors import SkillsMapError

st.title(_("Host a workshop room"))
render_flash()
login_from_url()

if not st.session_state.get(ROOM):
    render_returning()
    st.markdown(
        _(
            "Participants join from their phones, rate themselves, and appear on a shared map "
            "that you project. Nothing to install for them."
        )
    )
    create, reclaim = st.columns(2, gap="large")
    with create:
        render_create_form()
    with reclaim:
        render_reconnect_form()
    st.stop()

try:
    info = store.get_room(room=st.session_state[ROOM])
except SkillsMapError as exc:
    render_error(exc, context=_("Room {code}", code=st.session_state[ROOM]))
    st.button(_("Start over"), on_click=leave_room)
    st.stop()

render_room_header(info, app_base_url("host"))
render_key_notice(info, st.session_state[KEY], app_base_url("host"))
st.session_state[NEW_KEY] = False
st.divider()
render_screen_switch(info)
render_phase_controls(info)
render_live_room(info.code)
st.divider()
render_danger_zone(info)
st.divider()
render_leave_button()
