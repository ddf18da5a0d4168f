"""Running a room: phase switches, the projector's screen, the live list of entries, removal,
clearing, deletion and export.

Each control passes the facilitator key to the store; a wrong key is refused there and nothing
changes. Outcomes go through `controls.run_action`, shown once at the top of the next draw. The
entries and counts refresh by themselves (a fragment reading the shared view of the room).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

import store
from components.choices import drawn_choice
from components.errors import error_text, render_error
from components.lang import _, current_lang
from components.room.controls import (
    KEY,
    ROOM,
    leave_room,
    render_flash,
    render_projector_lang,
    run_action,
)
from components.room.flood import render_remove_since
from components.room.live import forget, room_view
from components.room.manage import render_delete, render_remove_one
from components.room.map import participants_label
from roles.errors import SkillsMapError
from roles.i18n import LANG_NAMES, LANGS, N_, Msg

LIVE_REFRESH_S = 2.0
SCREENS = {"join": N_("Joining screen"), "map": N_("Map")}
_SHOWS = {
    "join": N_("The projector now shows the joining screen."),
    "map": N_("The projector now shows the map."),
}


def _store_state(field: str, value: object) -> None:
    change: dict[str, Any] = {field: value}  # one of set_room_state's keyword arguments
    store.set_room_state(room=st.session_state[ROOM], key=st.session_state[KEY], **change)
    forget(st.session_state[ROOM])  # show the new state at once, not after the next read


def _set_state(field: str, value: object, done: Msg) -> None:
    def action() -> Msg:
        _store_state(field, value)
        return done

    run_action(action)


def _switch_screen() -> None:
    def action() -> Msg:
        choice = drawn_choice("host_screen", list(SCREENS))
        _store_state("screen", choice)
        return Msg(_SHOWS[choice])

    run_action(action)


def _switch_lang() -> None:
    def action() -> Msg:
        lang = drawn_choice("host_lang", LANGS)
        _store_state("lang", lang)
        return Msg("The projector now speaks {language}.", language=LANG_NAMES[lang])

    run_action(action)


def render_screen_switch(info: store.RoomInfo) -> None:
    """Which screen the projector shows (the joining screen, with code and QR, or the map) and
    in which language."""
    st.session_state["host_screen"] = info.screen
    st.session_state["host_lang"] = info.lang
    screen, lang = st.columns(2)
    with screen:
        st.radio(
            _("The projector shows"),
            list(SCREENS),
            format_func={k: _(v) for k, v in SCREENS.items()}.__getitem__,
            key="host_screen",
            horizontal=True,
            on_change=_switch_screen,
            help=_(
                "Start with the joining screen while people arrive; switch to the map to discuss "
                "it. The room code and a small QR code stay in a corner of the map."
            ),
        )
    with lang:
        render_projector_lang(key="host_lang", on_change=_switch_lang)


def render_phase_controls(info: store.RoomInfo) -> None:
    """Open/lock submissions, hide/reveal the dots, show names/keep anonymous."""
    st.markdown(_("#### During the session"))
    cols = st.columns(3)
    switches = [
        (
            "locked",
            info.locked,
            (N_("Open room"), N_("Room opened: answers are accepted.")),
            (N_("Lock room"), N_("Room locked: no new answers or changes.")),
        ),
        (
            "hidden",
            info.hidden,
            (N_("Reveal dots"), N_("Dots revealed on the projector.")),
            (N_("Hide dots"), N_("Dots hidden on the projector.")),
        ),
        (
            "show_names",
            info.show_names,
            (N_("Keep anonymous"), N_("Names hidden on the projector.")),
            (N_("Show names"), N_("Names shown on the projector.")),
        ),
    ]
    for col, (field, is_on, when_on, when_off) in zip(cols, switches, strict=True):
        label, done = when_on if is_on else when_off
        col.button(
            _(label),
            key=f"host_{field}",
            width="stretch",
            on_click=_set_state,
            args=(field, not is_on, Msg(done)),
        )
    status = [
        ":material/lock: " + _("locked")
        if info.locked
        else ":material/lock_open: " + _("open for answers"),
        _("dots hidden") if info.hidden else _("dots visible"),
        _("names shown") if info.show_names else _("anonymous"),
    ]
    st.markdown(_("Now: {status}", status=" · ".join(status)))


def entry_label(number: int, entry: store.Entry) -> str:
    """'#3 Ada (ML 7.0, SWE 4.5, Comm 6.0)': the number matches 'Participant 3' on the projector."""
    return _(
        "#{number} {name} (ML {ml:g}, SWE {swe:g}, Comm {comm:g})",
        number=number,
        name=entry.name or _("anonymous"),
        ml=entry.ml,
        swe=entry.swe,
        comm=entry.comm,
    )


@st.fragment(run_every=LIVE_REFRESH_S)
def render_live_room(code: str) -> None:
    """Entries, counts and the clear control, refreshed every two seconds."""
    render_flash()  # what a control in here did (a click reruns only this part)
    try:
        snapshot = room_view(code).snapshot
    except SkillsMapError as exc:
        render_error(exc, context=_("Room {code}", code=code))
        return
    render_entries(snapshot)
    render_clear(snapshot.count)
    render_remove_since(snapshot)


def render_entries(snapshot: store.Snapshot) -> None:
    """The entries as a table and a way to remove one (a joke name, a test answer)."""
    lang = current_lang()
    st.markdown(
        _("#### Entries: {participants}", participants=participants_label(snapshot.count, lang))
    )
    if not snapshot.entries:
        st.markdown(_("No answers yet. Share the join link or the QR code."))
        return
    frame = pd.DataFrame(
        [[i, e.name or "", e.ml, e.swe, e.comm] for i, e in enumerate(snapshot.entries, start=1)],
        columns=["#", _("Name"), _("ML"), _("Software eng."), _("Communication")],
    )
    st.dataframe(frame, hide_index=True, width="stretch", height=min(400, 38 + 35 * len(frame)))
    render_remove_one(
        prefix="host",
        people={e.entry_id: entry_label(i, e) for i, e in enumerate(snapshot.entries, start=1)},
        label=_("Entry to remove"),
        button=_("Remove entry"),
        remove=_remove,
        run_action=run_action,
    )


def _remove(entry_id: int, label: str) -> Msg:
    room, key = st.session_state[ROOM], st.session_state[KEY]
    gone = store.remove_entry(room=room, key=key, entry_id=entry_id)
    forget(room)
    return Msg("Removed {entry}.", entry=label) if gone else Msg("That entry was already gone.")


def _clear() -> None:
    def action() -> str:
        n = store.clear_room(room=st.session_state[ROOM], key=st.session_state[KEY])
        forget(st.session_state[ROOM])
        return _(
            "Room cleared: {participants} removed.",
            participants=participants_label(n, current_lang()),
        )

    st.session_state["host_confirm_clear"] = False
    run_action(action)


def _delete() -> Msg:
    store.delete_room(room=st.session_state[ROOM], key=st.session_state[KEY])
    leave_room()
    return Msg("Room deleted with all its answers.")


def render_clear(count: int) -> None:
    """Clear every entry (after test answers), confirmed; nothing to offer in an empty room."""
    if count == 0:
        return
    everyone = participants_label(count, current_lang())
    sure = st.checkbox(
        _("Yes, remove all {participants}", participants=everyone), key="host_confirm_clear"
    )
    st.button(_("Clear room"), key="host_clear", disabled=not sure, on_click=_clear)


def render_danger_zone(info: store.RoomInfo) -> None:
    """Export and delete (after the workshop), confirmed by typing the code."""
    st.markdown(_("#### Export and clean up"))
    try:
        csv = store.export_csv(room=info.code, key=st.session_state[KEY])
    except SkillsMapError as exc:
        st.markdown(error_text(exc, context=_("Export unavailable")))
    else:
        st.download_button(
            _("Download CSV"),
            csv,
            file_name=f"skills-map-{info.code}.csv",
            mime="text/csv",
            icon=":material/download:",
        )
    render_delete(
        prefix="host",
        code=info.code,
        label=_("Type the room code to delete the room"),
        button=_("Delete room"),
        delete=_delete,
        run_action=run_action,
    )
