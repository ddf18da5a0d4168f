"""Finding a room from a code someone typed or scanned, for the Join and Present pages.

Every miss counts toward the client's back-off (see `store.limits`), so codes cannot be guessed
quickly; a page with a bad code says why and offers a field to type the right one.
"""

from __future__ import annotations

import streamlit as st

import store
from components.errors import render_error
from components.room.identity import client_address
from components.room.live import RoomView, forget, room_view
from roles.errors import SkillsMapError


def open_typed_code(typed: str) -> None:
    """Put a typed room code in the URL and rerun; say plainly why it cannot be a code."""
    try:
        st.query_params.from_dict({"room": store.normalise_code(typed)})
    except SkillsMapError as exc:
        render_error(exc)
        return
    st.rerun()


def render_code_entry(*, key: str, button: str, label: str = "Room code") -> None:
    """A form to type a room code (case and spaces do not matter)."""
    with st.form(f"{key}_form", border=False):
        typed = st.text_input(label, max_chars=12, placeholder="e.g. K7M Q2P", key=f"{key}_input")
        if st.form_submit_button(button, type="primary") and typed.strip():
            open_typed_code(typed)


def find_room(raw: str, *, key: str, button: str) -> store.RoomInfo | None:
    """The open room for `raw`, or None after showing why not and a field for another code."""
    try:
        return store.get_room(room=raw, address=client_address())
    except SkillsMapError as exc:
        render_error(exc)
    render_code_entry(key=key, button=button, label="Try another room code")
    return None


def find_room_and_entry(
    raw: str, participant: str, *, key: str, button: str
) -> tuple[store.RoomInfo, store.Entry | None] | None:
    """The open room for `raw` and this participant's entry (one read), or None as `find_room`."""
    try:
        return store.get_room_and_entry(room=raw, participant=participant, address=client_address())
    except SkillsMapError as exc:
        render_error(exc)
    render_code_entry(key=key, button=button, label="Try another room code")
    return None


def find_view(raw: str, *, key: str, button: str) -> RoomView | None:
    """The shared view of the room for `raw` (Present), or None after showing why not.

    An open room costs nothing extra per viewer (the shared view); only a code that is not an
    open room goes to the store, which counts the miss toward the viewer's back-off.
    """
    try:
        return room_view(store.normalise_code(raw))
    except store.RoomNotFound:
        pass
    except SkillsMapError as exc:
        render_error(exc)
        render_code_entry(key=key, button=button, label="Try another room code")
        return None
    info = find_room(raw, key=key, button=button)
    if info is None:
        return None
    forget(info.code)  # it opened since the shared cache last looked
    return room_view(info.code)
