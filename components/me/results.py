"""A person's result: the map with their bubble, best fit, ranked fits, target role and gaps."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

import plotly.graph_objects as go
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from components.catalogs import cached_catalog
from components.lang import _, current_lang
from components.map_text import person_summary
from components.me.evidence import evidence_markdown
from components.me.person_marks import arrow_annotation, halo_shape, person_trace
from components.me.result_text import (
    fit_line,
    fits_markdown,
    heading_lead,
    heading_notes,
    path_markdown,
)
from components.skills_map import (
    PLOT_CONFIG,
    SentAsIs,
    bubble_size,
    figure,
    map_spec,
)
from roles.gaps import Gaps, gaps
from roles.i18n import sentences
from roles.models import Catalog, Profile
from roles.questionnaire import Answers
from roles.report import match_report
from roles.verdict import Assessment, assess
from roles.verdict_text import headline

# Questionnaire answers behind the scores, and the measures none of them speaks to.
Evidence = tuple[Answers, tuple[str, ...]]

AUTO_TARGET = "__best__"
MAP_KEY = "me_map"
# Room beside the person's bubble for its "You" label, in pixels.
_LABEL_ROOM_PX = 14.0


def build_person_figure(
    profile: Profile,
    catalog: Catalog,
    target: Gaps | None,
    *,
    label: str | None = None,
    halo: tuple[float, float] | None = None,
) -> go.Figure:
    """The map with the person's bubble and, if they are outside the target, an arrow toward it.

    `halo` (ML, software engineering spread) draws the uncertainty of scores from few answers.
    """
    return figure(person_map_spec(profile, catalog, target, label=label, halo=halo))


def person_map_spec(
    profile: Profile,
    catalog: Catalog,
    target: Gaps | None,
    *,
    label: str | None = None,
    halo: tuple[float, float] | None = None,
    path: Sequence[dict[str, Any]] = (),
) -> dict[str, Any]:
    """`build_person_figure`'s spec, as the page sends it (see `SentAsIs`); `path` is the
    saved results' traces, drawn under the person's bubble."""
    arrows = []
    if target is not None and not target.inside:
        colour = catalog.role(target.role).colour
        arrows.append(arrow_annotation((profile.ml, profile.swe), target.nearest, colour=colour))
    shapes = [halo_shape(profile, *halo)] if halo else []
    # The bubble and its label (bottom right of it) stay uncovered by the role names.
    clear = (profile.ml, profile.swe, bubble_size(profile.comm) / 2 + _LABEL_ROOM_PX)
    return map_spec(
        catalog,
        traces=[*path, person_trace(profile, label=label or _("You"), lang=catalog.lang)],
        annotations=arrows,
        shapes=shapes,
        keep_clear=[clear],
    )


def render_headline(a: Assessment, catalog: Catalog) -> None:
    """The heading, said no more firmly than the evidence allows, with how sure it is and where
    the map puts the person (above the map: short, so the map stays in view)."""
    st.subheader(headline(a), anchor=False)
    st.caption(heading_lead(a, catalog))


def render_heading_notes(a: Assessment, catalog: Catalog, offer: Callable[[], None] | None) -> None:
    """What else the heading needs said (under the map): why the map and the survey differ,
    what is not measured yet, a nearly-as-close role, communication deciding, and the way to
    survey evidence while there is none."""
    notes = heading_notes(a)
    if notes:
        st.caption(notes)
    if a.comm_decides is not None:
        st.info(
            _(
                "Communication decided this: {tip}. Check that rating against its level "
                "descriptions.",
                tip=a.comm_decides.phrase(),
            ),
            icon=":material/record_voice_over:",
        )
    if a.kind == "no_evidence" and offer is not None:
        st.button(
            _("Answer the questionnaire to see how sure this is"),
            on_click=offer,
            icon=":material/quiz:",
            key="me_offer_questionnaire",
        )


def _target_id(catalog: Catalog, best: str, target_key: str) -> str:
    """The role id the target box means, reset to the best fit if it left the catalog (the
    other chart edition lacks it): the page then says so, until another target is chosen."""
    options = [AUTO_TARGET, *catalog.role_ids]
    chosen = st.session_state.get(target_key)
    missing_key = f"{target_key}_missing"
    if chosen not in options:
        if isinstance(chosen, str) and chosen != AUTO_TARGET:
            st.session_state[missing_key] = chosen
        st.session_state[target_key] = AUTO_TARGET
    missing = st.session_state.get(missing_key)
    if st.session_state[target_key] != AUTO_TARGET or missing in options:
        st.session_state.pop(missing_key, None)  # chosen again, or back in this edition
    elif isinstance(missing, str):
        _say_missing(catalog, missing)
    chosen = str(st.session_state[target_key])
    return best if chosen == AUTO_TARGET else chosen


def _say_missing(catalog: Catalog, role_id: str) -> None:
    """The chart edition on show has no such role: say so, naming it from the edition that has."""
    names = {r.id: r.name for c in ("2021", "2022") for r in cached_catalog(c).roles}
    if role_id in names:  # a known role (an unknown id was already refused with a warning)
        st.info(
            _(
                "This chart edition has no {role}: the steps below follow your best fit "
                "instead. Switch the edition back to see them for {role}.",
                role=names[role_id],
            ),
            icon=":material/info:",
        )


def _render_path(
    profile: Profile, catalog: Catalog, g: Gaps, target_key: str, answers: Answers
) -> None:
    best = _("Best fit (follows your scores)")
    st.selectbox(
        _("Target role"),
        [AUTO_TARGET, *catalog.role_ids],
        key=target_key,
        # The label does not name the best fit: it changes with every slider move, and a stale
        # name in the closed box read as a different target.
        format_func=lambda rid: best if rid == AUTO_TARGET else catalog.role(rid).name,
        width=360,
    )
    st.markdown(path_markdown(profile, g) + "\n\n" + evidence_markdown(answers, g.role))


def render_results(
    profile: Profile,
    catalog: Catalog,
    *,
    target_key: str,
    map_slot: DeltaGenerator | None = None,
    fit_slot: DeltaGenerator | None = None,
    halo: tuple[float, float] | None = None,
    evidence: Evidence | None = None,
    offer: Callable[[], None] | None = None,
    path: Sequence[dict[str, Any]] = (),
) -> Assessment:
    """Draw the whole result; returns the assessment the heading states.

    `map_slot` is where the map and the heading go (beside the sliders on the Me page);
    `fit_slot` (an `st.empty`) takes the compact heading line. Without them the map opens the
    result. `halo` is the uncertainty drawn around the person; `evidence` the questionnaire
    answers and the measures none of them speaks to (the answers also decide which of the
    survey's evidence under the path the person did not pick yet).
    """
    answers, unmeasured = evidence if evidence is not None else ({}, ())
    a = assess(answers, catalog, profile=profile, unmeasured=unmeasured)
    target_id = _target_id(catalog, a.best.role, target_key)
    g = gaps(profile, catalog, target_id)
    with map_slot if map_slot is not None else st.container():
        # The heading's place comes first, its text after the map: the browser then draws the
        # map before it, sooner after each key press.
        head = st.container()
        st.plotly_chart(
            SentAsIs(person_map_spec(profile, catalog, g, halo=halo, path=path)),
            key=MAP_KEY,
            height="stretch",
            theme=None,
            config=PLOT_CONFIG,
            alt=person_summary(profile, a.fits, catalog, g),
        )
        caption = _(
            "Your bubble's size is your communication score, and the arrow points toward your "
            "target role. Each role's region has its own colour, with a marker of its own shape "
            "at its centre; a dashed band continues a region in a direction the role is open to. "
            "To save the map as a PNG, use the camera button at its top right."
        )
        halo_note = _("The dotted halo shows how far your scores may be off.") if halo else ""
        st.caption(sentences(current_lang(), caption, halo_note))
        render_heading_notes(a, catalog, offer)
        with head:
            render_headline(a, catalog)
    if fit_slot is not None:
        fit_slot.html(fit_line(a))
    best = gaps(profile, catalog, a.best.role)
    lead = not best.inside and not best.only_past
    if lead:
        # The map's nearest region is still some way off, so the way toward it leads the page.
        _render_path(profile, catalog, g, target_key, answers)
    st.markdown(_("### Every role on the map, best fit first") + "\n\n" + fits_markdown(a.fits))
    if not lead:
        _render_path(profile, catalog, g, target_key, answers)
    return a


def result_json(
    profile: Profile, catalog: Catalog, target: str | None, evidence: Evidence | None
) -> str:
    """The download: the heading (kind, roles, confidence), the answers, People like you, every
    fit and the path toward the target."""
    answers, unmeasured = evidence if evidence is not None else ({}, ())
    report = match_report(profile, catalog, target, answers=answers, unmeasured=unmeasured)
    return json.dumps(report, indent=2, ensure_ascii=False)


def render_downloads(
    profile: Profile, catalog: Catalog, target: str | None, evidence: Evidence | None = None
) -> None:
    """The result as JSON, with the heading, the answers, People like you, the target role and
    its learning steps (the map's PNG comes from the chart's own camera button)."""
    # A callable defers building the report to the click instead of every rerun.
    st.download_button(
        _("Download result (JSON)"),
        lambda: result_json(profile, catalog, target, evidence),
        file_name="ml-skills-map-result.json",
        mime="application/json",
    )
