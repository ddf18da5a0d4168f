"""The interactive part of the Me page: rating, result, share link and download."""

from __future__ import annotations

import streamlit as st

from components.me import answered
from components.me import questionnaire_form as qf
from components.me.getting_the_job import render_getting_the_job
from components.me.people_like_you import render_people_like_you
from components.me.progress import held_points
from components.me.progress_path import path_traces
from components.me.progress_view import render_progress
from components.me.rating import held_profile, render_rating_sliders, slider_profile
from components.me.results import render_downloads, render_results
from components.me.share import render_share_link
from components.me.state import (
    MODE_KEY,
    PREFIX,
    QUESTIONS,
    SURVEY,
    TARGET_KEY,
    current_share,
    open_questionnaire,
    render_mode_choice,
    write_url,
)
from roles.models import Catalog


@st.fragment
def render_rating_and_result(catalog: Catalog) -> None:
    """Sliders (or questions) beside the map, then the ranked fits, the path and the link.

    A fragment: moving a slider reruns only this part, so the browser gets only its elements
    back (not the title, the intro or the navigation) and redraws the map sooner.
    """
    survey = st.session_state[MODE_KEY] == SURVEY
    # Sliders sit beside the map. The questionnaire takes the page's width instead (its
    # choices fit on one line), with the map under it: the map only moves once the answers
    # are used, which brings the sliders back beside it.
    rate, result = (st.container(), st.container()) if survey else st.columns([2, 3], gap="large")
    fit_line = rate.empty()
    # The result is drawn before the sliders (from their values in this run): the browser
    # handles a run's elements in order, so the map is redrawn sooner after each key press.
    profile = held_profile(PREFIX) if survey else slider_profile(PREFIX)
    evidence = answered.evidence(QUESTIONS, PREFIX)
    a = render_results(
        profile,
        catalog,
        target_key=TARGET_KEY,
        map_slot=result,
        fit_slot=fit_line,
        halo=answered.map_halo(QUESTIONS, PREFIX),
        evidence=evidence,
        offer=open_questionnaire,
        path=path_traces(held_points(), catalog.lang),
    )
    render_getting_the_job(profile, catalog, st.session_state[TARGET_KEY], best=a.best.role)
    with rate:
        render_mode_choice()
        if survey:
            qf.render_questionnaire(QUESTIONS, slider_prefix=PREFIX, mode_key=MODE_KEY)
        else:
            answered.render_questionnaire_summary(QUESTIONS)
            render_rating_sliders(PREFIX, notes=answered.measure_notes(QUESTIONS, PREFIX))
    if (answers := answered.survey_answers(QUESTIONS)) is not None:
        render_people_like_you(answers)
    state = current_share()
    write_url(state)
    render_share_link(state)
    render_downloads(profile, catalog, state.target, evidence)
    render_progress(state, evidence, catalog)
