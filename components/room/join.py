"""The participant's side of a room, phone first: a compact form and a confirmation in view.

At 390x844 the name, the three ratings and Submit fit on one screen: each rating is a slider
whose value label is the short name of the level ("6 · Models people use"), updated as the thumb
moves without a server round trip, because the form sends nothing until Submit. Submit runs as
a callback, before the page is drawn, so the page that follows already says "Saved" at the top
(where the person is looking) and the button already reads "Update my answers".

Who the participant is comes from the device cookie (`identity`), never from the URL. Nothing
here reruns on a timer: a phone must never lose what the person is doing.
"""

from __future__ import annotations

import html
import time

import streamlit as st

import store
from components.choices import drawn_choice, watch_slider
from components.errors import render_error
from components.lang import _, current_lang, other_lang_link, with_lang
from components.me.rating import STEPS, level_labels
from components.presses import mark_handled, missed
from components.room.identity import client_address, participant
from roles.errors import SkillsMapError
from roles.i18n import sentences
from roles.models import AXES, Profile, axis_label

PREFIX = "join_"
NAME = "join_name"
SEEDED = "join_seeded_for"
JOINED = "join_room"
FLASH = "join_flash"
HANDLED = "join_press_handled"
DEFAULT_SCORE = 5.0

# Static CSS: the form is the page, so Streamlit's top margin and the sliders' end labels go.
_CSS = """<style>
[data-testid="stMainBlockContainer"] { padding-top: 3.6rem !important; padding-bottom: 2rem; }
[data-testid="stMain"] [data-testid="stVerticalBlock"] { gap: 0.55rem; }
.st-key-join_form [data-testid="stSliderTickBar"] { display: none; }
.join-room { font-size: 1.35rem; font-weight: 700; margin: 0; line-height: 1.25; }
.join-code { font-size: 0.95rem; margin: 0; color: #3d4451; }
</style>"""


def requested_room(session_key: str = JOINED) -> str:
    """The room asked for in the URL, else the one opened earlier in this session (or "")."""
    return st.query_params.get("room", "") or st.session_state.get(session_key, "")


def remember_room(code: str, session_key: str = JOINED) -> None:
    """Keep the room in the session and (only it, with the language) in the URL; an old link's
    `p=` token goes."""
    st.session_state[session_key] = code
    wanted = with_lang({"room": code})
    if dict(st.query_params) != wanted:
        st.query_params.from_dict(wanted)


def seed_answers(code: str, entry: store.Entry | None) -> None:
    """Fill the form once per room: from the saved entry, else neutral defaults."""
    if st.session_state.get(SEEDED) == code:
        return
    for axis in AXES:
        value = getattr(entry, axis) if entry else DEFAULT_SCORE
        st.session_state[f"{PREFIX}{axis}"] = float(value)
    st.session_state[NAME] = (entry.name or "") if entry else ""
    st.session_state[SEEDED] = code


def render_level_sliders(prefix: str) -> None:
    """The three ratings in half steps, each labelled with its level (keys `{prefix}ml` ...)."""
    for axis in AXES:
        labels = level_labels(axis)
        st.select_slider(
            axis_label(axis, current_lang()),
            options=STEPS,
            key=f"{prefix}{axis}",
            format_func=labels.__getitem__,
        )
        watch_slider(f"{prefix}{axis}", STEPS, labels.__getitem__)


def slider_scores(prefix: str) -> Profile:
    """The three ratings on the form, each one of the slider's steps (else NotAnOption: a
    select_slider would turn a forged value into 0 unseen)."""
    return Profile(**{axis: drawn_choice(f"{prefix}{axis}", STEPS) for axis in AXES})


def _answers() -> tuple[Profile, str]:
    scores = {axis: float(st.session_state[f"{PREFIX}{axis}"]) for axis in AXES}
    return Profile(**scores), str(st.session_state.get(NAME) or "")


def _fit_name(typed: str) -> tuple[str | None, bool]:
    """The name to send and whether it had to be cut (to 40 characters, after a word when that
    keeps most of them: a pasted name whose last word fits nowhere is cut at 40, not at 24)."""
    clean = store.tidy(typed)
    short = store.shorten(clean, store.MAX_NAME)
    if len(short) < store.MAX_NAME * 3 // 4:
        short = clean[: store.MAX_NAME].rstrip()
    return (short or (typed if typed.strip() else None)), short != clean


def _submit(code: str) -> None:
    mark_handled(HANDLED)
    _profile, typed = _answers()
    name, cut = _fit_name(typed)
    try:
        profile = slider_scores(PREFIX)
        store.submit(
            room=code,
            participant=participant(),
            profile=profile,
            name=name,
            address=client_address(),
        )
    except SkillsMapError as exc:
        st.session_state[FLASH] = ("error", exc)
        return
    if cut:
        st.session_state[NAME] = name or ""
    # The length kept, so the message says exactly what the cut did.
    st.session_state[FLASH] = ("saved", (time.strftime("%H:%M"), len(name or "") if cut else 0))


def render_status(info: store.RoomInfo) -> None:
    """Room title and code, then (once) what the last Submit did, or why answers are closed."""
    st.html(_CSS)
    spaced = f"{info.code[:3]} {info.code[3:]}"
    room = html.escape(_("Room {code}", code=spaced))
    st.html(
        f'<p class="join-room">{html.escape(info.title)}</p>'
        f'<p class="join-code">{room}{other_lang_link({"room": info.code})}</p>'
    )
    kind, payload = st.session_state.pop(FLASH, (None, None))
    if kind == "saved":
        at, cut = payload
        saved = _("Saved at {time}. Your dot is on the room's map.", time=at)
        shortened = _("Your name was shortened to {n} characters.", n=cut) if cut else ""
        st.success(sentences(current_lang(), saved, shortened), icon=":material/check_circle:")
        st.toast(_("Saved: your dot is on the map"), icon=":material/check_circle:")
    elif kind == "error":
        render_error(payload, context=_("Not saved"))
    elif kind == "moved":
        st.warning(
            _(
                "Not saved: your phone's connection moved to another server just as you "
                "pressed the button, so this answer did not arrive. Check the answers below and "
                "press the button again."
            ),
            icon=":material/sync_problem:",
        )
    if info.locked and kind is None:
        st.warning(
            _(
                "The facilitator has locked this room for now. Your answers stay on this page; "
                "press the button again once the room is open."
            ),
            icon=":material/lock:",
        )


def render_form(code: str, entry: store.Entry | None) -> Profile:
    """Name, three ratings and the Submit button; returns the ratings on the page."""
    with st.container(key="join_form"), st.form("join_answers", border=False):
        st.text_input(
            _("Your name (optional)"),
            key=NAME,
            placeholder=_("Leave empty to stay anonymous"),
            help=_("Shown on the big screen only if the facilitator turns names on."),
        )
        render_level_sliders(PREFIX)
        pressed = st.form_submit_button(
            _("Update my answers") if entry else _("Submit"),
            key="join_submit",
            type="primary",
            width="stretch",
            on_click=_submit,
            args=(code,),
        )
    if missed(pressed, HANDLED):
        # The phone's server went down and this fresh session refilled the form from the
        # store before the press arrived (see `presses`): what was typed is gone. Say so.
        st.session_state[FLASH] = ("moved", None)
        st.rerun()
    return _answers()[0]
