"""The "My progress" section of the Me page: keep, save, re-take, compare, download, delete.

Two ways to keep saved results: a private record on this server (a code and a key shown once,
and a private link), or a file the person downloads and loads again (nothing stored here).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.errors import render_error
from components.lang import _, current_lang, ngettext, said
from components.me import progress as pg
from components.me.results import Evidence
from components.me.share import copy_link_html
from components.text import md_escape
from roles.errors import SkillsMapError
from roles.i18n import day
from roles.models import Catalog, axis_label
from roles.progress import dump_file
from roles.progress_change import closed_sentences, compare, move_text, path_summary
from roles.share import ShareState

UPLOADER = "me_progress_file"
OPEN_FORM = "me_progress_open"


def _render_flash() -> None:
    kind, payload = st.session_state.pop(pg.FLASH, (None, None))
    if isinstance(payload, SkillsMapError):
        render_error(payload)
    elif kind == "success":
        st.success(said(payload), icon=":material/check_circle:")


def _render_new_key(code: str, key: str) -> None:
    """The code, the key and the private link, until the person says they kept them."""
    with st.container(border=True):
        st.markdown(
            _(
                "**Progress code: {code}** · **Key: `{key}`**\n\nKeep the key now: it is shown "
                "only this once and stored here only as a hash. Bookmark the private link "
                "below, or keep the code and key, to come back from any browser.",
                code=code,
                key=key,
            )
        )
        st.html(
            copy_link_html(
                pg.private_link(code, key),
                label=_("Your private link (it holds your key: keep it to yourself)"),
                field_id="sm-progress-url",
            ),
            unsafe_allow_javascript=True,
        )
        st.button(_("I have kept my key"), key="me_progress_key_kept", on_click=_forget_new_key)


def _forget_new_key() -> None:
    st.session_state[pg.NEW_KEY] = False


def _open_from_form() -> None:
    code = st.session_state.get(f"{OPEN_FORM}_code", "")
    key = st.session_state.get(f"{OPEN_FORM}_key", "")
    if not str(code).strip() or not str(key).strip():
        return
    problem = pg.open_record(str(code), str(key))
    if problem is not None:
        pg.flash("error", problem)
    else:
        pg.show_last()


def _render_ways(state: ShareState, evidence: Evidence | None) -> None:
    """No record in this tab: keep one on the server, open one, or load a file."""
    server, file = st.columns(2, gap="large")
    with server:
        st.markdown(
            _(
                "**On this server**, with no name or e-mail: a code and a key, shown once, and "
                "a private link. Kept a year after you last use it."
            )
        )
        st.button(
            _("Keep my progress"),
            key="me_progress_keep",
            icon=":material/bookmark_add:",
            on_click=pg.keep_current,
            args=(state, evidence),
        )
        with (
            st.expander(_("Open my progress with its code and key")),
            st.form(OPEN_FORM, border=False),
        ):
            st.text_input(_("Progress code"), max_chars=12, key=f"{OPEN_FORM}_code")
            st.text_input(_("Key"), type="password", max_chars=64, key=f"{OPEN_FORM}_key")
            st.form_submit_button(_("Open my progress"), on_click=_open_from_form)
    with file:
        st.markdown(
            _(
                "**Or in a file** on your own device: save results here, download them, and "
                "load the file next time. Nothing is stored on the server."
            )
        )
        st.file_uploader(
            _("Load my progress file"),
            type=["json"],
            key=UPLOADER,
            on_change=pg.load_uploaded,
            args=(UPLOADER,),
        )


def _render_actions(state: ShareState, evidence: Evidence | None, has_points: bool) -> None:
    save, retake, download = st.columns(3)
    save.button(
        _("Save this result to my progress"),
        key="me_progress_save",
        type="primary",
        icon=":material/add_task:",
        on_click=pg.save_current,
        args=(state, evidence),
    )
    if has_points:
        retake.button(
            _("Re-take the questionnaire"),
            key="me_progress_retake",
            icon=":material/replay:",
            on_click=pg.retake,
            help=_("Opens the questionnaire with your last saved answers."),
        )
        download.download_button(
            _("Download my progress"),
            lambda: dump_file(pg.held_points()),
            file_name="ml-skills-map-progress.json",
            mime="application/json",
            key="me_progress_download",
            icon=":material/download:",
        )


def render_change(catalog: Catalog) -> None:
    """What moved per measure and in fit, the gaps closed, and the path in words."""
    lang = current_lang()
    points = pg.held_points()
    change = compare(points, catalog)
    if change is not None:
        first, last = day(change.first.saved_at, lang), day(change.last.saved_at, lang)
        st.markdown(_("#### How far you have come since {date}", date=first))
        rows = [
            [axis_label(m.axis, lang), f"{m.before:g}", f"{m.after:g}", move_text(m, lang)]
            for m in change.moves
        ]
        fit_move = round(change.fit_after - change.fit_before)
        rows.append(
            [
                _("Fit to {role}", role=change.target_name),
                f"{change.fit_before:.0f}",
                f"{change.fit_after:.0f}",
                f"{fit_move:+d}" if fit_move else _("no change"),
            ]
        )
        columns = [_("Measure"), _("First: {date}", date=first), _("Latest: {date}", date=last)]
        st.table(pd.DataFrame(rows, columns=[*columns, _("Change")]).set_index(columns[0]))
        for sentence, closed in zip(closed_sentences(change, lang), change.closed, strict=True):
            done = "\n".join("- ✓ " + _("Done: {step}", step=md_escape(s)) for s in closed.steps)
            st.success(f"{sentence}\n\n{done}", icon=":material/task_alt:")
    st.caption(_("Your path in words: {summary}", summary=path_summary(points, change, lang)))


def render_progress(state: ShareState, evidence: Evidence | None, catalog: Catalog) -> None:
    """The whole section, under the result."""
    st.markdown(_("### My progress"))
    _render_flash()
    record, points = pg.held_record(), pg.held_points()
    if record is not None:
        until = pg.kept_until()
        st.markdown(
            ngettext(
                "Progress record **{code}**: {n} saved result, kept until {date} (a year "
                "after its last use). Only this tab holds its key.",
                "Progress record **{code}**: {n} saved results, kept until {date} (a year "
                "after its last use). Only this tab holds its key.",
                len(points),
                code=record[0],
                n=len(points),
                date=day(until, current_lang()) if until else "",
            )
        )
        if st.session_state.get(pg.NEW_KEY):
            _render_new_key(*record)
    _render_actions(state, evidence, bool(points))
    if record is None:
        _render_ways(state, evidence)
    if points:
        render_change(catalog)
        _render_delete(record is not None)


def _render_delete(on_server: bool) -> None:
    left, right = st.columns(2)
    if not st.session_state.get(pg.CONFIRM):
        left.button(
            _("Delete my progress"),
            key="me_progress_delete",
            icon=":material/delete:",
            on_click=lambda: st.session_state.update({pg.CONFIRM: True}),
        )
    else:
        left.warning(
            _("Delete every saved result on this server now? This cannot be undone.")
            if on_server
            else _("Forget every saved result in this tab? A file you downloaded stays.")
        )
        left.button(
            _("Yes, delete my progress"),
            key="me_progress_delete_yes",
            type="primary",
            on_click=pg.delete,
        )
        left.button(
            _("Keep it"),
            key="me_progress_delete_no",
            on_click=lambda: st.session_state.pop(pg.CONFIRM, None),
        )
    if on_server:
        right.button(
            _("Close my progress in this tab"),
            key="me_progress_close",
            on_click=pg.close,
            help=_("The record stays on the server; your key or private link opens it again."),
        )
