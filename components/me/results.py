"""A person's result: the map with their bubble, best fit, ranked fits, target role and gaps."""

from __future__ import annotations

import html
import json

import plotly.graph_objects as go
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from components.map_text import person_summary
from components.skills_map import PLOT_CONFIG, arrow_annotation, map_figure, person_trace
from roles.gaps import SCORE_STEP, Gaps, gaps
from roles.match import RoleFit, match
from roles.models import AXES, AXIS_LABELS, Catalog, Profile
from roles.report import match_report

AUTO_TARGET = "__best__"
MAP_KEY = "me_map"


def build_person_figure(
    profile: Profile, catalog: Catalog, target: Gaps | None, *, label: str = "You"
) -> go.Figure:
    """The map with the person's bubble and, if they are outside the target, an arrow toward it."""
    arrows = []
    if target is not None and not target.inside:
        colour = catalog.role(target.role).colour
        arrows.append(arrow_annotation((profile.ml, profile.swe), target.nearest, colour=colour))
    return map_figure(catalog, traces=[person_trace(profile, label=label)], annotations=arrows)


def headline(fits: list[RoleFit]) -> str:
    """The one-line answer: which role fits best."""
    return f"Best fit: {fits[0].name}"


def render_headline(fits: list[RoleFit]) -> None:
    """The best fit as a heading, with the reason beneath."""
    st.subheader(headline(fits), anchor=False)
    st.caption(fits[0].reason)


def fit_line(fits: list[RoleFit]) -> str:
    """The compact best-fit line that stays in view beside the sliders on a phone, as HTML (its
    class lets the stylesheet make it sticky; raw HTML in st.markdown would load a 190 kB
    parser in the browser)."""
    return (
        f'<p class="sm-fit-line"><strong>{html.escape(headline(fits))}</strong> '
        f"(fit {fits[0].fit:.0f})</p>"
    )


def fits_markdown(fits: list[RoleFit]) -> str:
    """The ranked fits as a Markdown table whose reasons wrap instead of being cut off."""
    rows = [
        f"| {i} | {_cell(f.name)} | {f.fit:.0f} | {_cell(f.reason)} |"
        for i, f in enumerate(fits, 1)
    ]
    return "\n".join(["| # | Role | Fit (0-100) | Why |", "|---:|---|---:|---|", *rows])


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def gap_lines(profile: Profile, g: Gaps) -> dict[str, str]:
    """Per measure, one sentence: the gap in whole slider steps, within reach, or no gap."""
    current = profile.as_dict()
    lines = {}
    for axis in AXES:
        short, label = g.shortfall[axis], AXIS_LABELS[axis]
        if short:
            lines[axis] = (
                f"**{label}: +{short:g}**, from {current[axis]:g} to {current[axis] + short:g}."
            )
        elif axis in g.within_reach:
            lines[axis] = (
                f"**{label}: within reach.** Less than one slider step ({SCORE_STEP:g}) short; "
                "nothing to learn for this."
            )
        elif axis in g.above:
            lines[axis] = (
                f"**{label}: no gap.** You are {g.above[axis]:.1f} above what the role typically "
                "uses. That lowers your fit for it, but it is not something to close."
            )
        else:
            lines[axis] = f"**{label}: no gap.**"
    return lines


def gaps_markdown(profile: Profile, g: Gaps) -> str:
    """The path toward the target as one Markdown list: each measure, then its learning steps."""
    lines = gap_lines(profile, g)
    parts = []
    for axis in AXES:
        steps = g.steps.get(axis, [])
        parts.append(f"- {lines[axis]}" + (" Next steps:" if steps else ""))
        parts += [f"    {i}. {s}" for i, s in enumerate(steps, 1)]
    return "\n".join(parts)


def path_markdown(profile: Profile, g: Gaps) -> str:
    """The section on the way to the target: heading, a one-line verdict when there is no gap,
    then each measure with its learning steps (one element: each costs the browser a render)."""
    parts = [f"### Your path toward {g.name}"]
    if g.total == 0 and g.within_reach:
        parts.append(f"**You are within one slider step of {g.name} on every measure.**")
    elif g.total == 0:
        where = "inside the region" if g.inside else "past the region on the axes that matter"
        parts.append(f"**You are already {where} of {g.name} and meet its communication bar.**")
    return "\n\n".join([*parts, gaps_markdown(profile, g)])


def _target_id(catalog: Catalog, best: RoleFit, target_key: str) -> tuple[str, str]:
    """(what the selectbox holds, the role id it means), reset if the role left the catalog."""
    options = [AUTO_TARGET, *catalog.role_ids]
    if st.session_state.get(target_key) not in options:
        st.session_state[target_key] = AUTO_TARGET
    chosen = str(st.session_state[target_key])
    return chosen, best.role if chosen == AUTO_TARGET else chosen


def render_results(
    profile: Profile,
    catalog: Catalog,
    *,
    target_key: str,
    map_slot: DeltaGenerator | None = None,
    fit_slot: DeltaGenerator | None = None,
) -> str | None:
    """Draw the whole result; returns the target role id the person chose (None = best fit).

    `map_slot` is where the map and the best fit go (beside the sliders on the Me page);
    `fit_slot` (an `st.empty`) takes the compact best-fit line. Without them the map opens the
    result.
    """
    fits = match(profile, catalog)
    best = fits[0]
    chosen, target_id = _target_id(catalog, best, target_key)
    g = gaps(profile, catalog, target_id)
    with map_slot if map_slot is not None else st.container():
        # The headline's place comes first, its text after the map: the browser then draws the
        # map before it, sooner after each key press.
        head = st.container()
        st.plotly_chart(
            build_person_figure(profile, catalog, g),
            key=MAP_KEY,
            height="stretch",
            theme=None,
            config=PLOT_CONFIG,
            alt=person_summary(profile, fits, catalog, g),
        )
        st.caption(
            "Your bubble's size is your communication score, and the arrow points toward your "
            "target role. Each role's region has its own colour, with a marker of its own shape "
            "at its centre. To save the map as a PNG, use the camera button at its top right."
        )
        with head:
            render_headline(fits)
    if fit_slot is not None:
        fit_slot.html(fit_line(fits))
    st.markdown("### All roles, best fit first\n\n" + fits_markdown(fits))
    st.selectbox(
        "Target role",
        [AUTO_TARGET, *catalog.role_ids],
        key=target_key,
        format_func=lambda rid: (
            f"Best fit ({best.name})" if rid == AUTO_TARGET else catalog.role(rid).name
        ),
        width=360,
    )
    st.markdown(path_markdown(profile, g))
    return None if chosen == AUTO_TARGET else chosen


def render_downloads(profile: Profile, catalog: Catalog, target: str | None) -> None:
    """The result as JSON, with the target role and its learning steps (the map's PNG comes
    from the chart's own camera button)."""
    # A callable defers building the report to the click instead of every rerun.
    st.download_button(
        "Download result (JSON)",
        lambda: json.dumps(match_report(profile, catalog, target), indent=2, ensure_ascii=False),
        file_name="ml-skills-map-result.json",
        mime="application/json",
    )
