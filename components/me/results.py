"""A person's result: the map with their bubble, best fit, ranked fits, target role and gaps."""

from __future__ import annotations

import json

import plotly.graph_objects as go
import pyarrow as pa
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from components.skills_map import arrow_annotation, halo_trace, map_figure, person_trace
from roles.gaps import Gaps, gaps
from roles.match import RoleFit
from roles.models import AXES, AXIS_LABELS, Catalog, Profile
from roles.report import match_report
from roles.verdict import Verdict, verdict

AUTO_TARGET = "__best__"
PLOT_CONFIG = {
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "filename": "ml-skills-map", "scale": 2},
}


def build_person_figure(
    profile: Profile,
    catalog: Catalog,
    target: Gaps | None,
    *,
    label: str = "You",
    halo: tuple[float, float] | None = None,
) -> go.Figure:
    """The map with the person's bubble and, if they are outside the target, an arrow toward it.

    `halo` (ML, software engineering spread) draws the uncertainty of scores from few answers.
    """
    arrows = []
    if target is not None and not target.inside:
        colour = catalog.role(target.role).colour
        arrows.append(arrow_annotation((profile.ml, profile.swe), target.nearest, colour=colour))
    traces = [halo_trace(profile, *halo)] if halo else []
    traces.append(person_trace(profile, label=label))
    return map_figure(catalog, traces=traces, annotations=arrows)


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


def render_headline(v: Verdict, *, beyond: bool = False) -> None:
    """The best fit, said no more firmly than the numbers allow.

    `beyond`: the person is past the nearest region on every measure (nothing to learn toward it).
    """
    st.markdown(f"### {v.headline}")
    second = v.runner_up
    if v.kind == "no_close_fit" and beyond:
        st.caption(
            f"Your scores go beyond the typical profile of every role, so none fits closely; "
            f"{v.best.name} is the nearest, and there is nothing to learn toward it on these "
            "measures. Check your ratings against the level descriptions."
        )
    elif v.kind == "no_close_fit":
        st.caption(
            f"Even the nearest role's region is some way off (fit {v.best.fit:.0f} of 100; 80 is "
            f"its edge). The path toward {v.best.name} below shows what would bring you there."
        )
    elif v.close and second is not None:
        tip = f" {v.tip.phrase()[0].upper()}{v.tip.phrase()[1:]}." if v.tip else ""
        st.caption(
            f"The two fit almost equally ({v.best.name} {v.best.fit:.0f}, {second.name} "
            f"{second.fit:.0f}).{tip}"
        )
    else:
        st.caption(v.best.reason)
    if v.comm_decides is not None:
        st.info(
            f"Communication decided this: {v.comm_decides.phrase()}. Check that rating against "
            "its level descriptions.",
            icon=":material/record_voice_over:",
        )


def _render_path(
    profile: Profile, catalog: Catalog, g: Gaps, target_key: str, best: RoleFit
) -> None:
    pick, _ = st.columns([1, 2])
    with pick:
        st.selectbox(
            "Target role",
            [AUTO_TARGET, *catalog.role_ids],
            key=target_key,
            # The label does not name the best fit: it changes with every slider move, and a
            # stale name in the closed box read as a different target.
            format_func=lambda rid: (
                "Best fit (follows your scores)" if rid == AUTO_TARGET else catalog.role(rid).name
            ),
            help="The role you want to grow toward; the arrow on the map points at it.",
        )
    st.markdown(f"#### Your path toward {g.name}")
    _render_gaps(profile, g)


def render_results(
    profile: Profile,
    catalog: Catalog,
    *,
    target_key: str,
    map_slot: DeltaGenerator | None = None,
    halo: tuple[float, float] | None = None,
) -> str | None:
    """Draw the whole result; returns the target role id the person chose (None = best fit).

    `map_slot` is where the map and the best fit go (beside the sliders on the Me page);
    without it they open the result. `halo` is the uncertainty drawn around the person.
    """
    v = verdict(profile, catalog)
    best = v.best
    if st.session_state.get(target_key) not in (AUTO_TARGET, *catalog.role_ids):
        st.session_state[target_key] = AUTO_TARGET
    chosen = st.session_state[target_key]
    target_id = best.role if chosen == AUTO_TARGET else chosen
    g = gaps(profile, catalog, target_id)

    beyond = v.kind == "no_close_fit" and gaps(profile, catalog, best.role).total == 0
    with map_slot if map_slot is not None else st.container():
        render_headline(v, beyond=beyond)
        st.plotly_chart(build_person_figure(profile, catalog, g, halo=halo), config=PLOT_CONFIG)
        halo_note = " The dotted halo shows how far your scores may be off." if halo else ""
        st.caption(
            "Your bubble's size is your communication score. Hover a region for its ranges "
            f"and communication bar; the arrow shows the way to your target role.{halo_note}"
        )
    lead = v.kind == "no_close_fit" and not beyond
    if lead:
        # Nothing fits yet, so the way toward the nearest role leads the page.
        _render_path(profile, catalog, g, target_key, best)
    st.markdown("#### All roles, best fit first")
    _render_fits(v.fits)
    if not lead:
        _render_path(profile, catalog, g, target_key, best)
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
