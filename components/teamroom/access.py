"""The manager's way into a team room from the Team page: invite the team, load the answers.

"Invite my team" creates a private team room; its code and the manager key open it again from
any browser ("Load answers"), like a workshop room's code and facilitator key. The key is kept
in this tab's session only: a manager link (`?room=CODE&key=KEY`) is read once and the key
leaves the address bar at once, so a Team page shown in a meeting or a screenshot does not give
the team's answers away. The link stays one click away (the invitation panel shows it to copy or
bookmark), and a refresh, which starts a new session, says how to get back in.
Outcomes of actions are kept in session state and shown once at the top of the next draw.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

import store
from components.errors import render_error
from components.lang import _, with_lang
from components.room import controls, key_link
from components.room.identity import client_address
from roles.errors import SkillsMapError
from roles.i18n import N_, Msg

ROOM = "teamroom_code"
KEY = "teamroom_key"
NEW_KEY = "teamroom_new_key"
ROUND = "teamroom_round"
# True while the manager looks at an earlier round on purpose; otherwise the page follows the
# latest round, also when another tab opens a new one.
PINNED = "teamroom_round_pinned"
FLASH = "teamroom_flash"
# The code of a team room whose manager link lost its key to a refresh: the load form is
# filled with it and the page says how to get back in.
RETURNING = "teamroom_returning"
LOAD_FORM = "teamroom_load"
DEFAULT_TITLE = N_("My team")


@dataclass(frozen=True)
class TeamRoom:
    """The team room this tab manages: its code, the manager key, and the round on show."""

    code: str
    key: str
    snapshot: store.TeamSnapshot

    @property
    def info(self) -> store.TeamRoomInfo:
        return self.snapshot.info


def flash(kind: str, payload: object) -> None:
    """Remember an outcome to show once at the top of the next draw."""
    controls.flash(kind, payload, slot=FLASH)


def render_flash() -> None:
    """Show (once) what the last action did."""
    controls.render_flash(FLASH)


def run_action(action: Callable[[], str | Msg]) -> None:
    """Run one store action (from a callback) and remember its outcome for the next draw."""
    controls.run_action(action, slot=FLASH)


def _hold(code: str, key: str) -> None:
    st.session_state[ROOM] = code
    st.session_state[KEY] = key
    for name in (ROUND, PINNED, RETURNING):  # show the current round of the room just opened
        st.session_state.pop(name, None)
    st.query_params.from_dict(with_lang({"room": code}))  # the key stays out of the address


def leave() -> None:
    """Stop managing the team room in this tab (the room and its answers stay)."""
    for name in (ROOM, KEY, NEW_KEY, ROUND, PINNED, RETURNING):
        st.session_state.pop(name, None)
    st.query_params.from_dict(with_lang({}))  # the language stays, the room goes


def _open(raw_code: str, key: str) -> bool:
    return controls.open_and_hold(store.open_team_room, _hold, raw_code, key)


def login_from_url() -> None:
    """Take the room from a manager link (`?room=CODE&key=KEY`) and take the key out of the
    address bar; with only `?room=CODE` (a refresh after that, in a new session) and no room
    held, remember the code for the load form and the page's word on how to get back in."""
    key_link.take_key_from_address(
        room=ROOM, take=_open, returning=RETURNING, code_field=f"{LOAD_FORM}_code"
    )


def render_returning() -> None:
    """After a refresh of a managed team room's page: how to get back in (the key is no longer
    in the address, by design)."""
    key_link.render_way_back(
        RETURNING,
        lambda code: _(
            "Team room {code}: the manager key is not kept in the page address, so a refresh "
            "asks for it again. Type it under *Load your team's answers* below, or open the "
            "manager link you bookmarked or saved.",
            code=code,
        ),
    )


def _keep_choices() -> tuple[list[float], int]:
    """Lifetimes to offer (the configured default first chosen) and the default's index."""
    try:
        default = store.default_keep_days()
    except SkillsMapError as exc:
        render_error(exc)
        default = store.teams.DEFAULT_TEAM_TTL_DAYS
    choices = sorted({default, 90.0, 180.0, 365.0})
    return choices, choices.index(default)


def render_invite_form() -> None:
    """Team name, how long the answers are kept without use, and "Invite my team"."""
    with st.form("teamroom_invite"):
        st.markdown(_("#### Invite your team to rate themselves"))
        st.markdown(
            _(
                "Each member answers from a link on their phone or laptop; you see the team "
                "here as the answers arrive."
            )
        )
        title = st.text_input(
            _("Team name"),
            max_chars=store.MAX_TITLE,
            placeholder=_(DEFAULT_TITLE),
            key="teamroom_title",
        )
        choices, default = _keep_choices()
        keep = st.selectbox(
            _("Delete the team room and every answer after this long without use"),
            choices,
            index=default,
            format_func={d: _("{days:g} days", days=d) for d in choices}.__getitem__,
            key="teamroom_keep",
            help=_(
                "Every answer, rating, round change, or loading it with your key counts as use. "
                "Running a round every six months? Choose 365 days. You can delete it any time."
            ),
        )
        if not st.form_submit_button(_("Invite my team"), type="primary"):
            return
    controls.open_new_room(
        lambda: store.create_team_room(
            title=title.strip() or _(DEFAULT_TITLE), keep_days=keep, address=client_address()
        ),
        take=_hold,
        new_key=NEW_KEY,
    )


def render_load_form() -> None:
    """Team code + manager key: "Load answers" (also how a manager comes back elsewhere)."""
    controls.render_code_and_key_form(
        form=LOAD_FORM,
        heading=_("Load your team's answers"),
        intro=_("Type the team code and the manager key you were shown when you invited."),
        labels=(_("Team code"), _("Manager key")),
        button=_("Load answers"),
        take=_open,
    )


def render_entry() -> None:
    """Invite and Load side by side, in a collapsed section above the team table."""
    returning = bool(st.session_state.get(RETURNING))
    with st.expander(
        _("Team room: let members rate themselves"),
        icon=":material/group_add:",
        expanded=returning,
    ):
        invite, load = st.columns(2, gap="large")
        with invite:
            render_invite_form()
        with load:
            render_load_form()


def current_room() -> TeamRoom | None:
    """The managed team room with the round on show, read now; None (after saying why) when
    this tab manages none or it is gone."""
    code, key = st.session_state.get(ROOM), st.session_state.get(KEY)
    if not code or not key:
        return None
    try:
        asked = st.session_state.get(ROUND) if st.session_state.get(PINNED) else None
        snapshot = store.team_snapshot(room=code, key=key, round_number=asked)
    except store.RoundNotFound:
        st.session_state.pop(PINNED, None)  # e.g. a round number from before a reload
        return current_room()
    except SkillsMapError as exc:
        render_error(exc, context=_("Team room {code}", code=code))
        st.button(_("Back to my own table"), on_click=leave, key="teamroom_leave_gone")
        return None
    return TeamRoom(code=code, key=key, snapshot=snapshot)
