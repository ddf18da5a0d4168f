"""The participant's side of a room: which room, which participant, and sending the answers.

A participant is a token made once per device and kept in the session and in the URL
(`?room=CODE&p=TOKEN`), so a refresh or a locked phone comes back to the same entry. Nothing here
reruns on a timer: a phone must never lose what the person is doing.
"""

from __future__ import annotations

import streamlit as st

import store
from components.errors import render_error
from components.room.map import md_escape
from roles.errors import SkillsMapError
from roles.models import AXES, Profile

PREFIX = "join_"
TOKEN = "join_token"
NAME = "join_name"
SEEDED = "join_seeded_for"
JOINED = "join_room"
JUST_SAVED = "join_just_saved"
MAX_NAME = 40
DEFAULT_SCORE = 5.0


def render_code_entry() -> None:
    """Typing the room code, for people who did not scan or click a link."""
    with st.form("join_code_form"):
        code = st.text_input(
            "Room code", max_chars=12, placeholder="e.g. K7MPQ2", key="join_code_input"
        )
        if st.form_submit_button("Join", type="primary") and code.strip():
            open_typed_code(code)


def open_typed_code(typed: str) -> None:
    """Put a typed room code in the URL and rerun; say so plainly when it cannot be a code."""
    try:
        st.query_params["room"] = store.normalise_code(typed)
    except SkillsMapError as exc:
        render_error(exc)
        return
    st.rerun()


def requested_room() -> str:
    """The room asked for in the URL, else the one joined earlier in this session (or "")."""
    return st.query_params.get("room", "") or st.session_state.get(JOINED, "")


def remember_room(code: str) -> None:
    """Keep the joined room in the session and the URL (page changes drop the query)."""
    st.session_state[JOINED] = code
    if st.query_params.get("room") != code:
        st.query_params["room"] = code


def participant_token() -> str:
    """This device's token: from the session, else the URL, else a new one; mirrored in the URL.

    A token in the URL that this app cannot have made (a typo, a tampered link) is replaced.
    """
    token = st.session_state.get(TOKEN) or st.query_params.get("p", "")
    if not store.is_participant_token(token):
        token = store.new_participant_token()
    st.session_state[TOKEN] = token
    if st.query_params.get("p") != token:
        st.query_params["p"] = token
    return token


def seed_answers(code: str, entry: store.Entry | None) -> None:
    """Fill the sliders and name once per room: from the saved entry, else neutral defaults."""
    if st.session_state.get(SEEDED) == code:
        return
    for axis in AXES:
        value = getattr(entry, axis) if entry else DEFAULT_SCORE
        st.session_state[f"{PREFIX}{axis}"] = float(value)
    st.session_state[NAME] = (entry.name or "") if entry else ""
    st.session_state[SEEDED] = code


def render_room_status(info: store.RoomInfo) -> None:
    """Say plainly when answers cannot be sent right now."""
    st.markdown(f"### {md_escape(info.title)}")
    if info.locked:
        st.warning(
            "The facilitator has locked this room, so answers cannot be sent right now. "
            "Your answers stay on this page; press Submit again once the room is open.",
            icon=":material/lock:",
        )


def render_name_input() -> str | None:
    """Optional display name, shown on the big screen only if the facilitator turns names on."""
    name = st.text_input(
        "Your name (optional)",
        key=NAME,
        max_chars=MAX_NAME,
        placeholder="Leave empty to stay anonymous",
        help="Shown on the projected map only if the facilitator turns names on.",
    )
    return name.strip() or None


def submit_answers(code: str, token: str, profile: Profile, name: str | None) -> store.Entry | None:
    """Save (or update) this participant's entry; on refusal say why and keep the answers."""
    try:
        entry = store.submit(room=code, participant=token, profile=profile, name=name)
    except SkillsMapError as exc:
        render_error(exc, context="Not saved")
        return None
    st.session_state[JUST_SAVED] = True
    return entry


def _as_stored(name: str | None) -> str | None:
    try:
        return store.clean_name(name)  # the store tidies spaces, so compare like with like
    except SkillsMapError:
        return name  # not storable: it differs from what is saved


def render_saved_status(entry: store.Entry, profile: Profile, name: str | None) -> None:
    """'Saved' right after a submit; afterwards, whether the page differs from what is saved."""
    if st.session_state.pop(JUST_SAVED, False):
        st.success(
            "Saved. Your dot is on the room's map; you can change it any time.",
            icon=":material/check_circle:",
        )
        return
    saved = Profile(ml=entry.ml, swe=entry.swe, comm=entry.comm)
    if saved != profile or entry.name != _as_stored(name):
        st.info(
            "You have changed your answers. Press **Update my answers** to send them.",
            icon=":material/edit:",
        )
    else:
        st.caption("Your answers are saved in this room.")
