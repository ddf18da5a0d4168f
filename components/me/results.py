"""A person's result: the map with their bubble, best fit, ranked fits, target role and gaps."""

from __future__ import annotations

import html
import json
from typing import Any

import plotly.graph_objects as go
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from components.lang import _, current_lang
from components.map_text import person_summary
from components.me.person_marks import arrow_annotation, halo_shape, person_trace
from components.skills_map import (
    PLOT_CONFIG,
    SentAsIs,
    bubble_size,
    figure,
    map_spec,
)
from roles.gaps import SCORE_STEP, Gaps, gaps
from roles.i18n import sentences
from roles.match import RoleFit
from roles.models import AXES, Catalog, Profile, axis_label
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


def headline_note(v: Verdict, *, beyond: bool) -> str:
    """The line under the heading: why the answer is as firm (or not) as it is."""
    second = v.runner_up
    if v.kind == "no_close_fit" and beyond:
        return _(
            "Your scores go beyond the typical profile of every role, so none fits closely; "
            "{role} is the nearest, and there is nothing to learn toward it on these measures. "
            "Check your ratings against the level descriptions.",
            role=v.best.name,
        )
    if v.kind == "no_close_fit":
        return _(
            "Even the nearest role's region is some way off (fit {fit:.0f} of 100; 80 is its "
            "edge). The path toward {role} below shows what would bring you there.",
            fit=v.best.fit,
            role=v.best.name,
        )
    if v.close and second is not None:
        both = _(
            "The two fit almost equally ({first} {first_fit:.0f}, {second} {second_fit:.0f}).",
            first=v.best.name,
            first_fit=v.best.fit,
            second=second.name,
            second_fit=second.fit,
        )
        return sentences(current_lang(), both, tip_sentence(v.tip.phrase()) if v.tip else "")
    return v.best.reason


def tip_sentence(phrase: str) -> str:
    """A tip as a sentence of its own ('1 point more ... would make it X.')."""
    end = "。" if current_lang() == "zh" else "."
    return phrase[:1].upper() + phrase[1:] + end


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


def fit_line(v: Verdict) -> str:
    """The compact best-fit line that stays in view beside the sliders on a phone, as HTML (its
    class lets the stylesheet make it sticky; raw HTML in st.markdown would load a 190 kB
    parser in the browser)."""
    fit = html.escape(_("(fit {fit:.0f})", fit=v.best.fit))
    return f'<p class="sm-fit-line"><strong>{html.escape(v.headline)}</strong> {fit}</p>'


def fits_markdown(fits: list[RoleFit]) -> str:
    """The ranked fits as a Markdown table whose reasons wrap instead of being cut off."""
    rows = [
        f"| {i} | {_cell(f.name)} | {f.fit:.0f} | {_cell(f.reason)} |"
        for i, f in enumerate(fits, 1)
    ]
    head = "| # | {} | {} | {} |".format(_("Role"), _("Fit (0-100)"), _("Why"))
    return "\n".join([head, "|---:|---|---:|---|", *rows])


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def gap_lines(profile: Profile, g: Gaps) -> dict[str, str]:
    """Per measure, one sentence: the gap in whole slider steps, within reach, or no gap."""
    current = profile.as_dict()
    lines = {}
    for axis in AXES:
        short, label = g.shortfall[axis], axis_label(axis, current_lang())
        if short:
            lines[axis] = _(
                "**{measure}: +{gap:g}**, from {now:g} to {then:g}.",
                measure=label,
                gap=short,
                now=current[axis],
                then=current[axis] + short,
            )
        elif axis in g.within_reach:
            lines[axis] = _(
                "**{measure}: within reach.** Less than one slider step ({step:g}) short; "
                "nothing to learn for this.",
                measure=label,
                step=SCORE_STEP,
            )
        elif axis in g.above:
            lines[axis] = _(
                "**{measure}: no gap.** You are {above:.1f} above what the role typically uses. "
                "That lowers your fit for it, but it is not something to close.",
                measure=label,
                above=g.above[axis],
            )
        else:
            lines[axis] = _("**{measure}: no gap.**", measure=label)
    return lines


def gaps_markdown(profile: Profile, g: Gaps) -> str:
    """The path toward the target as one Markdown list: each measure, then its learning steps."""
    lines = gap_lines(profile, g)
    parts = []
    for axis in AXES:
        steps = g.steps.get(axis, [])
        parts.append(f"- {lines[axis]}" + (_(" Next steps:") if steps else ""))
        parts += [f"    {i}. {s}" for i, s in enumerate(steps, 1)]
    return "\n".join(parts)


def path_markdown(profile: Profile, g: Gaps) -> str:
    """The section on the way to the target: heading, a one-line verdict when there is no gap,
    then each measure with its learning steps (one element: each costs the browser a render)."""
    parts = [_("### Your path toward {role}", role=g.name)]
    if g.total == 0 and g.within_reach:
        parts.append(
            _("**You are within one slider step of {role} on every measure.**", role=g.name)
        )
    elif g.total == 0 and g.inside:
        parts.append(
            _(
                "**You are already inside the region of {role} and meet its communication bar.**",
                role=g.name,
            )
        )
    elif g.total == 0:
        parts.append(
            _(
                "**You are already past the region on the axes that matter of {role} and meet "
                "its communication bar.**",
                role=g.name,
            )
        )
    return "\n\n".join([*parts, gaps_markdown(profile, g)])


def _target_id(catalog: Catalog, best: str, target_key: str) -> tuple[str, str]:
    """(what the selectbox holds, the role id it means), reset if the role left the catalog."""
    options = [AUTO_TARGET, *catalog.role_ids]
    if st.session_state.get(target_key) not in options:
        st.session_state[target_key] = AUTO_TARGET
    chosen = str(st.session_state[target_key])
    return chosen, best if chosen == AUTO_TARGET else chosen


def _render_path(profile: Profile, catalog: Catalog, g: Gaps, target_key: str) -> None:
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
    st.markdown(path_markdown(profile, g))


def render_results(
    profile: Profile,
    catalog: Catalog,
    *,
    target_key: str,
    map_slot: DeltaGenerator | None = None,
    fit_slot: DeltaGenerator | None = None,
    halo: tuple[float, float] | None = None,
) -> str | None:
    """Draw the whole result; returns the target role id the person chose (None = best fit).

    `map_slot` is where the map and the best fit go (beside the sliders on the Me page);
    `fit_slot` (an `st.empty`) takes the compact best-fit line. Without them the map opens the
    result. `halo` is the uncertainty drawn around the person.
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
        _render_path(profile, catalog, g, target_key)
    st.markdown(_("### All roles, best fit first") + "\n\n" + fits_markdown(v.fits))
    if not lead:
        _render_path(profile, catalog, g, target_key)
    return None if chosen == AUTO_TARGET else chosen


def render_downloads(profile: Profile, catalog: Catalog, target: str | None) -> None:
    """The result as JSON, with the target role and its learning steps (the map's PNG comes
    from the chart's own camera button)."""
    # A callable defers building the report to the click instead of every rerun.
    st.download_button(
        _("Download result (JSON)"),
        lambda: json.dumps(match_report(profile, catalog, target), indent=2, ensure_ascii=False),
        file_name="ml-skills-map-result.json",
        mime="application/json",
    )
