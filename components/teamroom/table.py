"""The Team table of a team room: each member's own answers (theirs, read-only) beside the
manager's own rating of them (editable, saved to the room at once).

An edit is saved as soon as it arrives and the editor starts again from the stored table, so a
refresh caused by a member's new answer never loses or repeats a rating.
"""

from __future__ import annotations

import math
from typing import Any, TypedDict

import pandas as pd
import streamlit as st

import store
from components.choices import NotAnOption
from components.lang import _, current_lang
from components.teamroom.access import TeamRoom, flash
from roles.errors import SkillsMapError
from roles.i18n import N_, Msg, listing
from roles.models import AXES
from roles.team import ParsedTeam

EDITOR = "teamroom_ratings"
_GENERATION = "teamroom_ratings_generation"
SHOWN = {
    "name": N_("Name"),
    "ml": N_("ML (theirs)"),
    "swe": N_("Software eng. (theirs)"),
    "comm": N_("Communication (theirs)"),
    "manager_ml": N_("ML (yours)"),
    "manager_swe": N_("Software eng. (yours)"),
    "manager_comm": N_("Communication (yours)"),
}


def editor_key() -> str:
    """The editor's key now: a new one after each save, so it starts from the stored table."""
    return f"{EDITOR}_{st.session_state.get(_GENERATION, 0)}"


def team_of(room: TeamRoom) -> ParsedTeam:
    """The members who answered in the round on show, as a team for the Team page."""
    frame = room.snapshot.frame()
    frame.insert(0, "row", range(1, len(frame) + 1))
    return ParsedTeam(frame, rows_read=len(frame))


class _Rating(TypedDict):
    ml: float | None
    swe: float | None
    comm: float | None


def _rating(row: pd.Series, edits: dict[str, object]) -> _Rating:
    out: dict[str, float | None] = {}
    for axis in AXES:
        column = f"manager_{axis}"
        value = edits.get(column, row[column])
        if isinstance(value, bool) or not (value is None or isinstance(value, int | float)):
            raise NotAnOption()  # the editor sends numbers; anything else was forged
        out[axis] = None if value is None or math.isnan(value) else float(value)
    return _Rating(ml=out["ml"], swe=out["swe"], comm=out["comm"])


def _row(frame: pd.DataFrame, index: object) -> pd.Series:
    """The edited row of the table drawn (an index the editor sent, so checked)."""
    position = int(index) if isinstance(index, int | str) and str(index).isdigit() else -1
    if not 0 <= position < len(frame):
        raise NotAnOption()
    return frame.iloc[position]


def _save(room: TeamRoom, frame: pd.DataFrame, edited_rows: dict[Any, Any]) -> None:
    """Store the manager's edits, then start the editor again from the stored table."""
    saved = []
    try:
        for index, edits in edited_rows.items():
            if not isinstance(edits, dict):
                raise NotAnOption()
            row = _row(frame, index)
            store.rate_member(
                room=room.code,
                key=room.key,
                member_id=int(row["member_id"]),
                round_number=room.snapshot.round_number,
                **_rating(row, edits),
            )
            saved.append(str(row["name"]))
    except SkillsMapError as exc:
        flash("error", exc)
    else:
        names = listing(current_lang(), saved)
        flash("success", Msg("Saved your rating of {names}.", names=names))
    st.session_state[_GENERATION] = st.session_state.get(_GENERATION, 0) + 1
    st.rerun()


def render_table(room: TeamRoom) -> ParsedTeam:
    """The team table of the round on show; returns the team to analyse (their own answers)."""
    team = team_of(room)
    frame = team.members
    label = _(
        "Team table: {n} answers in round {number}",
        n=len(frame),
        number=room.snapshot.round_number,
    )
    with st.expander(label, expanded=len(frame) < 15):
        if frame.empty:
            st.markdown(_("No answers in this round yet."))
            return team
        st.caption(
            _(
                "Their own answers are read-only. Add your own rating of anyone in the three "
                "'yours' columns: it is saved at once, drawn on the map joined to theirs, and "
                "the largest differences are listed under Self vs manager."
            )
        )
        # Typed loosely: Streamlit types the keys as Literal["_index"] | str, which no dict of
        # column names matches.
        columns: dict[Any, Any] = {
            "name": st.column_config.TextColumn(_(SHOWN["name"])),
            **{
                c: st.column_config.NumberColumn(
                    _(SHOWN[c]), min_value=0.0, max_value=10.0, step=0.5, format="%.1f"
                )
                for c in list(SHOWN)[1:]
            },
        }
        st.data_editor(
            frame[list(SHOWN)],
            key=editor_key(),
            hide_index=True,
            width="stretch",
            placeholder="–",
            disabled=["name", *AXES],
            column_config=columns,
        )
        edited = (st.session_state.get(editor_key()) or {}).get("edited_rows") or {}
        if edited:
            _save(room, frame, edited)
    return team
