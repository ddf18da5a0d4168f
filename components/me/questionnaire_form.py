"""The questionnaire that fills the rating sliders: the survey's questions, then practices.

The survey's first three questions come first, then its six optional ones about tools and
education (their many options as compact chips, the most used first), then the practices by
measure. Every question may be left out.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from components.catalogs import cached_questionnaire
from components.lang import _, current_lang, ngettext, said
from components.me.rating import held_profile, seed_scores, slider_profile
from components.style import focus_first_slider
from roles.errors import ProfileError
from roles.i18n import Msg, listing
from roles.models import AXES, Profile, axis_label
from roles.questionnaire import (
    NOT_YET,
    Answers,
    ScoreDetail,
    answer_label,
    answer_options,
    score_detail,
)
from roles.questionnaire_models import ManyChoiceItem, OneChoiceItem, Questionnaire, ShiftItem
from roles.survey import SURVEY_ITEMS
from roles.survey import survey_answers as _survey_only

AnyItem = OneChoiceItem | ManyChoiceItem | ShiftItem


@dataclass(frozen=True)
class Applied:
    """What the last submitted answers produced and the slider values they set."""

    detail: ScoreDetail
    sliders: dict[str, float]
    answers: dict[str, object]

    def rests_on(self, axis: str, current: float) -> int | None:
        """Answers behind a measure, or None once the person moved its slider themselves."""
        if axis in self.detail.unscored or current != self.sliders[axis]:
            return None
        return self.detail.answers[axis]


def _option_key(prefix: str, item: ManyChoiceItem, option_id: str) -> str:
    return f"{prefix}{item.id}__{option_id}"


def collect_answers(q: Questionnaire, prefix: str) -> dict[str, object]:
    """The answers held in the form's widgets: labels, or lists of ticked option ids."""
    answers: dict[str, object] = {}
    for item in q.items:
        if isinstance(item, ShiftItem):
            given = st.session_state.get(f"{prefix}{item.id}")
            if given:  # a list of option ids, or one option id
                answers[item.id] = list(given) if item.multiple else given
        elif isinstance(item, ManyChoiceItem):
            ticked = [
                o.id for o in item.options if st.session_state.get(_option_key(prefix, item, o.id))
            ]
            if ticked:
                answers[item.id] = ticked
        elif st.session_state.get(f"{prefix}{item.id}") is not None:
            answers[item.id] = st.session_state[f"{prefix}{item.id}"]
    return answers


def _apply_answers(key_prefix: str, slider_prefix: str, mode_key: str | None) -> None:
    """Form callback: score the answers and move the sliders (callbacks run before widgets)."""
    q = cached_questionnaire()
    answers = collect_answers(q, key_prefix)
    error_key = f"{key_prefix}error"
    if not answers or all(v == NOT_YET for v in answers.values()):
        st.session_state[error_key] = Msg("Nothing answered yet: answer at least one question.")
        return
    try:
        detail = score_detail(q, answers)  # type: ignore[arg-type]
    except ProfileError as exc:
        st.session_state[error_key] = Msg("Please check your answers: {why}.", why=exc.message)
        return
    held = held_profile(slider_prefix).as_dict()
    # Sliders move in half steps; a measure with no answered item keeps its slider value.
    sliders = {
        a: held[a] if a in detail.unscored else round(v * 2) / 2
        for a, v in detail.profile.as_dict().items()
    }
    seed_scores(slider_prefix, Profile(**sliders))
    st.session_state.pop(error_key, None)
    st.session_state[f"{key_prefix}applied"] = Applied(detail, sliders, answers)
    st.session_state[f"{key_prefix}focus"] = True
    if mode_key:
        # Back to the sliders, so the person sees the scores the answers produced.
        st.session_state[mode_key] = "Quick rating"


def applied_answers(key_prefix: str) -> Applied | None:
    """The last answers the person submitted, if any."""
    value = st.session_state.get(f"{key_prefix}applied")
    return value if isinstance(value, Applied) else None


def _survey_wording(item: AnyItem) -> None:
    """Under a translated survey question, the survey's own English wording."""
    if item.survey and item.wording and item.wording != item.text:
        st.caption(_("Kaggle survey wording: “{wording}”", wording=item.wording))


def _render_shift_item(item: ShiftItem, prefix: str) -> None:
    """A survey question about tools or education: chips for many options, a box for one."""
    labels = {o.id: o.label for o in item.options}
    if item.multiple:
        st.pills(
            item.text,
            list(labels),
            selection_mode="multi",
            format_func=labels.__getitem__,
            key=f"{prefix}{item.id}",
        )
    else:
        _survey_select(item.text, labels, f"{prefix}{item.id}")
    _survey_wording(item)


def _survey_select(question: str, shown: dict[str, str], key: str) -> None:
    """A survey question with one answer: a box that starts empty (every question is optional)."""
    st.selectbox(
        question,
        list(shown),
        format_func=shown.__getitem__,
        index=None,
        key=key,
        placeholder=_("Choose an answer"),
    )


def _render_item(q: Questionnaire, item: AnyItem, prefix: str) -> None:
    if isinstance(item, ShiftItem):
        _render_shift_item(item, prefix)
        return
    if isinstance(item, ManyChoiceItem):
        st.markdown(_("{question} *(tick all that apply)*", question=item.text))
        _survey_wording(item)
        for option in item.options:
            st.checkbox(option.label, key=_option_key(prefix, item, option.id))
        return
    # Answers hold the English keys; each is shown in the page's language.
    shown = {key: answer_label(q, item, key) for key in answer_options(q, item.id)}
    if item.survey:
        _survey_select(item.text, shown, f"{prefix}{item.id}")
        _survey_wording(item)
    else:
        st.radio(
            item.text,
            list(shown),
            format_func=shown.__getitem__,
            index=None,
            horizontal=True,
            key=f"{prefix}{item.id}",
        )


def render_questions(q: Questionnaire, key_prefix: str) -> None:
    """Every question: the survey's own first, then the practices by measure (in a form)."""
    st.markdown(
        _(
            "**Your work**: the 2021 Kaggle ML & DS Survey's own questions, so your answers "
            "can be compared with real people."
        )
    )
    first, more = SURVEY_ITEMS[:3], SURVEY_ITEMS[3:]
    for item_id in first:
        _render_item(q, q.item(item_id), key_prefix)  # type: ignore[arg-type]
    st.markdown(
        _(
            "**Your tools and education** (optional): more of the survey's own questions. Each "
            "one you answer makes People like you surer and moves your scores where the survey "
            "says."
        )
    )
    for item_id in more:
        _render_item(q, q.item(item_id), key_prefix)  # type: ignore[arg-type]
    for axis in AXES:
        st.markdown(f"**{axis_label(axis, current_lang())}**")
        for item in (i for i in q.items if not i.survey and axis in i.axes):
            _render_item(q, item, key_prefix)


def seed_questions(q: Questionnaire, key_prefix: str, answers: dict[str, object]) -> None:
    """Fill the questions' widgets with saved answers (call before they are drawn)."""
    for item in q.items:
        given = answers.get(item.id)
        if isinstance(item, ShiftItem):
            ids = [o.id for o in item.options]
            if item.multiple:
                ticked = set(given) if isinstance(given, list) else set()
                st.session_state[f"{key_prefix}{item.id}"] = [i for i in ids if i in ticked]
            else:
                st.session_state[f"{key_prefix}{item.id}"] = given if given in ids else None
        elif isinstance(item, ManyChoiceItem):
            ticked = set(given) if isinstance(given, list) else set()
            for option in item.options:
                st.session_state[_option_key(key_prefix, item, option.id)] = option.id in ticked
        else:
            choices = answer_options(q, item.id)
            st.session_state[f"{key_prefix}{item.id}"] = given if given in choices else None


def render_questionnaire(
    key_prefix: str, *, slider_prefix: str, mode_key: str | None = None
) -> None:
    """The survey's questions, then practice questions by measure; submitting fills the sliders."""
    q = cached_questionnaire()
    error = st.session_state.get(f"{key_prefix}error")
    if error:
        st.error(said(error), icon=":material/error:")
    st.caption(
        _(
            "Answer from what you have actually done. Pick “{not_yet}” when you have not had the "
            "opportunity: the item is then left out instead of counting against you. Unanswered "
            "questions are left out too.",
            not_yet=_(NOT_YET),
        )
    )
    with st.form(f"{key_prefix}form", border=False):
        render_questions(q, key_prefix)
        st.form_submit_button(
            _("Use these answers"),
            type="primary",
            on_click=_apply_answers,
            args=(key_prefix, slider_prefix, mode_key),
        )


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
        levels = applied.detail.levels.get(axis, n)
        if levels < min_answers and levels < n:
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
        ),
        icon=":material/task_alt:",
    )
    if d.unscored:
        names = listing(lang, [axis_label(a, lang) for a in d.unscored])
        st.caption(
            _(
                "No answered question for {measures}: that slider was left as it was.",
                measures=names,
            )
        )


def survey_answers(key_prefix: str) -> Answers | None:
    """The survey questions' answers last submitted, when at least one was answered."""
    applied = applied_answers(key_prefix)
    if applied is None:
        return None
    given = _survey_only(applied.answers)  # type: ignore[arg-type]
    return given or None  # type: ignore[return-value]


def map_halo(key_prefix: str, slider_prefix: str) -> tuple[float, float] | None:
    """The uncertainty to draw around the person: (ML, software engineering) spread, or None.

    Only scores that still rest on answers get a halo; a slider the person set themselves is
    their own rating and gets only its half-step.
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
