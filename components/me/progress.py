"""My progress on the Me page: what this tab holds and the actions on it.

Saved results are held in session state as a list of points, oldest first. They come from a
private progress record in the room store (its code and key held in this tab only) or from a
progress file; with neither they start empty. A private link (`?progress=CODE&pkey=KEY`) opens
the record once: the page then takes both out of the address bar (the Me page writes its own
link there), so the key is not left in the address, its history or a bookmark of the result.
"""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlencode

import streamlit as st

import store
from components.catalogs import cached_catalog, cached_questionnaire
from components.errors import render_error
from components.lang import _, ngettext, with_lang
from components.me import answered
from components.me import questionnaire_form as qf
from components.me.rating import seed_scores
from components.me.results import Evidence
from components.me.state import CATALOG_KEY, MODE_KEY, PREFIX, QUESTIONS, SURVEY, TARGET_KEY
from components.room.identity import client_address, participant
from roles.errors import SkillsMapError
from roles.models import Profile
from roles.progress import (
    MAX_FILE_BYTES,
    MAX_POINTS,
    TOO_MANY,
    ProgressFileError,
    ProgressPoint,
    encode_point_answers,
    load_file,
    make_point,
    point_answers,
)
from roles.share import ShareState

POINTS = "me_progress_points"
CODE = "me_progress_code"
KEY = "me_progress_key"
UNTIL = "me_progress_until"
NEW_KEY = "me_progress_new_key"
FLASH = "me_progress_flash"
CONFIRM = "me_progress_confirm_delete"
LINK_CODE, LINK_KEY = "progress", "pkey"


def held_points() -> list[ProgressPoint]:
    """The saved results this tab holds, oldest first."""
    return list(st.session_state.get(POINTS, []))


def held_record() -> tuple[str, str] | None:
    """The progress record's code and key, when this tab holds one."""
    code, key = st.session_state.get(CODE), st.session_state.get(KEY)
    return (code, key) if code and key else None


def private_link(code: str, key: str) -> str:
    """The bookmarkable link that opens the record (on the Me page, in this language)."""
    query = urlencode(with_lang({LINK_CODE: code, LINK_KEY: key}))
    base = st.context.url
    return f"{base}?{query}" if base else f"?{query}"


def flash(kind: str, payload: str | SkillsMapError) -> None:
    """Remember an outcome to show once with the progress section's next draw."""
    st.session_state[FLASH] = (kind, payload)


def _hold(record: store.ProgressRecord, key: str) -> None:
    st.session_state[CODE] = record.code
    st.session_state[KEY] = key
    st.session_state[UNTIL] = record.expires_at
    st.session_state[POINTS] = record.points


def _show_point(point: ProgressPoint, *, edition: bool = False) -> None:
    """Put a saved result back on the page: its scores, answers, target (and chart edition,
    only before the sidebar is drawn: a callback cannot move it)."""
    seed_scores(PREFIX, point.profile)
    answers = point_answers(cached_questionnaire(), point)
    if answers:
        answered.restore_answers(QUESTIONS, PREFIX, answers)
        qf.seed_questions(cached_questionnaire(), QUESTIONS, dict(answers))
    st.session_state[TARGET_KEY] = point.target
    if edition:
        st.session_state[CATALOG_KEY] = point.catalog


def open_from_link() -> None:
    """A private link opened: open its record, show its last result, and take the key out of
    the address. Call before the page draws its widgets."""
    code, key = st.query_params.get(LINK_CODE), st.query_params.get(LINK_KEY)
    if not code or not key:
        return
    for name in (LINK_CODE, LINK_KEY):
        del st.query_params[name]
    problem = open_record(code, key)
    if problem is not None:
        render_error(problem)
    elif points := held_points():
        _show_point(points[-1], edition=True)


def open_record(code: str, key: str) -> SkillsMapError | None:
    """Open a record with its code and key (misses count toward this device's back-off);
    returns what went wrong, for the caller to say where the person looks."""
    try:
        record = store.read_progress(
            code=code, key=key.strip(), device=participant(), address=client_address()
        )
    except SkillsMapError as exc:
        return exc
    _hold(record, key.strip())
    return None


def current_point(state: ShareState, evidence: Evidence | None) -> ProgressPoint:
    """What the page shows now, as a point to save."""
    answers, unmeasured = evidence if evidence is not None else ({}, ())
    return make_point(
        Profile(ml=state.ml, swe=state.swe, comm=state.comm),
        cached_catalog(state.catalog),
        catalog_id=state.catalog,
        target=state.target,
        answers=answers,
        unmeasured=unmeasured,
        questionnaire_code=encode_point_answers(cached_questionnaire(), state.answers or {}),
    )


def show_last() -> None:
    """Put the last saved result back on the page (from a callback)."""
    if points := held_points():
        _show_point(points[-1])


def keep_current(state: ShareState, evidence: Evidence | None) -> None:
    """Callback: a new record with the results this tab holds (a loaded file's, or those saved
    here), else with the result on the page; the key is shown once."""
    points = held_points() or [current_point(state, evidence)]
    try:
        created = store.keep_progress(points=points, address=client_address())
        record = store.read_progress(code=created.room.code, key=created.key)
    except SkillsMapError as exc:
        flash("error", exc)
        return
    _hold(record, created.key)
    st.session_state[NEW_KEY] = True


def save_current(state: ShareState, evidence: Evidence | None) -> None:
    """Callback: add this result as a dated point (to the record, or to this tab's list)."""
    point = current_point(state, evidence)
    held = held_record()
    if held is None:
        if len(held_points()) >= MAX_POINTS:
            flash("error", ProgressFileError(TOO_MANY))
            return
        st.session_state[POINTS] = [*held_points(), point]
        flash("success", _("Saved. Download your progress to keep it, or keep it on this server."))
        return
    try:
        record = store.add_progress_point(
            code=held[0], key=held[1], point=point, device=participant(), address=client_address()
        )
    except SkillsMapError as exc:
        flash("error", exc)
        return
    _hold(record, held[1])
    flash("success", _("Saved to your progress record."))


def retake() -> None:
    """Callback: the questionnaire, opened with the last saved answers."""
    points = held_points()
    if points:
        _show_point(points[-1])
    st.session_state[MODE_KEY] = SURVEY


def delete() -> None:
    """Callback: delete the record and every point in it (or forget this tab's list)."""
    held = held_record()
    if held is not None:
        try:
            gone = store.delete_progress(
                code=held[0], key=held[1], device=participant(), address=client_address()
            )
        except SkillsMapError as exc:
            flash("error", exc)
            return
        flash(
            "success",
            ngettext(
                "Deleted your progress record and its {n} saved result.",
                "Deleted your progress record and its {n} saved results.",
                gone,
                n=gone,
            ),
        )
    else:
        flash("success", _("Forgot the saved results in this tab."))
    close()


def close() -> None:
    """Callback: stop holding progress in this tab (a record stays on the server)."""
    for name in (POINTS, CODE, KEY, UNTIL, NEW_KEY, CONFIRM):
        st.session_state.pop(name, None)


def load_uploaded(uploader: str) -> None:
    """Callback: a progress file chosen; hold its points (nothing is stored on the server)."""
    upload = st.session_state.get(uploader)
    if upload is None:
        return
    try:
        # One byte past the limit is enough to refuse it; a forged upload may claim any size.
        points = load_file(upload.read(MAX_FILE_BYTES + 1))
    except SkillsMapError as exc:
        flash("error", exc)
        return
    close()
    st.session_state[POINTS] = points
    if points:
        _show_point(points[-1])
    flash(
        "success",
        ngettext(
            "Loaded {n} saved result from the file.",
            "Loaded {n} saved results from the file.",
            len(points),
            n=len(points),
        ),
    )


def kept_until() -> datetime | None:
    value = st.session_state.get(UNTIL)
    return value if isinstance(value, datetime) else None
