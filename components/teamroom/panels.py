"""The team room's own tabs on the Team page: self vs manager, and two rounds compared."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import store
from components.errors import render_error
from components.lang import _, current_lang
from components.teamroom.access import TeamRoom
from components.text import md_escape
from roles.coverage import TeamAnalysis
from roles.disagreement import MIN_GAP, largest, measure_word, pairs
from roles.errors import SkillsMapError
from roles.export import safe_csv
from roles.i18n import N_, listing
from roles.models import AXES, Catalog, axis_label
from roles.rounds import RoundComparison, compare_rounds

TABS = [N_("Self vs manager"), N_("Rounds")]
BEFORE, AFTER = "teamroom_compare_before", "teamroom_compare_after"


def self_vs_manager_csv(fitted: pd.DataFrame) -> bytes:
    """Every rating the manager gave beside the member's own, as CSV safe for spreadsheets."""
    frame = pd.DataFrame(
        [
            {
                "name": d.name,
                "measure": measure_word(d.axis, current_lang()),
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
            _(
                "Add your own rating of anyone in the Team table (the 'yours' columns). The map "
                "then joins their point to yours, and the largest differences are listed here."
            ),
            icon=":material/rate_review:",
        )
        return
    found = largest(analysis.fitted)
    rated = len({d.name for d in every})
    lang = current_lang()
    st.markdown(
        _(
            "You rated {rated} of {n} members in round {number}. Largest differences per "
            "measure (a point or more):",
            rated=rated,
            n=len(analysis.fitted),
            number=room.snapshot.round_number,
        )
    )
    rated_axes = {d.axis for d in every}
    for axis in AXES:
        st.markdown(f"**{axis_label(axis, lang)}**")
        if found[axis]:
            st.markdown("\n".join(f"- {md_escape(d.sentence(lang))}" for d in found[axis]))
        elif axis in rated_axes:
            st.markdown(
                _("You and they agree within {gap:g} point on everyone you rated.", gap=MIN_GAP)
            )
        else:
            st.markdown(_("You have not rated anyone on this yet."))
    st.download_button(
        _("Self vs manager (CSV)"),
        self_vs_manager_csv(analysis.fitted),
        file_name=f"team-{room.code}-round-{room.snapshot.round_number}-self-vs-manager.csv",
        mime="text/csv",
        icon=":material/download:",
    )


def _change(before: float, after: float) -> str:
    delta = after - before
    return f"{before:g}" if abs(delta) < 0.05 else f"{before:g} → {after:g} ({delta:+g})"


def _moves_table(result: RoundComparison) -> pd.DataFrame:
    lang = current_lang()
    return pd.DataFrame(
        [
            {
                _("Name"): m.name,
                **{axis_label(a, lang): _change(m.before[a], m.after[a]) for a in AXES},
                _("Best fit"): m.role_before
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
                _("Role"): r.name,
                _("Round {number}", number=result.before): r.before,
                _("Round {number}", number=result.after): r.after,
                _("Change"): f"{r.after - r.before:+d}" if r.after != r.before else "",
            }
            for r in result.roles
        ]
    )


def _summary(result: RoundComparison, names: dict[str, str]) -> list[str]:
    lang = current_lang()
    lines = []
    moved = result.movers
    lines.append(
        _(
            "{moved} of {n} members who answered both rounds moved.",
            moved=len(moved),
            n=len(result.moves),
        )
        if result.moves
        else _("Nobody answered both rounds.")
    )
    if moved:
        top = moved[0]
        axis = max(AXES, key=lambda a: abs(top.deltas[a]))
        lines.append(
            _(
                "{name} moved most: {measure} {change}.",
                name=md_escape(top.name),
                measure=measure_word(axis, lang),
                change=_change(top.before[axis], top.after[axis]),
            )
        )
    for label, names_ in (
        (N_("Answered only in the later round: {names}."), result.joined),
        (N_("Answered only in the earlier round: {names}."), result.left),
    ):
        if names_:
            lines.append(_(label, names=listing(lang, [md_escape(n) for n in names_])))
    for label, roles in (
        (N_("No longer missing: {roles}."), result.no_longer_missing),
        (N_("Newly missing: {roles}."), result.newly_missing),
    ):
        if roles:
            lines.append(_(label, roles=listing(lang, [names[r] for r in roles])))
    if not result.no_longer_missing and not result.newly_missing:
        still = listing(lang, [names[r] for r in result.missing_after]) or _("none")
        lines.append(_("Missing roles unchanged: {roles}.", roles=still))
    return lines


def _frames(room: TeamRoom, numbers: tuple[int, int]) -> tuple[pd.DataFrame, pd.DataFrame]:
    read = [
        room.snapshot
        if n == room.snapshot.round_number
        else store.team_snapshot(room=room.code, key=room.key, round_number=n)
        for n in numbers
    ]
    return read[0].frame(), read[1].frame()


def render_rounds(room: TeamRoom, catalog: Catalog) -> None:
    """Pick two rounds; who moved and how far, how coverage and the missing roles changed."""
    numbers = [r.number for r in room.info.rounds]
    if len(numbers) < 2:
        st.info(
            _(
                "Only one round so far. When the team should answer again (for example in six "
                "months), close this round and open the next one above; then compare them here."
            ),
            icon=":material/history:",
        )
        return
    left, right = st.columns(2)
    before = left.selectbox(_("Compare round"), numbers, index=len(numbers) - 2, key=BEFORE)
    after = right.selectbox(_("with round"), numbers, index=len(numbers) - 1, key=AFTER)
    if before == after:
        st.info(_("Pick two different rounds."))
        return
    try:
        first, second = _frames(room, (before, after))
    except SkillsMapError as exc:
        render_error(exc)
        return
    result = compare_rounds(first, second, catalog, numbers=(before, after))
    names = {r.id: r.name for r in catalog.roles}
    st.markdown("\n".join(f"- {line}" for line in _summary(result, names)))
    if result.moves:
        st.markdown(_("**Who moved** (round {before} → round {after})", before=before, after=after))
        st.dataframe(_moves_table(result), hide_index=True, width="stretch")
    st.markdown(_("**Coverage** (people in the region of their best fit)"))
    st.dataframe(_coverage_table(result), hide_index=True, width="stretch")
    st.download_button(
        _("Round comparison (CSV)"),
        safe_csv(result.as_frame()),
        file_name=f"team-{room.code}-rounds-{before}-{after}.csv",
        mime="text/csv",
        icon=":material/download:",
    )
