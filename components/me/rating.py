"""The three behaviour-anchored rating sliders."""

from __future__ import annotations

import streamlit as st

from components.catalogs import cached_levels
from roles.levels import describe_level, looks_flat
from roles.models import AXES, AXIS_LABELS, Profile


def _held_key(key_prefix: str) -> str:
    return f"{key_prefix}held"


def _touched_key(key_prefix: str) -> str:
    return f"{key_prefix}touched"


def mark_touched(key_prefix: str) -> None:
    """Remember that the person set their scores (a slider, the questionnaire or a shared link)."""
    st.session_state[_touched_key(key_prefix)] = True


def seed_scores(key_prefix: str, profile: Profile, *, touched: bool = True) -> None:
    """Set the sliders' values; call before they are drawn in a run, or from a callback."""
    if touched:
        mark_touched(key_prefix)
    st.session_state[_held_key(key_prefix)] = profile.as_dict()
    for axis, value in profile.as_dict().items():
        st.session_state[f"{key_prefix}{axis}"] = value


def held_profile(key_prefix: str) -> Profile:
    """The last scores the sliders held, also in runs where they are not drawn."""
    return Profile(**st.session_state[_held_key(key_prefix)])


def slider_profile(key_prefix: str) -> Profile:
    """The scores the sliders hold in this run, before they are drawn.

    A page can then draw the result (the map) before the sliders: the browser handles the
    run's elements in order, so the map is redrawn sooner after a key press.
    """
    held = st.session_state.get(_held_key(key_prefix), {})
    for axis in AXES:
        key = f"{key_prefix}{axis}"
        if key not in st.session_state and axis in held:
            # Streamlit drops a widget's state in runs where it is not drawn (questionnaire
            # shown); restore it from the held copy. Only missing keys are written: assigning
            # a live slider would push a stale value back to a browser that has moved on.
            st.session_state[key] = held[axis]
    return Profile(**{a: float(st.session_state[f"{key_prefix}{a}"]) for a in AXES})


def _on_slide(key_prefix: str, then=None) -> None:  # type: ignore[no-untyped-def]
    mark_touched(key_prefix)
    if then is not None:
        then()


def render_rating_sliders(  # type: ignore[no-untyped-def]
    key_prefix: str, *, on_change=None, notes: dict[str, str] | None = None
) -> Profile:
    """Draw the sliders (keys `{prefix}ml`, `{prefix}swe`, `{prefix}comm`); return the profile.

    `notes` adds a line under a slider, e.g. how many answers its score rests on.
    """
    levels = cached_levels()
    slider_profile(key_prefix)
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
            on_change=_on_slide,
            args=(key_prefix, on_change),
        )
        values[axis] = float(value)
        note = (notes or {}).get(axis)
        st.caption(describe_level(levels, axis, values[axis]) + (f" *{note}*" if note else ""))
    profile = Profile(**values)
    st.session_state[_held_key(key_prefix)] = values
    if looks_flat(profile) and st.session_state.get(_touched_key(key_prefix)):
        st.info(
            "All three scores are the same, so the ranking says little about you. "
            "Read the level descriptions and move each slider to what you have actually done.",
            icon=":material/balance:",
        )
    return profile
