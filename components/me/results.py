"""A person's result: the map with their bubble, best fit, ranked fits, target role and gaps."""

from __future__ import annotations

import json

import plotly.graph_objects as go
import pyarrow as pa
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from components.skills_map import arrow_annotation, map_figure, person_trace
from roles.gaps import Gaps, gaps
from roles.match import RoleFit, match
from roles.models import AXES, AXIS_LABELS, Catalog, Profile
from roles.report import match_report

AUTO_TARGET = "__best__"
PLOT_CONFIG = {
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "filename": "ml-skills-map", "scale": 2},
}


def build_person_figure(
    profile: Profile, catalog: Catalog, target: Gaps | None, *, label: str = "You"
) -> go.Figure:
    """The map with the person's bubble and, if they are outside the target, an arrow toward it."""
    arrows = []
    if target is not None and not target.inside:
        colour = catalog.role(target.role).colour
        arrows.append(arrow_annotation((profile.ml, profile.swe), target.nearest, colour=colour))
    return map_figure(catalog, traces=[person_trace(profile, label=label)], annotations=arrows)


def fits_table(fits: list[RoleFit]) -> pa.Table:
    """The ranked fits as a table for display.

    An Arrow table rather than a DataFrame: Streamlit sends Arrow, and converting a DataFrame
    cost more than the rest of the table on every rerun.
    """
    return pa.table(
        {
            "Role": [f.name for f in fits],
            "Fit": [round(f.fit, 1) for f in fits],
            "Why": [f.reason for f in fits],
        }
    )


def _render_fits(fits: list[RoleFit]) -> None:
    st.dataframe(
        fits_table(fits),
        hide_index=True,
        width="stretch",
        column_config={
            "Fit": st.column_config.ProgressColumn(
                "Fit", min_value=0, max_value=100, format="%.0f%%"
            ),
            "Why": st.column_config.TextColumn("Why", width="large"),
        },
    )


def _render_gaps(profile: Profile, g: Gaps) -> None:
    if g.total == 0:
        where = "inside the region" if g.inside else "past the region on the axes that matter"
        st.success(f"You are already {where} of **{g.name}** and meet its communication bar.")
        return
    for col, axis in zip(st.columns(3, gap="large"), AXES, strict=True):
        short = g.shortfall[axis]
        current = profile.as_dict()[axis]
        with col:
            st.metric(
                AXIS_LABELS[axis],
                f"+{short:.1f}" if short else "✓",
                f"from {current:g} to {current + short:.1f}" if short else "no gap",
                delta_color="off",
                delta_arrow="off",
            )
            if axis in g.steps:
                steps = "\n".join(f"{i}. {s}" for i, s in enumerate(g.steps[axis], 1))
                st.markdown(f"**{AXIS_LABELS[axis]}: next steps**\n\n{steps}")


def render_results(
    profile: Profile, catalog: Catalog, *, target_key: str, map_slot: DeltaGenerator | None = None
) -> str | None:
    """Draw the whole result; returns the target role id the person chose (None = best fit).

    `map_slot` is where the map and the best fit go (beside the sliders on the Me page);
    without it they open the result.
    """
    fits = match(profile, catalog)
    best = fits[0]
    options = [AUTO_TARGET, *catalog.role_ids]
    if st.session_state.get(target_key) not in options:
        st.session_state[target_key] = AUTO_TARGET
    chosen = st.session_state[target_key]
    target_id = best.role if chosen == AUTO_TARGET else chosen
    g = gaps(profile, catalog, target_id)

    with map_slot if map_slot is not None else st.container():
        st.markdown(f"### Best fit: {best.name}")
        st.caption(best.reason)
        st.plotly_chart(build_person_figure(profile, catalog, g), config=PLOT_CONFIG)
        st.caption(
            "Your bubble's size is your communication score. Hover a region for its ranges "
            "and communication bar; the arrow shows the way to your target role."
        )
    st.markdown("#### All roles, best fit first")
    _render_fits(fits)
    pick, _ = st.columns([1, 2])
    with pick:
        st.selectbox(
            "Target role",
            options,
            key=target_key,
            format_func=lambda rid: (
                f"Best fit ({best.name})" if rid == AUTO_TARGET else catalog.role(rid).name
            ),
            help="The role you want to grow toward; the arrow on the map points at it.",
        )
    st.markdown(f"#### Your path toward {g.name}")
    _render_gaps(profile, g)
    return None if chosen == AUTO_TARGET else chosen


def render_downloads(profile: Profile, catalog: Catalog) -> None:
    """The result as JSON; the map's PNG comes from the chart's own camera button."""
    # A callable defers building the report to the click instead of every rerun.
    st.download_button(
        "Download result (JSON)",
        lambda: json.dumps(match_report(profile, catalog), indent=2, ensure_ascii=False),
        file_name="ml-skills-map-result.json",
        mime="application/json",
    )
    st.caption("To save the map as a PNG, use the camera icon in the map's top-right corner.")
