"""The questionnaire that fills the rating sliders: the survey's questions, then practices.

The survey's first three questions come first, then its six optional ones about tools and
education (their many options as compact chips, the most used first), then the practices by
measure. Every question may be left out.
"""

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
from roles.questionnaire_models import ManyChoiceItem, OneChoiceItem, Questionnaire, ShiftItem
from roles.survey import SURVEY_ITEMS

AnyItem = OneChoiceItem | ManyChoiceItem | ShiftItem


def _option_key(prefix: str, item: ManyChoiceItem, option_id: str) -> str:
    return f"{prefix}{item.id}__{option_id}"


def collect_answers(q: Questionnaire, prefix: str) -> dict[str, object]:
    """The answers held in the form's widgets: labels, or lists of ticked option ids
    (NotAnOption for an answer that is none of those drawn)."""
    answers: dict[str, object] = {}
    for item in q.items:
        if isinstance(item, ShiftItem):
            key = f"{prefix}{item.id}"
            if st.session_state.get(key):  # a list of option ids (chips), or one option id
                given = drawn_choice(key, [o.id for o in item.options])
                answers[item.id] = list(given) if item.multiple else given
        elif isinstance(item, ManyChoiceItem):
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
    """Every question: the survey's own first, then the practices by measure (in a form); the
    container's key lets a phone stack each question's choices (components/style.py)."""
    with st.container(key=f"{key_prefix}questions_box"):
        _render_questions(q, key_prefix)


def _render_questions(q: Questionnaire, key_prefix: str) -> None:
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
