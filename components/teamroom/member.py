"""A team member's own page: answer for the manager's team map, see the result and history.

The questionnaire is the default (answers about what a person has done drift less than a
self-rating); the three quick sliders are the option. The first answer makes this device a
member under the name given; from then on the form opens filled in with the last answers, also
in a new round. Who the member is comes from the device cookie (`components.room.identity`),
never from the URL, and the page shows nothing but the member's own answers. Nothing reruns on
a timer: a person typing never loses what they typed.
"""

from __future__ import annotations

import time

import streamlit as st

import store
from components.catalogs import cached_questionnaire
from components.choices import drawn_choice
from components.errors import render_error
from components.lang import _, current_lang
from components.me.questionnaire_form import collect_answers, render_questions, seed_questions
from components.room.identity import client_address, participant
from components.room.join import render_level_sliders, slider_scores
from components.room.lookup import counted, read_or_offer_another
from roles.disagreement import measure_word
from roles.errors import ProfileError, SkillsMapError
from roles.i18n import N_, Msg
from roles.models import AXES, Profile
from roles.questionnaire import NOT_YET, score_detail

ROOM = "tm_room"
SEEDED = "tm_seeded_for"
FLASH = "tm_flash"
NAME = "tm_name"
MODE = "tm_mode"
QUESTIONS = "tm_q_"
SLIDERS = "tm_s_"
QUESTIONNAIRE, QUICK = "Questionnaire", "Quick sliders"  # option ids, never shown
METHODS = {QUESTIONNAIRE: "questionnaire", QUICK: "sliders"}
# In the option label, not a radio caption: the captions' grey fails WCAG contrast on white.
MODE_LABELS = {
    QUESTIONNAIRE: N_("Questionnaire: about 20 questions on what you have done"),
    QUICK: N_("Quick sliders: three ratings, one minute"),
}


def find_team(raw: str) -> tuple[store.TeamRoomInfo, store.MemberHistory | None] | None:
    """The team room and this device's own answers, or None after saying why and offering a
    field for another code (a workshop code gets a link to where it belongs)."""
    return read_or_offer_another(
        lambda: counted(
            raw,
            lambda address: store.member_view(room=raw, participant=participant(), address=address),
        ),
        key="tm_code",
        button=_("Open"),
        label=_("Try another team code"),
    )


def seed_form(info: store.TeamRoomInfo, history: store.MemberHistory | None) -> None:
    """Fill the form from this round's answers, else the last ones, else defaults: all of it
    once per round, and afterwards only fields whose state Streamlit dropped (the questions
    while the sliders were shown, and the other way round)."""
    mark = f"{info.code}:{info.current.number}"
    force = st.session_state.get(SEEDED) != mark
    source = None
    if history is not None:
        source = history.answer_in(info.current.number) or history.latest
    values: dict[str, object] = {
        NAME: history.name if history else "",
        MODE: QUICK if source and source.method == "sliders" else QUESTIONNAIRE,
        **{f"{SLIDERS}{a}": float(getattr(source, a)) if source else 5.0 for a in AXES},
    }
    for key, value in values.items():
        if force or key not in st.session_state:
            st.session_state[key] = value
    q = cached_questionnaire()
    if force or not any(k.startswith(QUESTIONS) for k in st.session_state):
        seed_questions(q, QUESTIONS, (source.answers or {}) if source else {})
    st.session_state[SEEDED] = mark


def _scores(mode: str) -> tuple[Profile, dict[str, object] | None, list[str]]:
    """The answers on the form: scores, questionnaire answers (or None) and unscored measures;
    NotAnOption when one is none of the options drawn."""
    if mode == QUICK:
        return slider_scores(SLIDERS), None, []
    q = cached_questionnaire()
    answers = collect_answers(q, QUESTIONS)
    if not answers or all(v == NOT_YET for v in answers.values()):
        raise ProfileError(Msg("Nothing answered yet: answer at least one question."))
    detail = score_detail(q, answers)  # type: ignore[arg-type]
    return detail.profile, answers, detail.unscored


def _submit(code: str) -> None:
    try:
        mode = drawn_choice(MODE, list(METHODS))
        profile, answers, unscored = _scores(mode)
        store.submit_team_answer(
            room=code,
            participant=participant(),
            name=st.session_state.get(NAME),
            profile=profile,
            method=METHODS[mode],
            answers=answers,
            address=client_address(),
        )
    except SkillsMapError as exc:
        st.session_state[FLASH] = ("error", exc)
        return
    st.session_state[FLASH] = ("saved", (time.strftime("%H:%M"), unscored))


def render_flash() -> None:
    """What the last Save did (once): saved, or why not."""
    kind, payload = st.session_state.pop(FLASH, (None, None))
    if kind == "saved":
        at, unscored = payload
        st.success(
            _(
                "Saved at {at}. Your manager sees your answers on the team map; you can change "
                "them until the round closes.",
                at=at,
            ),
            icon=":material/check_circle:",
        )
        st.toast(_("Saved: your result is below the form"), icon=":material/check_circle:")
        if unscored:
            words = [measure_word(a, current_lang()) for a in unscored]
            message = (
                _(
                    "You answered no question about {measure}, so it counts as 5 (the middle). "
                    "Answer one to make it yours.",
                    measure=words[0],
                )
                if len(words) == 1
                else _(
                    "You answered no question about {measures} or {last}, so they count as 5 "
                    "(the middle). Answer one to make them yours.",
                    measures=_(" or ").join(words[:-1]),
                    last=words[-1],
                )
            )
            st.info(message, icon=":material/help:")
    elif kind == "error":
        render_error(payload, context=_("Not saved"))


def render_form(info: store.TeamRoomInfo, history: store.MemberHistory | None) -> None:
    """Name, the questionnaire or the sliders, and Save."""
    st.radio(
        _("Answer with"),
        [QUESTIONNAIRE, QUICK],
        key=MODE,
        horizontal=True,
        format_func={k: _(v) for k, v in MODE_LABELS.items()}.__getitem__,
    )
    answered = history is not None and history.answer_in(info.current.number) is not None
    with st.form("tm_form", border=False):
        st.text_input(
            _("Your name"),
            key=NAME,
            max_chars=store.MAX_NAME,
            placeholder=_("As your team knows you"),
            help=_(
                "Your manager sees it next to your answers. It must differ from your "
                "teammates' names."
            ),
        )
        if st.session_state.get(MODE) == QUICK:
            render_level_sliders(SLIDERS)
        else:
            render_questions(cached_questionnaire(), QUESTIONS)
        st.form_submit_button(
            _("Update my answers") if answered else _("Save my answers"),
            key="tm_submit",
            type="primary",
            width="stretch",
            on_click=_submit,
            args=(info.code,),
        )
