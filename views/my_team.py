"""Answer for my team: a member rates themselves for their manager's team map, round by round."""

import streamlit as st

from components.lang import _
from components.room.join import remember_room, requested_room
from components.room.lookup import render_code_entry
from components.teamroom import member
from components.teamroom.member_view import render_header, render_history, render_result

raw = requested_room(member.ROOM)
if not raw.strip():
    st.title(_("Answer for your team"))
    st.markdown(
        _(
            "Open the link your manager sent you, or type the team code. Your manager sees your "
            "answers on the team map; nobody else does."
        )
    )
    render_code_entry(key="tm_code", button=_("Open"), label=_("Team code"))
    st.stop()

found = member.find_team(raw)
if found is None:
    st.stop()
info, history = found

remember_room(info.code, member.ROOM)
render_header(info, history)
member.render_flash()
if info.current.is_open:
    member.seed_form(info, history)
    member.render_form(info, history)
if history is not None:
    st.divider()
    render_result(info, history)
    render_history(history)
