"""The short questionnaire that fills the rating sliders."""

from __future__ import annotations

import streamlit as st

from components.catalogs import cached_questionnaire
from components.me.rating import held_profile, seed_scores
from components.style import focus_first_slider
from roles.models import AXES, AXIS_LABELS, Profile
from roles.questionnaire import NOT_YET, answer_options, score


def _apply_answers(key_prefix: str, slider_prefix: str, mode_key: str | None) -> None:
    """Form callback: score the answers and move the sliders (callbacks run before widgets)."""
    q = cached_questionnaire()
    answers = {
        i.id: st.session_state.get(f"{key_prefix}{i.id}")
        for i in q.items
        if st.session_state.get(f"{key_prefix}{i.id}") is not None
    }
    profile, unscored = score(q, answers)
    held = held_profile(slider_prefix).as_dict()
    # Sliders move in half steps; a measure with no answered item keeps its slider value.
    seed_scores(
        slider_prefix,
        Profile(
            **{
                a: held[a] if a in unscored else round(v * 2) / 2
                for a, v in profile.as_dict().items()
            }
        ),
    )
    skipped = len(q.items) - len(answers)
    st.session_state[f"{key_prefix}summary"] = (profile, unscored, skipped)
    st.session_state[f"{key_prefix}focus"] = True
    if mode_key:
        # Back to the sliders, so the person sees the scores the answers produced.
        st.session_state[mode_key] = "Quick rating"


def render_questionnaire(
    key_prefix: str, *, slider_prefix: str, mode_key: str | None = None
) -> None:
    """Questions grouped by measure; submitting fills the sliders with the computed scores."""
    q = cached_questionnaire()
    st.caption(
        "Answer from what you have actually done. Pick "
        f"“{NOT_YET}” when you have not had the opportunity: the item is then left out "
        "instead of counting against you."
    )
    with st.form(f"{key_prefix}form", border=False):
        for axis in AXES:
            st.markdown(f"**{AXIS_LABELS[axis]}**")
            for item in (i for i in q.items if i.axis == axis):
                st.radio(
                    item.text,
                    answer_options(q, item.id),
                    index=None,
                    horizontal=True,
                    key=f"{key_prefix}{item.id}",
                )
        st.form_submit_button(
            "Use these answers",
            type="primary",
            on_click=_apply_answers,
            args=(key_prefix, slider_prefix, mode_key),
        )


def render_questionnaire_summary(key_prefix: str) -> None:
    """What the last submitted answers produced, shown above the sliders."""
    summary = st.session_state.get(f"{key_prefix}summary")
    if st.session_state.pop(f"{key_prefix}focus", False):
        focus_first_slider()
    if summary:
        profile, unscored, skipped = summary
        st.success(
            f"Scores set: ML expertise {profile.ml:g}, software engineering {profile.swe:g}, "
            f"communication {profile.comm:g}. Fine-tune them on the sliders."
        )
        if unscored:
            names = ", ".join(AXIS_LABELS[a] for a in unscored)
            st.warning(f"No answered question for {names}: that slider was left as it was.")
        elif skipped:
            st.caption(f"{skipped} question(s) left out (unanswered or no chance yet).")
