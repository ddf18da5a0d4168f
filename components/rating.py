"""The three behaviour-anchored rating sliders."""

from __future__ import annotations

import streamlit as st

from components.catalogs import cached_levels
from roles.levels import describe_level, looks_flat
from roles.models import AXES, AXIS_LABELS, Profile

_HELP = {
    "ml": "How much hands-on ML you have done, judged by what you have built and shipped.",
    "swe": "Production engineering practice: tests, review, deployment, monitoring, design.",
    "comm": "Technical writing and communication: documents, talks, persuading others.",
}


def render_rating_sliders(key_prefix: str, *, on_change=None) -> Profile:  # type: ignore[no-untyped-def]
    """Draw the sliders (keys `{prefix}ml`, `{prefix}swe`, `{prefix}comm`); return the profile."""
    levels = cached_levels()
    values: dict[str, float] = {}
    for axis in AXES:
        key = f"{key_prefix}{axis}"
        value = st.slider(
            AXIS_LABELS[axis],
            min_value=0.0,
            max_value=10.0,
            step=0.5,
            format="%.1f",
            key=key,
            help=_HELP[axis],
            on_change=on_change,
        )
        values[axis] = float(value)
        st.caption(describe_level(levels, axis, values[axis]))
    profile = Profile(**values)
    if looks_flat(profile):
        st.info(
            "All three scores are the same, so the ranking says little about you. "
            "Read the level descriptions and move each slider to what you have actually done.",
            icon=":material/balance:",
        )
    return profile
