"""What the Me result says in words: the heading's note, the compact heading line, the ranked
fits and the path toward a target, as Markdown (or HTML) built from the domain's assessment and
gaps (`roles.verdict_text` holds the words the CLI shares).

Plain functions of their inputs and the page's language, so tests read them without a page.
"""

from __future__ import annotations

import html

from components.lang import _, current_lang
from roles.gaps import SCORE_STEP, Gaps
from roles.i18n import listing, sentences
from roles.match import RoleFit
from roles.models import AXES, Catalog, Profile, axis_label
from roles.verdict import Assessment
from roles.verdict_text import (
    chance_sentence,
    chance_words,
    disagreement,
    headline,
    map_sentence,
    tip_sentence,
    unmeasured_sentence,
)


def heading_lead(a: Assessment, catalog: Catalog) -> str:
    """Under the heading: how sure it is and where the map puts you (the CLI's words)."""
    return sentences(current_lang(), chance_sentence(a), map_sentence(a, catalog))


def heading_notes(a: Assessment) -> str:
    """After the map: why the map and the survey differ, what is not measured yet, and a role
    nearly as close (the same words as the CLI's)."""
    lines = [disagreement(a), unmeasured_sentence(a)]
    if a.tip is not None:
        lines.append(
            _(
                "{role} is nearly as close. {tip}",
                role=a.tip.name,
                tip=tip_sentence(a.tip.phrase(), current_lang()),
            )
        )
    return sentences(current_lang(), *lines)


def headline_note(a: Assessment, catalog: Catalog) -> str:
    """Everything said around the heading, lead and notes (what one screen states about it)."""
    return "\n\n".join(p for p in (heading_lead(a, catalog), heading_notes(a)) if p)


def fit_line(a: Assessment) -> str:
    """The compact heading line that stays in view beside the sliders on a phone, as HTML (its
    class lets the stylesheet make it sticky; raw HTML in st.markdown would load a 190 kB
    parser in the browser)."""
    if a.confidence is None:
        note = _("(fit {fit:.0f})", fit=a.best.fit)
    else:
        note = _("({chance})", chance=chance_words(a))
    return (
        f'<p class="sm-fit-line"><strong>{html.escape(headline(a))}</strong> '
        f"{html.escape(note)}</p>"
    )


def fits_markdown(fits: list[RoleFit]) -> str:
    """The ranked fits as a Markdown table whose reasons wrap instead of being cut off."""
    rows = [
        f"| {i} | {_cell(f.name)} | {f.fit:.0f} | {_cell(f.reason)} |"
        for i, f in enumerate(fits, 1)
    ]
    head = "| # | {} | {} | {} |".format(_("Role"), _("Fit on the map (0-100)"), _("Why"))
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
        elif axis in g.past:
            lines[axis] = _(
                "**{measure}: no gap.** You are {past:.1f} past the region: more than the role "
                "uses. That lowers your fit for it, but it is not something to close.",
                measure=label,
                past=g.past[axis],
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
    held_but_bar = g.total == 0 and g.inside and g.within_reach == ["comm"]
    if held_but_bar and g.place == "inside":
        # In the region and a part of a step under the bar: where the person stands leads.
        parts.append(
            _(
                "**You are already inside the region of {role}, within one slider step of its "
                "communication bar.**",
                role=g.name,
            )
        )
    elif held_but_bar:
        parts.append(
            _(
                "**You are already beyond the region of {role} in its open direction, within one "
                "slider step of its communication bar.**",
                role=g.name,
            )
        )
    elif g.total == 0 and g.within_reach:
        parts.append(
            _("**You are within one slider step of {role} on every measure.**", role=g.name)
        )
    elif g.total == 0 and g.place == "inside":
        parts.append(
            _(
                "**You are already inside the region of {role} and meet its communication bar.**",
                role=g.name,
            )
        )
    elif g.total == 0 and g.place == "beyond":
        parts.append(
            _(
                "**You are already beyond the region of {role} in its open direction and meet "
                "its communication bar.**",
                role=g.name,
            )
        )
    elif g.total == 0:
        # Outside only where the person has more than the role asks: say which, in the words
        # of the gap lines (a measure), not "axes".
        lang = current_lang()
        more = listing(lang, [axis_label(a, lang) for a in AXES if a in g.past], conjunction=True)
        parts.append(
            _(
                "**Nothing to learn for {role}: you are outside its region only because you have "
                "more {measures} than it asks, and you meet its communication bar.**",
                role=g.name,
                measures=more,
            )
            if more
            else _(
                "**You are on the edge of the region of {role}: nothing to learn for it, and "
                "you meet its communication bar.**",
                role=g.name,
            )
        )
    return "\n\n".join([*parts, gaps_markdown(profile, g)])
