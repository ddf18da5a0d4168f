"""What the Me result says in words: the headline's note, the compact best-fit line, the ranked
fits and the path toward a target, as Markdown (or HTML) built from the domain's verdict and gaps.

Plain functions of their inputs and the page's language, so tests read them without a page.
"""

from __future__ import annotations

import html

from components.lang import _, current_lang
from roles.gaps import SCORE_STEP, Gaps
from roles.i18n import sentences
from roles.match import RoleFit
from roles.models import AXES, Profile, axis_label
from roles.verdict import Verdict


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
