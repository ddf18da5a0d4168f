"""What the Team page adds for a team room, in the calls `views/team.py` makes.

Without a team room the page is unchanged (the table, a file or the example team). With one,
the team is the members' own answers in the round on show, every Team analysis runs on them,
the map adds the manager's ratings, two tabs compare self with manager and round with round,
and the page redraws by itself when the room changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import plotly.graph_objects as go
import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

import store
from components.lang import _, current_lang
from components.room.qr import app_base_url
from components.team import input as team_in
from components.teamroom import admin, panels
from components.teamroom.access import (
    TeamRoom,
    current_room,
    login_from_url,
    render_entry,
    render_flash,
    render_returning,
)
from components.teamroom.map import add_manager_ratings
from components.teamroom.table import render_table
from roles.coverage import TeamAnalysis
from roles.errors import SkillsMapError
from roles.i18n import N_, sentences
from roles.models import Catalog
from roles.team import ParsedTeam

# A member's answer reaches the manager's page within about this long.
LIVE_REFRESH_S = 2.0
DRAWN = "teamroom_drawn_version"
CAPTION = N_(
    "Put your team on the skills map, see which roles are covered and which are missing, and "
    "what to hire next. The team stays in this browser session: nothing is stored or logged."
)


def render_room_panel() -> TeamRoom | None:
    """What the page does, then the managed team room's header and controls (None: the way
    to invite or load one)."""
    login_from_url()
    room = current_room()
    st.caption(caption(room))
    render_flash()
    if room is None:
        render_returning()
        render_entry()
        return None
    admin.render_header(room, app_base_url("team"))
    admin.render_round_controls(room)
    admin.render_manage(room)
    st.session_state[DRAWN] = room.info.room.version
    _watch(room.code)
    return room


def caption(room: TeamRoom | None) -> str:
    """What the page does, and where this team's data lives."""
    if room is None:
        return _(CAPTION)
    return _(
        "Your team's own answers from the team room, on the skills map: coverage, missing "
        "roles, hire next and the posting check run on them. New answers appear by themselves. "
        "Only you (with the manager key) see them; each member sees only their own."
    )


def render_team_source(room: TeamRoom | None) -> ParsedTeam:
    """The team to map: the round's answers, or the table, an uploaded file or the example."""
    if room is not None:
        return render_table(room)
    team_in.render_sources()
    with st.expander(
        _("Team table: edit, add or delete people"), expanded=len(team_in.table_rows()) < 15
    ):
        return team_in.render_editor()


def empty_hint(room: TeamRoom | None) -> str:
    """What to do when there is nobody to map yet."""
    if room is None:
        return _("Add people to the table, upload a file or load the example team to see the map.")
    number = room.snapshot.round_number
    hint = _(
        "Nobody has answered round {number} yet. Send your team the members' link (or show "
        "the QR code); their answers appear here by themselves.",
        number=number,
    )
    earlier = _("Pick an earlier round above to see its answers.") if number > 1 else ""
    return sentences(current_lang(), hint, earlier)


def report_title(room: TeamRoom | None) -> str:
    """The heading of the downloaded report: the team room's name and the round on show."""
    if room is None:
        return _("Team skills map")
    return _(
        "{title}: round {number}", title=room.info.room.title, number=room.snapshot.round_number
    )


def tab_names(room: TeamRoom | None) -> list[str]:
    """The team room's own tabs (none without a room)."""
    return [_(name) for name in panels.TABS] if room is not None else []


def with_ratings(fig: go.Figure, room: TeamRoom | None, analysis: TeamAnalysis) -> go.Figure:
    """The map with the manager's ratings joined to the members' own points."""
    return fig if room is None else add_manager_ratings(fig, analysis.fitted, current_lang())


def render_tabs(
    tabs: Sequence[Any], room: TeamRoom | None, analysis: TeamAnalysis, catalog: Catalog
) -> None:
    """Fill the team room's tabs: self vs manager, and rounds compared."""
    if room is None:
        return
    with tabs[0]:
        panels.render_self_vs_manager(room, analysis)
    with tabs[1]:
        panels.render_rounds(room, catalog)


@st.fragment(run_every=LIVE_REFRESH_S)
def _watch(code: str) -> None:
    """Redraw the page when the team room changed (a new answer, another tab's action)."""
    try:
        changed = store.room_version(room=code, kind="team") != st.session_state.get(DRAWN)
    except (SkillsMapError, SQLAlchemyError):
        changed = True  # gone or unreadable: the full run says why, with advice
    if changed:
        st.rerun()
