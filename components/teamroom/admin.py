"""The managed team room at the top of the Team page: code, members' link and QR code, the
manager key, the round on show and its controls, and removal and deletion.

Every control passes the manager key to the store, which refuses a wrong one and changes
nothing; controls run as callbacks, so the draw after a click already shows the new state.
"""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

import store
from components.room.qr import is_local, page_link, qr_png
from components.teamroom.access import (
    KEY,
    NEW_KEY,
    PINNED,
    ROOM,
    ROUND,
    TeamRoom,
    leave,
    run_action,
)
from components.text import md_escape

MEMBER_PAGE = "my_team"
REMOVE = "teamroom_remove_choice"


def members_link(base: str | None, code: str) -> str:
    """What members open (and what the QR code holds)."""
    return page_link(base, MEMBER_PAGE, room=code)


def _day(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%d %b %Y")


def round_status(snapshot: store.TeamSnapshot) -> str:
    """'Round 2 · open for answers · 3 of 5 members answered (not yet: Bo, Cy)'."""
    number = snapshot.round_number
    this = snapshot.info.rounds[number - 1]
    state = "open for answers" if this.is_open else f"closed on {_day(this.closed_at)}"  # type: ignore[arg-type]
    done, everyone = len(snapshot.answered), len(snapshot.members)
    waiting = ", ".join(md_escape(m.name) for m in snapshot.waiting)
    counts = f"{done} of {everyone} members answered" if everyone else "nobody has answered yet"
    return f"Round {number} · {state} · {counts}" + (f" (not yet: {waiting})" if waiting else "")


def render_header(room: TeamRoom, base: str | None) -> None:
    """Team name and code, the round on show, and the way to invite (link, QR code, key)."""
    info = room.info.room
    st.markdown(f"### {md_escape(info.title)}: team code `{info.code}`")
    st.markdown(round_status(room.snapshot))
    fresh = bool(st.session_state.get(NEW_KEY))
    with st.expander(
        "Members' link, QR code and manager key", expanded=fresh, icon=":material/qr_code_2:"
    ):
        _render_invitation(room, base, fresh)
    st.session_state[NEW_KEY] = False


def _render_invitation(room: TeamRoom, base: str | None, fresh: bool) -> None:
    info = room.info.room
    link = members_link(base, info.code)
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.markdown(f"**Team code: {info.code}** · members' link (send it, or show the QR code):")
        st.code(link, language=None)
        st.markdown(
            "Each member answers once per round from their own phone or laptop and sees only "
            "their own answers. "
            f"The room and every answer are deleted {info.keep_days:g} days after its last use "
            f"(now: {_day(info.expires_at)}), or when you delete it below."
        )
        if is_local(base):
            st.warning(
                "This address only works on this computer. Set SKILLS_MAP_PUBLIC_URL to the "
                "address your team can reach.",
                icon=":material/phonelink_off:",
            )
        if fresh:
            st.warning(
                "Save the manager key now: it is shown only once, and it is stored only as a hash.",
                icon=":material/key:",
            )
        st.markdown("**Manager key** (keep it private; with the team code it opens the answers):")
        st.code(room.key, language=None)
        st.markdown("Or bookmark your manager link (it contains the key):")
        st.code(page_link(base, "team", room=info.code, key=room.key), language=None)
    with right:
        if base:
            st.image(qr_png(link), output_format="PNG", width=220, alt=f"QR code for {link}")
        else:
            st.info("Set SKILLS_MAP_PUBLIC_URL to show a QR code for the members' link.")


# What each round control does: the store call, its label and its outcome (for round {n}, the
# round it acts on), and its help.
_ROUND_ACTIONS = {
    "close": (
        store.close_round,
        "Close round {n}",
        "Round {n} closed: members' answers in it can no longer change.",
        "Members keep their answers; nobody can change them until you reopen it.",
    ),
    "reopen": (
        store.reopen_round,
        "Reopen round {n}",
        "Round {n} is open again: members can update their answers.",
        "Members can change their answers in this round again.",
    ),
    "next": (
        store.open_next_round,
        "Open round {n}",
        "Round {n} is open: members answer again from the same link.",
        "Closes this round and starts the next one (for example every six months). Members' "
        "forms start from their last answers.",
    ),
}


def _round_action(name: str) -> None:
    act, _, done, _ = _ROUND_ACTIONS[name]

    def action() -> str:
        info = act(room=st.session_state[ROOM], key=st.session_state[KEY])
        st.session_state[PINNED] = False  # show the round just changed or opened
        return done.format(n=info.current.number)

    run_action(action)


def _pin(latest: int) -> None:
    st.session_state[PINNED] = st.session_state.get(ROUND) != latest


def render_round_controls(room: TeamRoom) -> None:
    """Which round the page shows; close or reopen the current round, or open the next."""
    rounds, current = room.info.rounds, room.info.current
    labels = {
        r.number: f"Round {r.number} ({'open' if r.is_open else 'closed'}, {_day(r.opened_at)})"
        for r in rounds
    }
    st.session_state[ROUND] = room.snapshot.round_number
    pick, first, second = st.columns([2, 1, 1], vertical_alignment="bottom")
    pick.selectbox(
        "Round on the map",
        list(labels),
        format_func=labels.__getitem__,
        key=ROUND,
        on_change=_pin,
        args=(current.number,),
    )
    toggle = "close" if current.is_open else "reopen"
    for column, name, n in ((first, toggle, current.number), (second, "next", current.number + 1)):
        _, label, _, help_text = _ROUND_ACTIONS[name]
        column.button(
            label.format(n=n),
            key=f"teamroom_{name}",
            width="stretch",
            on_click=_round_action,
            args=(name,),
            help=help_text,
        )


def _remove(names: dict[int, str]) -> None:
    # The choice is read here, not bound when the button was drawn: it is what the person sees.
    member_id = st.session_state.get(REMOVE)
    name = names.get(member_id, "That member")

    def action() -> str:
        gone = store.remove_member(
            room=st.session_state[ROOM], key=st.session_state[KEY], member_id=int(member_id)
        )
        return f"Removed {name} and all their answers." if gone else f"{name} was already gone."

    run_action(action)


def _delete() -> None:
    def action() -> str:
        store.delete_room(room=st.session_state[ROOM], key=st.session_state[KEY], kind="team")
        leave()
        st.session_state["teamroom_confirm_delete"] = ""
        return "Team room deleted with every answer and rating."

    run_action(action)


def _same_code(typed: str, code: str) -> bool:
    try:
        return store.normalise_code(typed) == code
    except store.RoomNotFound:
        return False  # still typing, or a typo: the button stays disabled


def render_manage(room: TeamRoom) -> None:
    """Remove a member (everything they answered), delete the room, or stop using it here."""
    with st.expander(
        "Manage: remove a member, delete the team room, or stop using it here",
        icon=":material/settings:",
    ):
        members = {m.member_id: m.name for m in room.snapshot.members}
        if members:
            left, right = st.columns([3, 1], vertical_alignment="bottom")
            left.selectbox(
                "Member to remove (their answers in every round go too)",
                list(members),
                format_func=members.__getitem__,
                key=REMOVE,
            )
            right.button(
                "Remove member",
                key="teamroom_remove",
                width="stretch",
                on_click=_remove,
                args=(members,),
            )
        typed = st.text_input(
            "Type the team code to delete the team room", key="teamroom_confirm_delete"
        )
        st.button(
            "Delete team room",
            key="teamroom_delete",
            type="primary",
            disabled=not _same_code(typed, room.code),
            on_click=_delete,
        )
        st.button(
            "Stop using this team room here",
            on_click=leave,
            key="teamroom_leave",
            help="Back to your own table. The team room stays; the code and key bring you back.",
        )
