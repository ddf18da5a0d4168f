"""What the submitted questionnaire answers produced: the scores they set, what each score rests
on (the notes under the sliders and the halo on the map), the evidence the heading uses, and
the answers restored from a shared link."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from components.catalogs import cached_questionnaire
from components.lang import _, current_lang, ngettext
from components.me.rating import held_profile, seed_scores, slider_profile
from components.style import focus_first_slider
from roles.i18n import listing
from roles.models import AXES, Profile, axis_label
from roles.questionnaire import NOT_YET, Answers, ScoreDetail, score_detail
from roles.survey import survey_answers as survey_only


@dataclass(frozen=True)
class Applied:
    """What the last submitted answers produced and the slider values they set."""

    detail: ScoreDetail
    sliders: dict[str, float]
    answers: dict[str, object]

    def rests_on(self, axis: str, current: float) -> int | None:
        """Answers behind a measure (0 when none gives it a level: tool and education answers
        alone only refine a measured score), or None once the person moved its slider
        themselves (then it is their own rating)."""
        if current != self.sliders[axis]:
            return None
        return 0 if axis in self.detail.unscored else self.detail.answers[axis]


def store_applied(
    key_prefix: str, slider_prefix: str, detail: ScoreDetail, answers: dict[str, object]
) -> None:
    """Move the sliders to the scores the answers produced and remember what they rest on."""
    held = held_profile(slider_prefix).as_dict()
    # Scores come in the sliders' half steps; a measure with no answered item keeps its value.
    sliders = {
        a: held[a] if a in detail.unscored else v for a, v in detail.profile.as_dict().items()
    }
    seed_scores(slider_prefix, Profile(**sliders))
    st.session_state[f"{key_prefix}applied"] = Applied(detail, sliders, answers)


def restore_answers(key_prefix: str, slider_prefix: str, answers: Answers) -> None:
    """Answers from a shared link: what they rest on, as if just submitted, while the sliders
    keep the link's scores (a slider the person had moved stays their own rating)."""
    detail = score_detail(cached_questionnaire(), answers)
    link = held_profile(slider_prefix).as_dict()
    sliders = {
        a: link[a] if a in detail.unscored else v for a, v in detail.profile.as_dict().items()
    }
    st.session_state[f"{key_prefix}applied"] = Applied(detail, sliders, dict(answers))


def applied_answers(key_prefix: str) -> Applied | None:
    """The last answers the person submitted, if any."""
    value = st.session_state.get(f"{key_prefix}applied")
    return value if isinstance(value, Applied) else None


def measure_notes(key_prefix: str, slider_prefix: str) -> dict[str, str]:
    """Per measure, what its score rests on (shown under each slider after the questionnaire)."""
    applied = applied_answers(key_prefix)
    if applied is None:
        return {}
    held = slider_profile(slider_prefix).as_dict()
    notes = {}
    min_answers = cached_questionnaire().scoring.min_answers
    for axis in AXES:
        n = applied.rests_on(axis, held[axis])
        if n is None:
            continue
        levels = applied.detail.levels[axis]
        if n == 0:
            notes[axis] = _("Not measured yet: none of your answers speaks to it.")
        elif levels < min_answers and levels < n:
            # Tool and education answers move a score but set no level of their own.
            notes[axis] = ngettext(
                "From {n} answer (pulled toward the middle: under {min_answers} set a level).",
                "From {n} answers (pulled toward the middle: under {min_answers} set a level).",
                n,
                min_answers=min_answers,
            )
        elif n < min_answers:
            notes[axis] = ngettext(
                "From {n} answer (pulled toward the middle: fewer than {min_answers}).",
                "From {n} answers (pulled toward the middle: fewer than {min_answers}).",
                n,
                min_answers=min_answers,
            )
        else:
            notes[axis] = ngettext("From {n} answer.", "From {n} answers.", n)
    return notes


def render_questionnaire_summary(key_prefix: str) -> None:
    """What the last submitted answers produced, shown above the sliders."""
    if st.session_state.pop(f"{key_prefix}focus", False):
        focus_first_slider()
    applied = applied_answers(key_prefix)
    if applied is None:
        return
    d, lang = applied.detail, current_lang()
    parts = [f"{axis_label(a, lang)} {applied.sliders[a]:g}" for a in AXES if a not in d.unscored]
    st.success(
        _(
            "Scores set from your answers: {scores}. Fine-tune them on the sliders.",
            scores=listing(lang, parts),
        )
        if parts
        else _("None of your answers sets a score yet."),
        icon=":material/task_alt:",
    )
    notes = []
    if d.unscored:
        names = listing(lang, [axis_label(a, lang) for a in d.unscored])
        notes.append(
            _(
                "No answered question for {measures}: that slider was left as it was.",
                measures=names,
            )
        )
    skipped = sum(1 for v in applied.answers.values() if v == NOT_YET)
    if skipped:
        notes.append(
            ngettext(
                "You answered “{not_yet}” to {n} question: it is left out of your scores, not "
                "counted against you.",
                "You answered “{not_yet}” to {n} questions: they are left out of your scores, "
                "not counted against you.",
                skipped,
                not_yet=_(NOT_YET),
            )
        )
    if notes:
        st.caption(" ".join(notes) if lang == "en" else "".join(notes))


def survey_answers(key_prefix: str) -> Answers | None:
    """The survey questions' answers last submitted (all nine may be), when at least one was
    answered."""
    applied = applied_answers(key_prefix)
    if applied is None:
        return None
    given = survey_only(applied.answers)  # type: ignore[arg-type]
    return given or None


def evidence(key_prefix: str, slider_prefix: str) -> tuple[Answers, tuple[str, ...]] | None:
    """The answers behind the scores, and the measures none of them speaks to that the person
    has not set on the slider since (None before any answers)."""
    applied = applied_answers(key_prefix)
    if applied is None:
        return None
    held = slider_profile(slider_prefix).as_dict()
    unmeasured = tuple(a for a in AXES if applied.rests_on(a, held[a]) == 0)
    return applied.answers, unmeasured  # type: ignore[return-value]


def map_halo(key_prefix: str, slider_prefix: str) -> tuple[float, float] | None:
    """The uncertainty to draw around the person: (ML, software engineering) spread, or None.

    A score resting on answers gets the halo of their number, and a measure no answer speaks to
    the widest (it is not measured at all); a slider the person set themselves is their own
    rating and gets only its half-step.
    """
    applied = applied_answers(key_prefix)
    if applied is None:
        return None
    held = slider_profile(slider_prefix).as_dict()
    scoring = cached_questionnaire().scoring
    counts = [applied.rests_on(axis, held[axis]) for axis in ("ml", "swe")]
    if all(n is None for n in counts):
        return None
    ml, swe = (0.25 if n is None else scoring.halo_for(n) for n in counts)
    return ml, swe
