"""The questionnaire that fills the rating sliders: the survey's three questions, then practices."""

from __future__ import annotations

import streamlit as st

from components.catalogs import cached_questionnaire
from components.choices import NotAnOption, drawn_choice
from components.lang import _, current_lang, said
from components.me.answered import applied_answers, store_applied
from roles.errors import ProfileError
from roles.i18n import Msg
from roles.models import AXES, axis_label
from roles.questionnaire import NOT_YET, answer_label, answer_options, score_detail
from roles.questionnaire_models import ManyChoiceItem, OneChoiceItem, Questionnaire


def _option_key(prefix: str, item: ManyChoiceItem, option_id: str) -> str:
    return f"{prefix}{item.id}__{option_id}"


def collect_answers(q: Questionnaire, prefix: str) -> dict[str, object]:
    """The answers held in the form's widgets: labels, or lists of ticked option ids
    (NotAnOption for an answer that is none of those drawn)."""
    answers: dict[str, object] = {}
    for item in q.items:
        if isinstance(item, ManyChoiceItem):
            ticked = [
                o.id
                for o in item.options
                if drawn_choice(_option_key(prefix, item, o.id), [False, True, None])
            ]
            if ticked:
                answers[item.id] = ticked
        elif st.session_state.get(f"{prefix}{item.id}") is not None:
            answers[item.id] = drawn_choice(f"{prefix}{item.id}", answer_options(q, item.id))
    return answers


def _apply_answers(key_prefix: str, slider_prefix: str, mode_key: str | None) -> None:
    """Form callback: score the answers and move the sliders (callbacks run before widgets)."""
    q = cached_questionnaire()
    error_key = f"{key_prefix}error"
    try:
        answers = collect_answers(q, key_prefix)
    except NotAnOption as exc:
        st.session_state[error_key] = exc.message
        return
    if not answers or all(v == NOT_YET for v in answers.values()):
        st.session_state[error_key] = Msg("Nothing answered yet: answer at least one question.")
        return
    try:
        detail = score_detail(q, answers)  # type: ignore[arg-type]
    except ProfileError as exc:
        st.session_state[error_key] = Msg("Please check your answers: {why}.", why=exc.message)
        return
    store_applied(key_prefix, slider_prefix, detail, answers)
    st.session_state.pop(error_key, None)
    st.session_state[f"{key_prefix}focus"] = True
    if mode_key:
        # Back to the sliders, so the person sees the scores the answers produced.
        st.session_state[mode_key] = "Quick rating"


def _survey_wording(item: OneChoiceItem | ManyChoiceItem) -> None:
    """Under a translated survey question, the survey's own English wording."""
    if item.survey and item.wording and item.wording != item.text:
        st.caption(_("Kaggle survey wording: “{wording}”", wording=item.wording))


def _render_item(q: Questionnaire, item: OneChoiceItem | ManyChoiceItem, prefix: str) -> None:
    if isinstance(item, ManyChoiceItem):
        st.markdown(_("{question} *(tick all that apply)*", question=item.text))
        _survey_wording(item)
        for option in item.options:
            st.checkbox(option.label, key=_option_key(prefix, item, option.id))
        return
    # Answers hold the English keys; each is shown in the page's language.
    shown = {key: answer_label(q, item, key) for key in answer_options(q, item.id)}
    if item.survey:
        st.selectbox(
            item.text,
            list(shown),
            format_func=shown.__getitem__,
            index=None,
            key=f"{prefix}{item.id}",
            placeholder=_("Choose an answer"),
        )
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
    for item in (i for i in q.items if i.survey):
        _render_item(q, item, key_prefix)
    for axis in AXES:
        st.markdown(f"**{axis_label(axis, current_lang())}**")
        for item in (i for i in q.items if not i.survey and axis in i.axes):
            _render_item(q, item, key_prefix)


def seed_questions(q: Questionnaire, key_prefix: str, answers: dict[str, object]) -> None:
    """Fill the questions' widgets with saved answers (call before they are drawn)."""
    for item in q.items:
        given = answers.get(item.id)
        if isinstance(item, ManyChoiceItem):
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
    applied = applied_answers(key_prefix)
    first = f"{key_prefix}{q.items[0].id}"
    if applied is not None and first not in st.session_state:
        # Streamlit forgets a form's widgets in runs it is not drawn: reopening the
        # questionnaire shows the answers last used, not an empty form.
        seed_questions(q, key_prefix, applied.answers)
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
    error = st.session_state.get(f"{key_prefix}error")
    if error:
        # Right under the button that was pressed, where the person is looking.
        st.error(said(error), icon=":material/error:")
