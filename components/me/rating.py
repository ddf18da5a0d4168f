"""The three behaviour-anchored rating sliders."""

from __future__ import annotations

import streamlit as st

from components.catalogs import cached_levels
from components.choices import NotAnOption, drawn_choice, refuse, watch_slider
from components.lang import _, current_lang
from roles.caching import memoize
from roles.i18n import LANGS, Lang
from roles.levels import anchors_around, describe_level, looks_flat
from roles.models import AXES, Profile, axis_label

# The sliders' steps, 0 to 10 in halves (the workshop's and team members' sliders too).
STEPS = [i / 2 for i in range(21)]


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


def _on_slide(key: str, key_prefix: str, then=None) -> None:  # type: ignore[no-untyped-def]
    try:
        drawn_choice(key, STEPS)
    except NotAnOption as exc:
        # Not a step of the slider (a forged value): the slider goes back to where it was.
        held = st.session_state.get(_held_key(key_prefix), {})
        st.session_state[key] = held.get(key.removeprefix(key_prefix), 5.0)
        refuse(exc)
        return
    mark_touched(key_prefix)
    if then is not None:
        then()


def level_label(axis: str, value: float, lang: Lang | None = None) -> str:
    """The short caption of a score: the title of the level reached ('6.5 · Models people use')."""
    below, _next = anchors_around(cached_levels(lang), axis, value)
    return f"{value:g} · {below.title}"


@memoize(maxsize=len(AXES) * len(LANGS))
def _level_labels(axis: str, lang: Lang) -> dict[float, str]:
    return {value: level_label(axis, value, lang) for value in STEPS}


def level_labels(axis: str) -> dict[float, str]:
    """Every step's caption for one measure in the page's language, made once per language: a
    slider asks for each on every run."""
    return _level_labels(axis, current_lang())


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
        # A select slider over the half steps, so the value a screen reader announces (and
        # the label over the thumb) is the level reached, "5 · First real model", as on Join.
        labels = level_labels(axis)
        value = st.select_slider(
            axis_label(axis, levels.lang),
            options=STEPS,
            format_func=labels.__getitem__,
            key=key,
            on_change=_on_slide,
            args=(key, key_prefix, on_change),
        )
        watch_slider(key, STEPS, labels.__getitem__)
        values[axis] = float(value)
        note = (notes or {}).get(axis)
        st.caption(describe_level(levels, axis, values[axis]) + (f" *{note}*" if note else ""))
    profile = Profile(**values)
    st.session_state[_held_key(key_prefix)] = values
    if looks_flat(profile) and st.session_state.get(_touched_key(key_prefix)):
        st.info(
            _(
                "All three scores are the same, so the ranking says little about you. Read the "
                "level descriptions and move each slider to what you have actually done."
            ),
            icon=":material/balance:",
        )
    return profile
