"""Session state of the Me page: defaults in one place, seeded from and written back to the URL."""

from __future__ import annotations

import streamlit as st

from components.catalogs import cached_questionnaire, role_ids_by_catalog
from components.lang import _, with_lang
from components.me.answered import applied_answers, restore_answers
from components.me.rating import held_profile, seed_scores
from components.me.results import AUTO_TARGET
from roles.answer_link import answers_only
from roles.i18n import N_, Msg
from roles.models import Profile
from roles.share import ShareState, encode_share, parse_share

PREFIX = "me_"
QUESTIONS = "me_q_"  # key prefix of the questionnaire's widgets
TARGET_KEY = "me_target"
CATALOG_KEY = "me_catalog"
MODE_KEY = "me_mode"
QUICK, SURVEY = "Quick rating", "Questionnaire"  # ids of the two modes, shown translated
_MODES = {QUICK: N_("Quick rating"), SURVEY: N_("Questionnaire")}
_SEEDED = "me_seeded"


def init_me_state() -> list[Msg]:
    """Seed the widgets from the URL once per session; returns warnings about bad URL values."""
    if st.session_state.get(_SEEDED):
        return []
    params = st.query_params.to_dict()
    state, warnings = parse_share(
        params, role_ids_by_catalog(), questionnaire=cached_questionnaire()
    )
    # Scores in a shared link were set by someone: the "all the same" note may apply to them.
    from_link = any(k in params for k in ("ml", "swe", "comm"))
    seed_scores(PREFIX, Profile(ml=state.ml, swe=state.swe, comm=state.comm), touched=from_link)
    if state.answers:
        restore_answers(QUESTIONS, PREFIX, state.answers)
    st.session_state[TARGET_KEY] = state.target or AUTO_TARGET
    st.session_state[CATALOG_KEY] = state.catalog
    st.session_state[MODE_KEY] = QUICK
    st.session_state[_SEEDED] = True
    return warnings


def current_share() -> ShareState:
    """What the page shows now, as shareable state (the answers too, so a link restores People
    like you, the halo and what each score rests on)."""
    target = st.session_state.get(TARGET_KEY)
    scores = held_profile(PREFIX)
    applied = applied_answers(QUESTIONS)
    return ShareState(
        ml=scores.ml,
        swe=scores.swe,
        comm=scores.comm,
        target=None if target in (None, AUTO_TARGET) else target,
        catalog=st.session_state[CATALOG_KEY],
        answers=answers_only(applied.answers) or None if applied else None,
    )


def open_questionnaire() -> None:
    """Button callback: switch to the questionnaire."""
    st.session_state[MODE_KEY] = SURVEY


def write_url(state: ShareState) -> None:
    """Mirror the state into the URL so the address bar is always a shareable link."""
    wanted = with_lang(encode_share(state, cached_questionnaire()))
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


def render_mode_choice() -> str:
    """Quick rating (sliders) or the questionnaire."""
    return str(
        st.radio(
            _("Rate yourself with"),
            [QUICK, SURVEY],
            format_func={k: _(v) for k, v in _MODES.items()}.__getitem__,
            key=MODE_KEY,
            horizontal=True,
        )
    )


def render_catalog_choice() -> None:
    """The chart edition, in the sidebar."""
    with st.sidebar:
        st.radio(
            _("Chart edition"),
            ["2021", "2022"],
            key=CATALOG_KEY,
            horizontal=True,
            help=_(
                "The lecture's 2021 chart has six roles; the 2022 chart drops the data engineer."
            ),
        )
