"""The team room's own tabs on the Team page: self vs manager, and two rounds compared."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import store
from components.errors import render_error
from components.teamroom.access import TeamRoom
from components.text import md_escape
from roles.coverage import TeamAnalysis
from roles.disagreement import MEASURE_WORDS, MIN_GAP, largest, pairs
from roles.errors import SkillsMapError
from roles.export import safe_csv
from roles.models import AXES, AXIS_LABELS, Catalog
from roles.rounds import RoundComparison, compare_rounds

TABS = ["Self vs manager", "Rounds"]
BEFORE, AFTER = "teamroom_compare_before", "teamroom_compare_after"


def self_vs_manager_csv(fitted: pd.DataFrame) -> bytes:
    """Every rating the manager gave beside the member's own, as CSV safe for spreadsheets."""
    frame = pd.DataFrame(
        [
            {
                "name": d.name,
                "measure": MEASURE_WORDS[d.axis],
                "their_rating": d.own,
                "your_rating": d.manager,
                "difference": d.gap,
            }
            for d in pairs(fitted)
        ],
        columns=["name", "measure", "their_rating", "your_rating", "difference"],
    )
    return safe_csv(frame)


def render_self_vs_manager(room: TeamRoom, analysis: TeamAnalysis) -> None:
    """The largest disagreements per measure, in sentences, and all pairs as CSV."""
    every = pairs(analysis.fitted)
    if not every:
        st.info(
            "Add your own rating of anyone in the Team table (the 'yours' columns). The map then "
            "joins their point to yours, and the largest differences are listed here.",
            icon=":material/rate_review:",
        )
        return
    found = largest(analysis.fitted)
    rated = len({d.name for d in every})
    st.markdown(
        f"You rated {rated} of {len(analysis.fitted)} members in round "
        f"{room.snapshot.round_number}. Largest differences per measure (a point or more):"
    )
    rated_axes = {d.axis for d in every}
    for axis in AXES:
        st.markdown(f"**{AXIS_LABELS[axis]}**")
        if found[axis]:
            st.markdown("\n".join(f"- {md_escape(d.sentence())}" for d in found[axis]))
        elif axis in rated_axes:
            st.markdown(f"You and they agree within {MIN_GAP:g} point on everyone you rated.")
        else:
            st.markdown("You have not rated anyone on this yet.")
    st.download_button(
        "Self vs manager (CSV)",
        self_vs_manager_csv(analysis.fitted),
        file_name=f"team-{room.code}-round-{room.snapshot.round_number}-self-vs-manager.csv",
        mime="text/csv",
        icon=":material/download:",
    )


def _change(before: float, after: float) -> str:
    delta = after - before
    return f"{before:g}" if abs(delta) < 0.05 else f"{before:g} → {after:g} ({delta:+g})"


def _moves_table(result: RoundComparison) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "Name": m.name,
                **{AXIS_LABELS[a]: _change(m.before[a], m.after[a]) for a in AXES},
                "Best fit": m.role_before
                if m.role_before == m.role_after
                else f"{m.role_before} → {m.role_after}",
            }
            for m in result.moves
        ]
    )


def _coverage_table(result: RoundComparison) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "Role": r.name,
                f"Round {result.before}": r.before,
                f"Round {result.after}": r.after,
                "Change": f"{r.after - r.before:+d}" if r.after != r.before else "",
            }
            for r in result.roles
        ]
    )


def _summary(result: RoundComparison, names: dict[str, str]) -> list[str]:
    lines = []
    moved = result.movers
    lines.append(
        f"{len(moved)} of {len(result.moves)} members who answered both rounds moved."
        if result.moves
        else "Nobody answered both rounds."
    )
    if moved:
        top = moved[0]
        axis = max(AXES, key=lambda a: abs(top.deltas[a]))
        lines.append(
            f"{md_escape(top.name)} moved most: {MEASURE_WORDS[axis]} "
            f"{_change(top.before[axis], top.after[axis])}."
        )
    for label, names_ in (("later", result.joined), ("earlier", result.left)):
        if names_:
            listed = ", ".join(md_escape(n) for n in names_)
            lines.append(f"Answered only in the {label} round: {listed}.")
    for label, roles in (
        ("No longer missing", result.no_longer_missing),
        ("Newly missing", result.newly_missing),
    ):
        if roles:
            lines.append(f"{label}: " + ", ".join(names[r] for r in roles) + ".")
    if not result.no_longer_missing and not result.newly_missing:
        still = ", ".join(names[r] for r in result.missing_after) or "none"
        lines.append(f"Missing roles unchanged: {still}.")
    return lines


def _frames(room: TeamRoom, numbers: tuple[int, int]) -> tuple[pd.DataFrame, pd.DataFrame]:
    read = [
        room.snapshot
        if n == room.snapshot.round_number
        else store.team_snapshot(room=room.code, key=room.key, round_number=n)
        for n in numbers
    ]
    return read[0].frame(), read[1].frame()


def render_rounds(room: TeamRoom, catalog: Catalog, threshold: float) -> None:
    """Pick two rounds; who moved and how far, how coverage and the missing roles changed."""
    numbers = [r.number for r in room.info.rounds]
    if len(numbers) < 2:
        st.info(
            "Only one round so far. When the team should answer again (for example in six "
            "months), close this round and open the next one above; then compare them here.",
            icon=":material/history:",
        )
        return
    left, right = st.columns(2)
    before = left.selectbox("Compare round", numbers, index=len(numbers) - 2, key=BEFORE)
    after = right.selectbox("with round", numbers, index=len(numbers) - 1, key=AFTER)
    if before == after:
        st.info("Pick two different rounds.")
        return
    try:
        first, second = _frames(room, (before, after))
    except SkillsMapError as exc:
        render_error(exc)
        return
    result = compare_rounds(first, second, catalog, numbers=(before, after), threshold=threshold)
    names = {r.id: r.name for r in catalog.roles}
    st.markdown("\n".join(f"- {line}" for line in _summary(result, names)))
    if result.moves:
        st.markdown(f"**Who moved** (round {before} → round {after})")
        st.dataframe(_moves_table(result), hide_index=True, width="stretch")
    st.markdown(f"**Coverage** (fit at least {threshold:g})")
    st.dataframe(_coverage_table(result), hide_index=True, width="stretch")
    st.download_button(
        "Round comparison (CSV)",
        safe_csv(result.as_frame()),
        file_name=f"team-{room.code}-rounds-{before}-{after}.csv",
        mime="text/csv",
        icon=":material/download:",
    )
