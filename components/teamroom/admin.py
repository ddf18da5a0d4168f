"""The managed team room at the top of the Team page: code, members' link and QR code, the
manager key, the round on show and its controls, and removal and deletion.

Every control passes the manager key to the store, which refuses a wrong one and changes
nothing; controls run as callbacks, so the draw after a click already shows the new state.
"""

from __future__ import annotations

from datetime import datetime

import streamlit as st

import store
from components.choices import on_choice
from components.lang import _, current_lang, with_lang
from components.room.manage import (
    render_delete,
    render_invite_qr,
    render_remove_one,
    warn_if_local,
)
from components.room.qr import page_link
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
from roles.i18n import N_, Msg, day, listing

MEMBER_PAGE = "my_team"


def members_link(base: str | None, code: str) -> str:
    """What members open (and what the QR code holds)."""
    return page_link(base, MEMBER_PAGE, room=code)


def _day(when: datetime) -> str:
    return day(when, current_lang())


def round_status(snapshot: store.TeamSnapshot) -> str:
    """'Round 2 · open for answers · 3 of 5 members answered (not yet: Bo, Cy)'."""
    number = snapshot.round_number
    this = snapshot.info.rounds[number - 1]
    state = (
        _("open for answers") if this.is_open else _("closed on {day}", day=_day(this.closed_at))  # type: ignore[arg-type]
    )
    done, everyone = len(snapshot.answered), len(snapshot.members)
    waiting = listing(current_lang(), [md_escape(m.name) for m in snapshot.waiting])
    counts = (
        _("{done} of {n} members answered", done=done, n=everyone)
        if everyone
        else _("nobody has answered yet")
    )
    which = _("Round {number}", number=number)
    status = f"{which} · {state} · {counts}"
    return status + (_(" (not yet: {names})", names=waiting) if waiting else "")


def render_header(room: TeamRoom, base: str | None) -> None:
    """Team name and code, the round on show, and the way to invite (link, QR code, key)."""
    info = room.info.room
    st.markdown(_("### {title}: team code `{code}`", title=md_escape(info.title), code=info.code))
    st.markdown(round_status(room.snapshot))
    fresh = bool(st.session_state.get(NEW_KEY))
    with st.expander(
        _("Members' link, QR code and manager key"), expanded=fresh, icon=":material/qr_code_2:"
    ):
        _render_invitation(room, base, fresh)
    st.session_state[NEW_KEY] = False


def _render_invitation(room: TeamRoom, base: str | None, fresh: bool) -> None:
    info = room.info.room
    link = members_link(base, info.code)
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.markdown(
            _(
                "**Team code: {code}** · members' link (send it, or show the QR code):",
                code=info.code,
            )
        )
        st.code(link, language=None)
        st.markdown(
            _(
                "Each member answers once per round from their own phone or laptop and sees "
                "only their own answers. The room and every answer are deleted {days:g} days "
                "after its last use (now: {day}), or when you delete it below.",
                days=info.keep_days,
                day=_day(info.expires_at),
            )
        )
        unreachable = _(
            "This address only works on this computer. Set SKILLS_MAP_PUBLIC_URL to the "
            "address your team can reach."
        )
        warn_if_local(base, unreachable=unreachable)
        if fresh:
            st.warning(
                _(
                    "Save the manager key now: it is shown only once, and it is stored only as "
                    "a hash."
                ),
                icon=":material/key:",
            )
        st.markdown(
            _("**Manager key** (keep it private; with the team code it opens the answers):")
        )
        st.code(room.key, language=None)
        st.markdown(
            _(
                "Or copy and bookmark your manager link (it contains the key, so it is kept out "
                "of the address bar while this page is shown):"
            )
        )
        manager = page_link(base, "team", **with_lang({"room": info.code, "key": room.key}))
        st.code(manager, language=None)
    with right:
        no_address = _("Set SKILLS_MAP_PUBLIC_URL to show a QR code for the members' link.")
        render_invite_qr(base, link, no_address=no_address)


# What each round control does: the store call, its label and its outcome (for round {n}, the
# round it acts on), and its help.
_ROUND_ACTIONS = {
    "close": (
        store.close_round,
        N_("Close round {n}"),
        N_("Round {n} closed: members' answers in it can no longer change."),
        N_("Members keep their answers; nobody can change them until you reopen it."),
    ),
    "reopen": (
        store.reopen_round,
        N_("Reopen round {n}"),
        N_("Round {n} is open again: members can update their answers."),
        N_("Members can change their answers in this round again."),
    ),
    "next": (
        store.open_next_round,
        N_("Open round {n}"),
        N_("Round {n} is open: members answer again from the same link."),
        N_(
            "Closes this round and starts the next one (for example every six months). Members' "
            "forms start from their last answers."
        ),
    ),
}


def _round_action(name: str) -> None:
    act, _label, done, _help = _ROUND_ACTIONS[name]

    def action() -> Msg:
        info = act(room=st.session_state[ROOM], key=st.session_state[KEY])
        st.session_state[PINNED] = False  # show the round just changed or opened
        return Msg(done, n=info.current.number)

    run_action(action)


def _pin(latest: int, numbers: list[int]) -> None:
    def pin(number: int) -> None:
        st.session_state[PINNED] = number != latest

    on_choice(ROUND, numbers, pin)


def render_round_controls(room: TeamRoom) -> None:
    """Which round the page shows; close or reopen the current round, or open the next."""
    rounds, current = room.info.rounds, room.info.current
    labels = {
        r.number: _(
            N_("Round {number} (open, {day})")
            if r.is_open
            else N_("Round {number} (closed, {day})"),
            number=r.number,
            day=_day(r.opened_at),
        )
        for r in rounds
    }
    st.session_state[ROUND] = room.snapshot.round_number
    pick, first, second = st.columns([2, 1, 1], vertical_alignment="bottom")
    pick.selectbox(
        _("Round on the map"),
        list(labels),
        format_func=labels.__getitem__,
        key=ROUND,
        on_change=_pin,
        args=(current.number, list(labels)),
    )
    toggle = "close" if current.is_open else "reopen"
    for column, name, n in ((first, toggle, current.number), (second, "next", current.number + 1)):
        _act, label, _done, help_text = _ROUND_ACTIONS[name]
        column.button(
            _(label, n=n),
            key=f"teamroom_{name}",
            width="stretch",
            on_click=_round_action,
            args=(name,),
            help=_(help_text),
        )


def _remove(member_id: int, name: str) -> Msg:
    gone = store.remove_member(
        room=st.session_state[ROOM], key=st.session_state[KEY], member_id=member_id
    )
    if gone:
        return Msg("Removed {name} and all their answers.", name=name)
    return Msg("{name} was already gone.", name=name)


def _delete() -> Msg:
    store.delete_room(room=st.session_state[ROOM], key=st.session_state[KEY], kind="team")
    leave()
    return Msg("Team room deleted with every answer and rating.")


def render_manage(room: TeamRoom) -> None:
    """Remove a member (everything they answered), delete the room, or stop using it here."""
    with st.expander(
        _("Manage: remove a member, delete the team room, or stop using it here"),
        icon=":material/settings:",
    ):
        members = {m.member_id: m.name for m in room.snapshot.members}
        if members:
            render_remove_one(
                prefix="teamroom",
                people=members,
                label=_("Member to remove (their answers in every round go too)"),
                button=_("Remove member"),
                remove=_remove,
                run_action=run_action,
            )
        render_delete(
            prefix="teamroom",
            code=room.code,
            label=_("Type the team code to delete the team room"),
            button=_("Delete team room"),
            delete=_delete,
            run_action=run_action,
        )
        st.button(
            _("Stop using this team room here"),
            on_click=leave,
            key="teamroom_leave",
            help=_("Back to your own table. The team room stays; the code and key bring you back."),
        )
