"""Getting the job: after the path toward a target role, what its interviews test (most likely
first, moved up by this person's gaps), how to stand out and where to look.

Short for a phone: the first three assessments in the open, the rest in an expander, one line
per piece of advice. The likelihoods are our own reading of the lecture, and the section says so.
"""

from __future__ import annotations

import streamlit as st

from components.lang import _, current_lang, ngettext
from components.me.results import AUTO_TARGET
from roles.caching import memoize
from roles.gaps import gaps
from roles.i18n import N_, Lang, colon, sentences
from roles.interview_models import Advice
from roles.interviews import InterviewPlan, PlannedAssessment, load_interviews, plan_interviews
from roles.models import AXES, Catalog, Profile

OPEN = 3  # assessments shown before the expander


# The note on an assessment whose preparation answers a gap the person has, per measure.
_GAP_NOTES = {
    "ml": N_("This answers your ML expertise gap (+{gap:g})."),
    "swe": N_("This answers your software engineering gap (+{gap:g})."),
    "comm": N_("This answers your communication gap (+{gap:g})."),
}


def _gap_note(a: PlannedAssessment) -> str:
    return _(_GAP_NOTES[a.answers], gap=a.gap) if a.gap else ""


def assessment_markdown(a: PlannedAssessment, number: int) -> str:
    """One assessment as a numbered list item: name and likelihood, what it is and why the role
    meets it (small: the preparation is what to act on), then how to prepare (and the gap it
    answers, when the person has one)."""
    lang = current_lang()
    prepare = _("**Prepare:** {how}", how=a.prepare)
    gap = _gap_note(a)
    return "\n".join(
        [
            f"{number}. **{a.name}** · *{a.likely_name}*  ",
            f"    :small[{sentences(lang, a.what, a.why)}]  ",
            f"    {sentences(lang, prepare, f'**{gap}**' if gap else '')}",
        ]
    )


def _advice(items: list[Advice]) -> str:
    return "\n".join(f"- **{x.name}**{colon(current_lang())}{x.how}" for x in items)


def plan_markdown(plan: InterviewPlan, role_name: str, heading: str) -> tuple[str, str, str]:
    """The section as three Markdown blocks: the heading with the first assessments, the rest
    (empty when there are none), and how to stand out with where to look."""
    head = f"{heading} " + _("Getting the job as {role}", role=role_name)
    items = [assessment_markdown(a, i) for i, a in enumerate(plan.assessments, 1)]
    top = "\n\n".join(
        [head, f":small[{plan.note}]", _("**What interviews test**"), "\n".join(items[:OPEN])]
    )
    tail = "\n\n".join(
        [
            _("**How to stand out**"),
            _advice(plan.stand_out),
            _("**Where to look**"),
            _advice(plan.look),
        ]
    )
    return top, "\n".join(items[OPEN:]), tail


@memoize(maxsize=512)
def _section(
    lang: Lang, role_id: str, role_name: str, shortfall: tuple[float, ...], heading: str
) -> tuple[str, str, str, int] | None:
    """The section's Markdown and how many assessments fold away, for one role and gaps (a
    slider press reruns the page, and gaps come in half steps, so most are seen before)."""
    plan = plan_interviews(load_interviews(lang), role_id, dict(zip(AXES, shortfall, strict=True)))
    if plan is None:
        return None
    return (*plan_markdown(plan, role_name, heading), len(plan.assessments) - OPEN)


def render_getting_the_job(
    profile: Profile, catalog: Catalog, role_id: str, *, best: str, heading: str = "###"
) -> None:
    """The section toward `role_id` (AUTO_TARGET: `best`); nothing for a role the interviews
    file does not cover."""
    role = catalog.role(best if role_id == AUTO_TARGET else role_id)
    shortfall = gaps(profile, catalog, role.id).shortfall
    found = _section(current_lang(), role.id, role.name, tuple(shortfall[a] for a in AXES), heading)
    if found is None:
        return
    top, rest, tail, more = found
    st.markdown(top)
    if rest:
        with st.expander(ngettext("{n} more assessment", "{n} more assessments", more)):
            st.markdown(rest)  # its numbers go on from the open list
    st.markdown(tail)
