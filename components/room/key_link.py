"""A private link's key out of the address bar: shared by the Host and the Team page.

A host or manager link (`?room=CODE&key=KEY`) is read once; the key is then kept in this tab's
session only, and the address keeps the code, so a page seen on a projector, in a screen share
or a screenshot does not give the room away. A refresh starts a new session without the key:
the page says how to get back in, with the code already in the form that takes the key.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from components.lang import with_lang


def take_key_from_address(
    *, room: str, take: Callable[[str, str], bool], returning: str, code_field: str
) -> None:
    """A private link (`?room=CODE&key=KEY`) opened: `take` the room, then keep only its code in
    the address (a wrong key leaves too). Moving between pages drops the query: the held room's
    code is put back. With only `?room=CODE` and no room held (a refresh, a new session),
    remember the code under `returning` for the page's word on how to get back in, and fill the
    code field of the form that takes the key."""
    raw_room, raw_key = st.query_params.get("room"), st.query_params.get("key")
    held = st.session_state.get(room)
    if raw_room and raw_key:
        if raw_room.strip().upper() == held or not take(raw_room, raw_key):
            st.query_params.from_dict(with_lang({"room": held} if held else {}))
    elif held and raw_room != held:
        st.query_params.from_dict(with_lang({"room": held}))
    elif raw_room and not held and st.session_state.get(returning) != raw_room:
        st.session_state[returning] = raw_room
        st.session_state[code_field] = raw_room.strip()[:12]


def render_way_back(returning: str, say: Callable[[str], str]) -> None:
    """The page's word on how to get back in, for the code remembered under `returning` by
    `take_key_from_address` (nothing if none)."""
    code = st.session_state.get(returning)
    if code:
        st.info(say(code.strip()[:12]), icon=":material/key:")
