"""Finding a room from a code someone typed or scanned, for the Join, Present and member pages.

The first look-up of a code in a session goes through the store's back-off (see
`store.limits`): every miss counts toward this device's and its address's, and while either
must wait no room is shown, so codes cannot be guessed quickly, not even by watching which
codes open. A code this session has looked up is not checked again on its page's reruns: a
page already open keeps working when other phones behind the same address mistype. A page with a
bad code says why and offers a field to type the right one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import streamlit as st

import store
from components.errors import render_error
from components.lang import _, with_lang
from components.room.identity import client_address, participant
from components.room.live import RoomView, forget, room_view
from roles.errors import SkillsMapError
from roles.i18n import N_

T = TypeVar("T")
_SEEN = "lookup_seen_codes"  # codes this session looked up (found or not), most recent last
_KEEP_SEEN = 16


def counted(raw: str, read: Callable[[str | None], T]) -> T:
    """`read(address)` for a look-up of the code `raw`: with the client's address the first
    time this session looks the code up (the store checks the back-off and counts a miss), and
    None (nothing checked or counted) on the reruns of a page that already looked it up, found
    or not: a page already open keeps working while its address backs off, and a person on an
    error page is not counted again for the same typo."""
    try:
        code: str | None = store.normalise_code(raw)
    except SkillsMapError:
        code = None
    if code is not None and code in st.session_state.get(_SEEN, ()):
        return read(None)
    try:
        found = read(client_address())
    except store.RoomNotFound:
        _remember(code)
        raise
    _remember(code)
    return found


def _remember(code: str | None) -> None:
    if code is not None:
        seen = [c for c in st.session_state.get(_SEEN, ()) if c != code]
        st.session_state[_SEEN] = [*seen, code][-_KEEP_SEEN:]


def open_typed_code(typed: str) -> None:
    """Put a typed room code in the URL and rerun; say plainly why it cannot be a code."""
    try:
        st.query_params.from_dict(with_lang({"room": store.normalise_code(typed)}))
    except SkillsMapError as exc:
        render_error(exc)
        return
    st.rerun()


def render_code_entry(*, key: str, button: str, label: str | None = None) -> None:
    """A form to type a room code (case and spaces do not matter)."""
    with st.form(f"{key}_form", border=False):
        typed = st.text_input(
            label or _("Room code"),
            max_chars=12,
            placeholder=_("e.g. K7M Q2P"),
            key=f"{key}_input",
        )
        if st.form_submit_button(button, type="primary") and typed.strip():
            open_typed_code(typed)


# Where a code of the other kind belongs, for a person who typed it on the wrong page.
_PAGE_OF_KIND = {
    "team": ("views/my_team.py", N_("Open it on Answer for my team"), ":material/how_to_reg:"),
    "workshop": ("views/join.py", N_("Open it on Join a room"), ":material/smartphone:"),
}


def read_or_offer_another(
    read: Callable[[], T], *, key: str, button: str, label: str | None = None
) -> T | None:
    """`read()`'s room, or None after saying why not and offering a field for another code;
    a code of the other kind of room gets a link to the page where it belongs."""
    try:
        return read()
    except store.WrongRoomKind as exc:
        render_error(exc)
        page, text, icon = _PAGE_OF_KIND[exc.found]
        st.page_link(page, label=_(text), icon=icon, query_params=with_lang({"room": exc.code}))
    except SkillsMapError as exc:
        render_error(exc)
    render_code_entry(key=key, button=button, label=label or _("Try another room code"))
    return None


def find_room(raw: str, *, key: str, button: str) -> store.RoomInfo | None:
    """The open room for `raw`, or None after showing why not and a field for another code."""
    try:
        return counted(
            raw, lambda address: store.get_room(room=raw, device=participant(), address=address)
        )
    except SkillsMapError as exc:
        render_error(exc)
    render_code_entry(key=key, button=button, label=_("Try another room code"))
    return None


def find_room_and_entry(
    raw: str, participant: str, *, key: str, button: str
) -> tuple[store.RoomInfo, store.Entry | None] | None:
    """The open room for `raw` and this participant's entry (one read), or None as `find_room`."""
    return read_or_offer_another(
        lambda: counted(
            raw,
            lambda address: store.get_room_and_entry(
                room=raw, participant=participant, address=address
            ),
        ),
        key=key,
        button=button,
    )


def find_view(raw: str, *, key: str, button: str) -> RoomView | None:
    """The shared view of the room for `raw` (Present), or None after showing why not.

    The first time this session asks for a code it goes to the store, through the back-off (a
    blocked device or address sees no room, existing or not); then every projector of the room
    reads the shared view, which costs nothing extra per viewer.
    """
    try:
        code = store.normalise_code(raw)
        if code not in st.session_state.get(_SEEN, ()):
            if find_room(raw, key=key, button=button) is None:
                return None
            forget(code)  # it may have opened since the shared cache last looked
        return room_view(code)
    except SkillsMapError as exc:
        render_error(exc)
    render_code_entry(key=key, button=button, label=_("Try another room code"))
    return None
