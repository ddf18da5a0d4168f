"""A person's result: the map with their bubble, best fit, ranked fits, target role and gaps."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import plotly.graph_objects as go
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from components.lang import _, current_lang
from components.map_text import person_summary
from components.me.evidence import evidence_markdown
from components.me.person_marks import arrow_annotation, halo_shape, person_trace
from components.me.result_text import fit_line, fits_markdown, headline_note, path_markdown
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
from roles.report import match_report
from roles.verdict import Verdict, verdict

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
) -> dict[str, Any]:
    """`build_person_figure`'s spec, as the page sends it (see `SentAsIs`)."""
    arrows = []
    if target is not None and not target.inside:
        colour = catalog.role(target.role).colour
        arrows.append(arrow_annotation((profile.ml, profile.swe), target.nearest, colour=colour))
    shapes = [halo_shape(profile, *halo)] if halo else []
    # The bubble and its label (bottom right of it) stay uncovered by the role names.
    clear = (profile.ml, profile.swe, bubble_size(profile.comm) / 2 + _LABEL_ROOM_PX)
    return map_spec(
        catalog,
        traces=[person_trace(profile, label=label or _("You"), lang=catalog.lang)],
        annotations=arrows,
        shapes=shapes,
        keep_clear=[clear],
    )


def render_headline(v: Verdict, *, beyond: bool = False) -> None:
    """The best fit, said no more firmly than the numbers allow.

    `beyond`: the person is past the nearest region on every measure (nothing to learn toward it).
    """
    st.subheader(v.headline, anchor=False)
    st.caption(headline_note(v, beyond=beyond))
    if v.comm_decides is not None:
        st.info(
            _(
                "Communication decided this: {tip}. Check that rating against its level "
                "descriptions.",
                tip=v.comm_decides.phrase(),
            ),
            icon=":material/record_voice_over:",
        )


def _target_id(catalog: Catalog, best: str, target_key: str) -> tuple[str, str]:
    """(what the selectbox holds, the role id it means), reset if the role left the catalog."""
    options = [AUTO_TARGET, *catalog.role_ids]
    if st.session_state.get(target_key) not in options:
        st.session_state[target_key] = AUTO_TARGET
    chosen = str(st.session_state[target_key])
    return chosen, best if chosen == AUTO_TARGET else chosen


def _render_path(
    profile: Profile,
    catalog: Catalog,
    g: Gaps,
    target_key: str,
    answers: Mapping[str, Any] | None = None,
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
    answers: Mapping[str, Any] | None = None,
) -> str | None:
    """Draw the whole result; returns the target role id the person chose (None = best fit).

    `map_slot` is where the map and the best fit go (beside the sliders on the Me page);
    `fit_slot` (an `st.empty`) takes the compact best-fit line. Without them the map opens the
    result. `halo` is the uncertainty drawn around the person; `answers` (the questionnaire's)
    decide which of the survey's evidence under the path the person did not pick yet.
    """
    v = verdict(profile, catalog)
    chosen, target_id = _target_id(catalog, v.best.role, target_key)
    g = gaps(profile, catalog, target_id)
    beyond = v.kind == "no_close_fit" and gaps(profile, catalog, v.best.role).only_above
    with map_slot if map_slot is not None else st.container():
        # The headline's place comes first, its text after the map: the browser then draws the
        # map before it, sooner after each key press.
        head = st.container()
        st.plotly_chart(
            SentAsIs(person_map_spec(profile, catalog, g, halo=halo)),
            key=MAP_KEY,
            height="stretch",
            theme=None,
            config=PLOT_CONFIG,
            alt=person_summary(profile, v.fits, catalog, g),
        )
        caption = _(
            "Your bubble's size is your communication score, and the arrow points toward your "
            "target role. Each role's region has its own colour, with a marker of its own shape "
            "at its centre. To save the map as a PNG, use the camera button at its top right."
        )
        halo_note = _("The dotted halo shows how far your scores may be off.") if halo else ""
        st.caption(sentences(current_lang(), caption, halo_note))
        with head:
            render_headline(v, beyond=beyond)
    if fit_slot is not None:
        fit_slot.html(fit_line(v))
    lead = v.kind == "no_close_fit" and not beyond
    if lead:
        # Nothing fits yet, so the way toward the nearest role leads the page.
        _render_path(profile, catalog, g, target_key, answers)
    st.markdown(_("### All roles, best fit first") + "\n\n" + fits_markdown(v.fits))
    if not lead:
        _render_path(profile, catalog, g, target_key, answers)
    return None if chosen == AUTO_TARGET else chosen


def render_downloads(
    profile: Profile,
    catalog: Catalog,
    target: str | None,
    answers: Mapping[str, Any] | None = None,
) -> None:
    """The result as JSON, with the target role, its learning steps and the survey's evidence
    (the map's PNG comes from the chart's own camera button)."""
    # A callable defers building the report to the click instead of every rerun.
    st.download_button(
        _("Download result (JSON)"),
        lambda: json.dumps(
            match_report(profile, catalog, target, answers=answers), indent=2, ensure_ascii=False
        ),
        file_name="ml-skills-map-result.json",
        mime="application/json",
    )
