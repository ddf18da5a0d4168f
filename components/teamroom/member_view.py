"""What a team member sees about themselves: the room they are in, their result, their history.

Only the member's own answers are read (the store hands out nothing else to a member), and
names and titles are shown exactly as typed.
"""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

import store
from components.catalogs import cached_catalog
from components.lang import _, current_lang, other_lang_link
from components.me.getting_the_job import render_getting_the_job
from components.me.results import AUTO_TARGET
from components.room.result import render_join_result
from roles.catalog import DEFAULT_CATALOG
from roles.i18n import N_, listing, sentences
from roles.match import match
from roles.models import AXES, Profile, axis_label

# Static CSS: the page opens on a phone, so Streamlit's top margin shrinks; on a laptop the
# questions keep a readable line length instead of spanning the screen.
_CSS = """<style>
[data-testid="stMainBlockContainer"] { padding-top: 3.6rem !important; padding-bottom: 2rem;
  max-width: 50rem; }
.tm-team { font-size: 1.35rem; font-weight: 700; margin: 0; line-height: 1.25; }
.tm-code { font-size: 0.95rem; margin: 0; color: #3d4451; }
</style>"""


def render_header(info: store.TeamRoomInfo, history: store.MemberHistory | None) -> None:
    """Team name, code and round, who sees the answers, and a closed round said plainly."""
    st.html(_CSS)
    current = info.current
    code = f"{info.code[:3]} {info.code[3:]}"
    where = _(
        N_("Team code {code} · round {number} (open)")
        if current.is_open
        else N_("Team code {code} · round {number} (closed)"),
        code=code,
        number=current.number,
    )
    # The sidebar's language switch is out of sight on a phone: the other language sits here.
    st.html(
        f'<h1 class="tm-team">{html.escape(info.room.title)}</h1>'
        f'<p class="tm-code">{html.escape(where)}{other_lang_link({"room": info.code})}</p>'
    )
    if history is None:
        st.markdown(
            _(
                "Rate yourself for your manager's team map. Only your manager (with the team's "
                "manager key) sees your name and answers; you see only your own."
            )
        )
    if current.is_open and history is not None and history.answer_in(current.number) is None:
        st.info(
            _(
                "Round {number} is open: please answer again. Your last answers are filled in; "
                "change what has moved and save.",
                number=current.number,
            ),
            icon=":material/replay:",
        )
    if not current.is_open:
        saved = history is not None and history.answer_in(current.number) is not None
        closed = _("Round {number} is closed: answers cannot change now.", number=current.number)
        kept = _("Your answers in it are kept.") if saved else ""
        nxt = _("Your manager opens the next round from the same link.")
        st.info(sentences(current_lang(), closed, kept, nxt), icon=":material/lock:")


def _profile(answer: store.TeamAnswer) -> Profile:
    return Profile(ml=answer.ml, swe=answer.swe, comm=answer.comm)


def render_result(info: store.TeamRoomInfo, history: store.MemberHistory) -> None:
    """The member's latest answers and what they fit (the link leads to the full map)."""
    latest = history.latest
    if latest is None:
        return
    lang = current_lang()
    heading = (
        _("#### Your answers in this round")
        if latest.round_number == info.current.number
        else _("#### Your answers in round {number}", number=latest.round_number)
    )
    scores = listing(lang, [f"{axis_label(a, lang)} {getattr(latest, a):g}" for a in AXES])
    st.markdown(f"{heading}\n{scores}")
    profile, catalog = _profile(latest), cached_catalog(DEFAULT_CATALOG)
    render_join_result(profile, catalog, latest.answers)
    best = match(profile, catalog)[0].role
    render_getting_the_job(profile, catalog, AUTO_TARGET, best=best, heading="####")


def _since(before: store.TeamAnswer, after: store.TeamAnswer) -> str:
    lang = current_lang()
    moves = [
        f"{axis_label(a, lang)} {getattr(after, a) - getattr(before, a):+g}"
        for a in AXES
        if abs(getattr(after, a) - getattr(before, a)) >= 0.05
    ]
    what = listing(lang, moves) if moves else _("no change")
    return _("Since round {number}: {what}.", number=before.round_number, what=what)


def render_history(history: store.MemberHistory) -> None:
    """Every round this member answered: scores, best fit, and the change since the last."""
    if not history.answers:
        return
    catalog = cached_catalog(DEFAULT_CATALOG)
    st.markdown(_("#### Your answers round by round"))
    # Short columns (no date, short names), so the table fits a 390 px phone without clipping.
    short = {"ml": "ML", "swe": _("SWE"), "comm": _("Comm.")}
    frame = pd.DataFrame(
        [
            {
                _("Round"): a.round_number,
                **{short[axis]: getattr(a, axis) for axis in AXES},
                _("Best fit"): catalog.role(match(_profile(a), catalog)[0].role).short_name,
            }
            for a in history.answers
        ]
    )
    st.dataframe(frame, hide_index=True, width="stretch")
    if len(history.answers) > 1:
        st.markdown(_since(history.answers[-2], history.answers[-1]))
