"""The facilitator's side of a room: create or reclaim it, see its links, and run it.

Every control hands the facilitator key to the store, which checks it and changes nothing when
it is wrong. The key is kept in this tab's session only: a host link (`?room=CODE&key=KEY`) is
read once and the key leaves the address bar at once (`key_link`), so a Host page seen on a
projector, in a screen share or a screenshot does not give the room away. The link stays one
click away (the key panel shows it to copy or bookmark), and a refresh says how to get back in.
Controls run as button callbacks, so the page drawn after a click already shows the new state;
their outcome is kept in session state and shown once at the top of the page.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import streamlit as st

import store
from components.errors import render_error
from components.lang import _, current_lang, said, with_lang
from components.room.identity import client_address, participant
from components.room.key_link import render_way_back, take_key_from_address
from components.room.manage import render_invite_qr, warn_if_local
from components.room.qr import join_link, page_link
from roles.errors import SkillsMapError
from roles.i18n import LANG_NAMES, LANGS, N_, Lang, Msg, day

ROOM = "host_room"
KEY = "host_key"
FLASH = "host_flash"
NEW_KEY = "host_new_key"
# The code of a room whose host link lost its key to a refresh: the reconnect form is filled
# with it and the page says how to get back in.
RETURNING = "host_returning"
LOGIN_FORM = "host_login"
DEFAULT_TITLE = N_("ML skills map workshop")
TTL_CHOICES = {1: N_("1 day"), 7: N_("7 days"), 30: N_("30 days")}


def flash(kind: str, payload: object, *, slot: str = FLASH) -> None:
    """Remember an outcome ("success" text, or an "error") to show once on the next draw."""
    st.session_state[slot] = (kind, payload)


def render_flash(slot: str = FLASH) -> None:
    """Show (once) what the last control did."""
    kind, payload = st.session_state.pop(slot, (None, None))
    if kind == "success":
        st.success(said(payload), icon=":material/check_circle:")
    elif kind == "error" and isinstance(payload, store.WrongKey):
        render_error(payload)  # its message already says that nothing changed
    elif kind == "error" and isinstance(payload, SkillsMapError):
        render_error(payload, context=_("Nothing was changed"))


def run_action(action: Callable[[], str | Msg], *, slot: str = FLASH) -> None:
    """Run one store action from a callback and remember its outcome for the next draw."""
    try:
        flash("success", action(), slot=slot)
    except SkillsMapError as exc:
        flash("error", exc, slot=slot)


def render_code_and_key_form(
    *,
    form: str,
    heading: str,
    labels: tuple[str, str],
    button: str,
    take: Callable[[str, str], bool],
    intro: str = "",
) -> None:
    """A room code and its key, and a button: how someone takes a room back from any browser.

    `take(code, key)` checks both and takes the room, True when it did (the page then reruns).
    The fields' keys are `{form}_code` and `{form}_key`.
    """
    with st.form(form):
        st.markdown(f"#### {heading}")
        if intro:
            st.markdown(intro)
        code = st.text_input(labels[0], max_chars=12, key=f"{form}_code")
        key = st.text_input(labels[1], type="password", key=f"{form}_key")
        pressed = st.form_submit_button(button)
        if pressed and code.strip() and key.strip() and take(code, key):
            st.rerun()


def _take_control(code: str, key: str) -> None:
    st.session_state[ROOM] = code
    st.session_state[KEY] = key
    st.session_state.pop(RETURNING, None)
    st.query_params.from_dict(with_lang({"room": code}))  # the key stays out of the address


def render_leave_button() -> None:
    """Forget the room in this tab (the room stays; the key brings the facilitator back)."""
    st.button(
        _("Leave this room"),
        on_click=leave_room,
        help=_("Forget the room in this tab. The room stays; your key brings you back."),
    )


def leave_room() -> None:
    """Forget the room in this browser tab (the room itself stays)."""
    for name in (ROOM, KEY, NEW_KEY, RETURNING):
        st.session_state.pop(name, None)
    st.query_params.from_dict(with_lang({}))


def login_from_url() -> None:
    """Take control from a host link (`?room=CODE&key=KEY`), refusing a wrong key plainly,
    and take the key out of the address bar (see `take_key_from_address`)."""
    take_key_from_address(
        room=ROOM, take=_check_and_take, returning=RETURNING, code_field=f"{LOGIN_FORM}_code"
    )


def render_returning() -> None:
    """After a refresh of a held room's Host page: how to get back in (the key is no longer in
    the address, by design)."""
    render_way_back(
        RETURNING,
        lambda code: _(
            "Room {code}: the facilitator key is not kept in the page address, so a refresh "
            "asks for it again. Type it under *Take back control of a room* below, or open "
            "the host link you bookmarked or saved.",
            code=code,
        ),
    )


def _check_and_take(raw_room: str, key: str) -> bool:
    return open_and_hold(store.open_room, _take_control, raw_room, key)


def open_and_hold(
    open_room: Callable[..., store.RoomInfo | store.TeamRoomInfo],
    hold: Callable[[str, str], None],
    raw_room: str,
    key: str,
) -> bool:
    """Open the room (workshop or team) that this code and key open and `hold` it in this tab;
    an unknown code, a code of the other kind and a wrong key get one and the same message (and
    count toward the back-off), so nobody learns which codes exist here."""
    try:
        info = open_room(
            room=raw_room, key=key.strip(), device=participant(), address=client_address()
        )
    except SkillsMapError as exc:
        render_error(exc)
        return False
    hold(info.code, key.strip())
    return True


def render_create_form() -> None:
    """Title, lifetime and projector language of a new room, and the 'Create room' button."""
    with st.form("host_create"):
        st.markdown(_("#### Start a new room"))
        default_title = _(DEFAULT_TITLE)
        title = st.text_input(_("Title"), max_chars=80, placeholder=default_title, key="host_title")
        ttl = st.selectbox(
            _("Delete the room and its answers after"),
            list(TTL_CHOICES),
            index=1,
            format_func={k: _(v) for k, v in TTL_CHOICES.items()}.__getitem__,
        )
        lang = render_projector_lang(key="host_create_lang")
        if not st.form_submit_button(_("Create room"), type="primary"):
            return
    open_new_room(
        lambda: store.create_room(
            title=title.strip() or default_title,
            ttl_days=ttl,
            lang=lang,
            address=client_address(),
        ),
        take=_take_control,
        new_key=NEW_KEY,
    )


def open_new_room(
    create: Callable[[], store.CreatedRoom], *, take: Callable[[str, str], None], new_key: str
) -> None:
    """Create a room (workshop or team), hold its code and key in this tab and redraw the page
    with the key shown once (`new_key`); a refusal (limits, database) is said, not raised."""
    try:
        created = create()
    except SkillsMapError as exc:
        render_error(exc)
        return
    take(created.room.code, created.key)
    st.session_state[new_key] = True
    st.rerun()


def render_reconnect_form() -> None:
    """Room code + key: how a facilitator gets back to a room from another tab or computer."""
    render_code_and_key_form(
        form=LOGIN_FORM,
        heading=_("Take back control of a room"),
        labels=(_("Room code"), _("Facilitator key")),
        button=_("Take control"),
        take=_check_and_take,
    )


def render_room_header(info: store.RoomInfo, base: str | None) -> None:
    """Room code, join link with its QR code, and the way to the projector view."""
    link = join_link(base, info.code, info.lang)
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.markdown(_("## Room code: `{code}`", code=info.code))
        st.text(
            _(
                "{title} · deleted with its answers on {day}",
                title=info.title,
                day=_day(info.expires_at),
            )
        )
        st.markdown(_("**Join link** (share it, or show the QR code):"))
        st.code(link, language=None)
        st.link_button(
            _("Open the projector view"),
            page_link(base, "present", room=info.code, **_lang_param(info.lang)),
            icon=":material/tv:",
            type="primary",
        )
        st.markdown(_("Project the Present page, not this one: this page carries your key."))
        unreachable = _(
            "This address only works on this computer. Set SKILLS_MAP_PUBLIC_URL to the "
            "address phones can reach."
        )
        warn_if_local(base, unreachable=unreachable)
    with right:
        no_address = _("Set SKILLS_MAP_PUBLIC_URL to show a QR code for the join link.")
        render_invite_qr(base, link, no_address=no_address)


def _lang_param(lang: Lang) -> dict[str, str]:
    """The projector's language for a link to it (left out when it is the default)."""
    return {"lang": lang} if lang != "en" else {}


def render_projector_lang(*, key: str, on_change: Callable[[], None] | None = None) -> Lang:
    """The language the projector speaks (every participant still reads their own)."""
    st.session_state.setdefault(key, current_lang())
    choice = st.radio(
        _("The projector speaks"),
        LANGS,
        format_func=LANG_NAMES.__getitem__,
        key=key,
        horizontal=True,
        on_change=on_change,
        help=_("Each participant's phone shows their own language; this is the big screen's."),
    )
    return choice if choice in LANGS else "en"


def _day(when: datetime) -> str:
    return day(when, current_lang(), clock=True)


def render_key_notice(info: store.RoomInfo, key: str, base: str | None) -> None:
    """The facilitator key, open right after creation: it cannot be shown again later."""
    fresh = bool(st.session_state.get(NEW_KEY))
    with st.expander(_("Facilitator key: keep it private"), expanded=fresh, icon=":material/key:"):
        st.markdown(
            _(
                "Save this key now. It is stored only as a hash and cannot be recovered; with "
                "the room code it gives back control from any browser."
            )
        )
        st.code(key, language=None)
        st.markdown(
            _(
                "Or copy and bookmark this host link (it contains the key, so it is kept out of "
                "the address bar while this page is shown):"
            )
        )
        host = page_link(base, "host", **with_lang({"room": info.code, "key": key}))
        st.code(host, language=None)
