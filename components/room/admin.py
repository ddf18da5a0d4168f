"""Running a room: phase switches, the projector's screen, the live list of entries, removal,
clearing, deletion and export.

Each control passes the facilitator key to the store; a wrong key is refused there and nothing
changes. Outcomes go through `controls.run_action`, shown once at the top of the next draw. The
entries and counts refresh by themselves (a fragment reading the shared view of the room).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

import store
from components.errors import render_error
from components.room.controls import KEY, ROOM, leave_room, render_flash, run_action
from components.room.live import forget, room_view
from components.room.map import participants_label
from roles.errors import SkillsMapError

LIVE_REFRESH_S = 2.0
SCREENS = {"join": "Joining screen", "map": "Map"}


def _set_state(field: str, value: object, done: str) -> None:
    def action() -> str:
        store.set_room_state(
            room=st.session_state[ROOM], key=st.session_state[KEY], **{field: value}
        )
        forget(st.session_state[ROOM])  # show the new state at once, not after the next read
        return done

    run_action(action)


def _switch_screen() -> None:
    choice = st.session_state.get("host_screen") or "join"
    _set_state("screen", choice, f"The projector now shows the {SCREENS[choice].lower()}.")


def render_screen_switch(info: store.RoomInfo) -> None:
    """Which screen the projector shows: the joining screen (code and QR) or the map."""
    st.session_state["host_screen"] = info.screen
    st.radio(
        "The projector shows",
        list(SCREENS),
        format_func=SCREENS.__getitem__,
        key="host_screen",
        horizontal=True,
        on_change=_switch_screen,
        help="Start with the joining screen while people arrive; switch to the map to discuss "
        "it. The room code and a small QR code stay in a corner of the map.",
    )


def render_phase_controls(info: store.RoomInfo) -> None:
    """Open/lock submissions, hide/reveal the dots, show names/keep anonymous."""
    st.markdown("#### During the session")
    cols = st.columns(3)
    switches = [
        (
            "locked",
            info.locked,
            ("Open room", "Room opened: answers are accepted."),
            ("Lock room", "Room locked: no new answers or changes."),
        ),
        (
            "hidden",
            info.hidden,
            ("Reveal dots", "Dots revealed on the projector."),
            ("Hide dots", "Dots hidden on the projector."),
        ),
        (
            "show_names",
            info.show_names,
            ("Keep anonymous", "Names hidden on the projector."),
            ("Show names", "Names shown on the projector."),
        ),
    ]
    for col, (field, is_on, when_on, when_off) in zip(cols, switches, strict=True):
        label, done = when_on if is_on else when_off
        col.button(
            label,
            key=f"host_{field}",
            width="stretch",
            on_click=_set_state,
            args=(field, not is_on, done),
        )
    status = [
        ":material/lock: locked" if info.locked else ":material/lock_open: open for answers",
        "dots hidden" if info.hidden else "dots visible",
        "names shown" if info.show_names else "anonymous",
    ]
    st.markdown("Now: " + " · ".join(status))


def entry_label(number: int, entry: store.Entry) -> str:
    """'#3 Ada (ML 7.0, SWE 4.5, Comm 6.0)': the number matches 'Participant 3' on the projector."""
    name = entry.name or "anonymous"
    return f"#{number} {name} (ML {entry.ml:g}, SWE {entry.swe:g}, Comm {entry.comm:g})"


@st.fragment(run_every=LIVE_REFRESH_S)
def render_live_room(code: str) -> None:
    """Entries, counts and the clear control, refreshed every two seconds."""
    render_flash()  # what a control in here did (a click reruns only this part)
    try:
        snapshot = room_view(code).snapshot
    except SkillsMapError as exc:
        render_error(exc, context=f"Room {code}")
        return
    render_entries(snapshot)
    render_clear(snapshot.count)


def render_entries(snapshot: store.Snapshot) -> None:
    """The entries as a table and a way to remove one (a joke name, a test answer)."""
    st.markdown(f"#### Entries: {participants_label(snapshot.count)}")
    if not snapshot.entries:
        st.markdown("No answers yet. Share the join link or the QR code.")
        return
    frame = pd.DataFrame(
        [
            {
                "#": i,
                "Name": e.name or "",
                "ML": e.ml,
                "Software eng.": e.swe,
                "Communication": e.comm,
            }
            for i, e in enumerate(snapshot.entries, start=1)
        ]
    )
    st.dataframe(frame, hide_index=True, width="stretch", height=min(400, 38 + 35 * len(frame)))
    labels = {e.entry_id: entry_label(i, e) for i, e in enumerate(snapshot.entries, start=1)}
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    chosen = left.selectbox(
        "Entry to remove", list(labels), format_func=labels.__getitem__, key="host_remove_choice"
    )
    right.button(
        "Remove entry",
        key="host_remove",
        width="stretch",
        on_click=_remove,
        args=(chosen, labels.get(chosen, "")),
    )


def _remove(entry_id: int | str, label: str) -> None:
    def action() -> str:
        room, key = st.session_state[ROOM], st.session_state[KEY]
        gone = store.remove_entry(room=room, key=key, entry_id=entry_id)
        forget(room)
        return f"Removed {label}." if gone else "That entry was already gone."

    run_action(action)


def _clear() -> None:
    def action() -> str:
        n = store.clear_room(room=st.session_state[ROOM], key=st.session_state[KEY])
        forget(st.session_state[ROOM])
        return f"Room cleared: {participants_label(n)} removed."

    st.session_state["host_confirm_clear"] = False
    run_action(action)


def _delete() -> None:
    def action() -> str:
        store.delete_room(room=st.session_state[ROOM], key=st.session_state[KEY])
        leave_room()
        st.session_state["host_confirm_delete"] = ""
        return "Room deleted with all its answers."

    run_action(action)


def _same_code(typed: str, code: str) -> bool:
    try:
        return store.normalise_code(typed) == code
    except SkillsMapError:
        return False  # still typing, or a typo: the button stays disabled


def render_clear(count: int) -> None:
    """Clear every entry (after test answers), confirmed; nothing to offer in an empty room."""
    if count == 0:
        return
    sure = st.checkbox(f"Yes, remove all {participants_label(count)}", key="host_confirm_clear")
    st.button("Clear room", key="host_clear", disabled=not sure, on_click=_clear)


def render_danger_zone(info: store.RoomInfo) -> None:
    """Export and delete (after the workshop), confirmed by typing the code."""
    st.markdown("#### Export and clean up")
    try:
        csv = store.export_csv(room=info.code, key=st.session_state[KEY])
    except SkillsMapError as exc:
        st.markdown(f"Export unavailable: {exc}")
    else:
        st.download_button(
            "Download CSV",
            csv,
            file_name=f"skills-map-{info.code}.csv",
            mime="text/csv",
            icon=":material/download:",
        )
    typed = st.text_input("Type the room code to delete the room", key="host_confirm_delete")
    st.button(
        "Delete room",
        key="host_delete",
        type="primary",
        disabled=not _same_code(typed, info.code),
        on_click=_delete,
    )
