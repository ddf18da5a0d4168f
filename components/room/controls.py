"""The facilitator's side of a room: create or reclaim it, see its links, and run it.

Every control hands the facilitator key to the store, which checks it and changes nothing when
it is wrong. Controls run as button callbacks, so the page drawn after a click already shows the
new state; their outcome is kept in session state and shown once at the top of the page.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import streamlit as st

import store
from components.errors import render_error
from components.room.identity import client_address
from components.room.qr import is_local, join_link, page_link, qr_png
from roles.errors import SkillsMapError

ROOM = "host_room"
KEY = "host_key"
FLASH = "host_flash"
NEW_KEY = "host_new_key"
DEFAULT_TITLE = "ML skills map workshop"
TTL_CHOICES = {1: "1 day", 7: "7 days", 30: "30 days"}


def _flash(kind: str, payload: object) -> None:
    st.session_state[FLASH] = (kind, payload)


def render_flash() -> None:
    """Show (once) what the last control did."""
    kind, payload = st.session_state.pop(FLASH, (None, None))
    if kind == "success":
        st.success(str(payload), icon=":material/check_circle:")
    elif kind == "error" and isinstance(payload, store.WrongKey):
        render_error(payload)  # its message already says that nothing changed
    elif kind == "error" and isinstance(payload, SkillsMapError):
        render_error(payload, context="Nothing was changed")


def run_action(action: Callable[[], str]) -> None:
    """Run one store action from a callback and remember its outcome for the next draw."""
    try:
        _flash("success", action())
    except SkillsMapError as exc:
        _flash("error", exc)


def _take_control(code: str, key: str) -> None:
    st.session_state[ROOM] = code
    st.session_state[KEY] = key
    st.query_params.from_dict({"room": code, "key": key})


def render_leave_button() -> None:
    """Forget the room in this tab (the room stays; the key brings the facilitator back)."""
    st.button(
        "Leave this room",
        on_click=leave_room,
        help="Forget the room in this tab. The room stays; your key brings you back.",
    )


def leave_room() -> None:
    """Forget the room in this browser tab (the room itself stays)."""
    for name in (ROOM, KEY, NEW_KEY):
        st.session_state.pop(name, None)
    st.query_params.clear()


def login_from_url() -> None:
    """Take control from a host link (`?room=CODE&key=KEY`); refuse a wrong key plainly.

    Moving between pages drops the query, so the held room's host link is put back in the
    address bar: a refresh or a bookmark then keeps control.
    """
    raw_room, raw_key = st.query_params.get("room"), st.query_params.get("key")
    held = st.session_state.get(ROOM)
    if raw_room and raw_key and raw_room.strip().upper() != held:
        _check_and_take(raw_room, raw_key)
    elif held and (raw_room != held or raw_key != st.session_state.get(KEY)):
        st.query_params.from_dict({"room": held, "key": st.session_state[KEY]})


def _check_and_take(raw_room: str, key: str) -> bool:
    try:
        code = store.normalise_code(raw_room)
        ok = store.check_key(room=code, key=key.strip(), address=client_address())
    except SkillsMapError as exc:
        render_error(exc)
        return False
    if not ok:
        st.error(
            f"That facilitator key does not open room {code}. Check it and try again; "
            "the room was not changed.",
            icon=":material/lock:",
        )
        return False
    _take_control(code, key.strip())
    return True


def render_create_form() -> None:
    """Title and lifetime of a new room, and the 'Create room' button."""
    with st.form("host_create"):
        st.markdown("#### Start a new room")
        title = st.text_input("Title", max_chars=80, placeholder=DEFAULT_TITLE, key="host_title")
        ttl = st.selectbox(
            "Delete the room and its answers after",
            list(TTL_CHOICES),
            index=1,
            format_func=TTL_CHOICES.__getitem__,
        )
        if not st.form_submit_button("Create room", type="primary"):
            return
    try:
        created = store.create_room(
            title=title.strip() or DEFAULT_TITLE, ttl_days=ttl, address=client_address()
        )
    except SkillsMapError as exc:
        render_error(exc)
        return
    _take_control(created.room.code, created.key)
    st.session_state[NEW_KEY] = True
    st.rerun()


def render_reconnect_form() -> None:
    """Room code + key: how a facilitator gets back to a room from another tab or computer."""
    with st.form("host_login"):
        st.markdown("#### Take back control of a room")
        code = st.text_input("Room code", max_chars=12, key="host_login_code")
        key = st.text_input("Facilitator key", type="password", key="host_login_key")
        pressed = st.form_submit_button("Take control")
        if pressed and code.strip() and key.strip() and _check_and_take(code, key):
            st.rerun()


def render_room_header(info: store.RoomInfo, base: str | None) -> None:
    """Room code, join link with its QR code, and the way to the projector view."""
    link = join_link(base, info.code)
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.markdown(f"## Room code: `{info.code}`")
        st.text(f"{info.title} · deleted with its answers on {_day(info.expires_at)}")
        st.markdown("**Join link** (share it, or show the QR code):")
        st.code(link, language=None)
        st.link_button(
            "Open the projector view",
            page_link(base, "present", room=info.code),
            icon=":material/tv:",
            type="primary",
        )
        st.markdown("Project the Present page, not this one: this page carries your key.")
        if is_local(base):
            st.warning(
                "This address only works on this computer. Set SKILLS_MAP_PUBLIC_URL to "
                "the address phones can reach.",
                icon=":material/phonelink_off:",
            )
    with right:
        if base:
            st.image(qr_png(link), output_format="PNG", width=240, alt=f"QR code for {link}")
        else:
            st.info("Set SKILLS_MAP_PUBLIC_URL to show a QR code for the join link.")


def _day(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%d %b %Y, %H:%M UTC")


def render_key_notice(info: store.RoomInfo, key: str, base: str | None) -> None:
    """The facilitator key, open right after creation: it cannot be shown again later."""
    fresh = bool(st.session_state.get(NEW_KEY))
    with st.expander("Facilitator key: keep it private", expanded=fresh, icon=":material/key:"):
        st.markdown(
            "Save this key now. It is stored only as a hash and cannot be recovered; "
            "with the room code it gives back control from any browser."
        )
        st.code(key, language=None)
        st.markdown("Or bookmark this host link (it contains the key):")
        st.code(page_link(base, "host", room=info.code, key=key), language=None)
