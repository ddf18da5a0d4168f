"""Getting the team in: the editable table, file upload, template and example team.

Team data is personal: it lives in this browser session's state only and is never written to
disk or to logs. The table always holds 0-10 scores; a 1-5 file is converted when it is loaded.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from components.choices import on_choice
from components.lang import _, current_lang, said
from roles.catalog import DATA_DIR
from roles.errors import TeamFileError
from roles.i18n import N_, Joined, Msg
from roles.models import AXES, axis_label
from roles.team import ParsedTeam, Problem, parse_table, parse_team_bytes
from roles.team_bytes import workbook_sheets
from roles.team_columns import COLUMN_LABELS, COLUMNS, template_csv
from serving.st_internals import is_lost_upload

BASE = "team_base"  # the table the editor starts from
EDITOR = "team_editor"
UPLOAD = "team_upload"
_GENERATION = "team_upload_generation"  # a new uploader (empty) after an upload was lost
SCALE = "team_scale"
_FILE = "team_file"  # (name, bytes) of the last upload, kept to re-read it with another scale
_FILE_ID = "team_file_id"
FILE_PROBLEMS = "team_file_problems"
FILE_NOTE = "team_file_note"
FILE_ERROR = "team_file_error"
SHEET = "team_sheet"  # the workbook's sheet read (a selectbox when there are several)
_SHEETS = "team_sheets"  # the sheet names of the last workbook uploaded
PROBLEM = "problem"  # the editor's column that says what is wrong in a row loaded from a file
EXAMPLE = DATA_DIR / "example_team.csv"
# The same team for a Chinese-speaking manager: the same scores, names and titles in Chinese.
EXAMPLES = {"en": EXAMPLE, "zh": DATA_DIR / "example_team_zh.csv"}
LOST_UPLOAD = N_(
    "The uploaded file is no longer on the server: the connection moved to another server "
    "or the server restarted, and a team file is kept only in the browser session that sent "
    "it. Upload the file again."
)
_SCALES = {"auto": N_("Detect"), "0-10": "0-10", "1-5": "1-5"}


def _empty_table() -> pd.DataFrame:
    # Typed columns, so the editor offers number inputs even before the first row exists.
    kinds = {"name": object, "ml": float, "swe": float, "comm": float, "title": object}
    return pd.DataFrame({c: pd.Series(dtype=kinds[c]) for c in COLUMNS})


def init_team_state() -> None:
    """Defaults for the page's session state, set once per session."""
    defaults = {
        BASE: _empty_table(),
        SCALE: "auto",
        _FILE: None,
        _FILE_ID: None,
        FILE_PROBLEMS: [],
        FILE_NOTE: None,
        FILE_ERROR: None,
        _SHEETS: [],
    }
    for key, value in defaults.items():
        st.session_state.setdefault(key, value)


def _with_problems(parsed: ParsedTeam) -> pd.DataFrame:
    """Every row of the file for the editor, a bad one with what is wrong in it beside it, so
    the manager fixes it in place (the valid rows are on the map meanwhile)."""
    rows = parsed.members if parsed.rows is None else parsed.rows
    base = rows[list(COLUMNS)].reset_index(drop=True)
    lang = current_lang()
    said_by_row: dict[int, list[str]] = {}
    for p in parsed.problems:
        if p.row is not None and not p.kept:
            said_by_row.setdefault(p.row, []).append(p.cell_text(lang))
    if said_by_row:
        base.insert(1, PROBLEM, ["; ".join(said_by_row.get(int(r), [])) for r in rows["row"]])
    return base


def _use(parsed: ParsedTeam, note: Msg | None) -> None:
    st.session_state[BASE] = _with_problems(parsed)
    st.session_state[FILE_PROBLEMS] = parsed.problems
    st.session_state[FILE_NOTE] = note
    st.session_state.pop(EDITOR, None)  # old edits belong to the old table


def _rescale() -> None:
    """The scale radio's callback: read the file again on a scale the radio offers."""
    on_choice(SCALE, list(_SCALES), lambda _scale: _read_file())


def _choose_sheet() -> None:
    """The sheet selectbox's callback: read the workbook's sheet the selectbox offers."""
    on_choice(SHEET, st.session_state[_SHEETS], lambda _sheet: _read_file())


def _read_file() -> None:
    """(Re-)read the uploaded file with the chosen scale (and sheet of a workbook)."""
    stored = st.session_state.get(_FILE)
    if not stored:
        return
    name, data = stored
    try:
        sheet = st.session_state.get(SHEET)
        parsed = parse_team_bytes(data, name, scale=st.session_state[SCALE], sheet=sheet)
    except TeamFileError as exc:
        st.session_state[FILE_ERROR] = Msg(
            "{name} was not loaded: {why}.", name=name, why=exc.message
        )
        st.session_state[FILE_PROBLEMS] = []
        st.session_state[FILE_NOTE] = None
        return
    st.session_state[FILE_ERROR] = None
    if st.session_state[SCALE] == "auto":
        note = Msg(
            "Scores in {name} read on the {scale} scale (detected).", name=name, scale=parsed.scale
        )
    else:
        note = Msg(
            "Scores in {name} read on the {scale} scale (chosen).", name=name, scale=parsed.scale
        )
    if parsed.scale == "1-5":
        note = Joined([note, Msg("Converted to 0-10 (1 → 0, 3 → 5, 5 → 10).")], how="sentences")
    if parsed.sheet is not None:  # a workbook: say which of its sheets was read
        st.session_state[SHEET] = parsed.sheet
        note = Joined(
            [note, Msg("Read from the sheet {sheet!r}.", sheet=parsed.sheet)], how="sentences"
        )
    if parsed.unused:  # a column that is none of ours is said, not dropped silently
        names = ", ".join(repr(h) for h in parsed.unused)
        note = Joined([note, Msg("Not used: the column(s) {names}.", names=names)], how="sentences")
    _use(parsed, note)


def load_example() -> None:
    """Replace the table with the fictional example team."""
    st.session_state[_FILE] = None
    st.session_state[FILE_ERROR] = None
    example = EXAMPLES[current_lang()]
    _use(parse_team_bytes(Path(example).read_bytes(), example.name), None)


def _uploader_key() -> str:
    generation = st.session_state.get(_GENERATION, 0)
    return UPLOAD if not generation else f"{UPLOAD}_{generation}"


def _check_upload() -> None:
    up = st.session_state.get(_uploader_key())
    if up is None or up.file_id == st.session_state[_FILE_ID]:
        return
    st.session_state[_FILE_ID] = up.file_id
    if is_lost_upload(up):
        # The browser still lists a file this server does not have: the page reconnected to
        # another server (a replica went down) or the server restarted, and the team it held
        # was in the old session only. A new, empty uploader replaces the stale one, because
        # a browser ignores the same file chosen again in an input that still lists it.
        st.session_state[FILE_ERROR] = Msg(LOST_UPLOAD)
        st.session_state[_GENERATION] = st.session_state.get(_GENERATION, 0) + 1
        st.rerun()
    st.session_state[_FILE] = (up.name, up.getvalue())
    st.session_state[SCALE] = "auto"
    st.session_state.pop(SHEET, None)  # a new file: the first sheet with our columns
    st.session_state[_SHEETS] = workbook_sheets(up.name, st.session_state[_FILE][1])
    _read_file()


def render_sources() -> None:
    """Upload, scale override, template download and the example button."""
    left, right = st.columns([3, 2], vertical_alignment="bottom")
    left.file_uploader(
        _("Upload a team (CSV or Excel)"),
        type=["csv", "xlsx", "txt"],
        key=_uploader_key(),
        help=_(
            "Columns: name, ML expertise (ml), Software engineering (swe), Communication (comm), "
            "current title (optional). Scores 0-10 or 1-5. At most 5,000 rows and 5 MB."
        ),
    )
    _check_upload()
    right.button(_("Load example team"), on_click=load_example, icon=":material/group_add:")
    right.download_button(
        _("Download template (CSV)"),
        template_csv(current_lang()),
        file_name="team-template.csv",
        mime="text/csv",
    )
    if st.session_state[_FILE]:
        st.radio(
            _("Scale of the scores in the file"),
            list(_SCALES),
            format_func={k: _(v) for k, v in _SCALES.items()}.__getitem__,
            key=SCALE,
            horizontal=True,
            on_change=_rescale,
        )
    if len(st.session_state[_SHEETS]) > 1:
        st.selectbox(
            _("Sheet of the workbook"),
            st.session_state[_SHEETS],
            key=SHEET,
            on_change=_choose_sheet,
            help=_("The first sheet with the needed columns is read; choose another here."),
        )
    if st.session_state[FILE_NOTE]:
        st.caption(said(st.session_state[FILE_NOTE]))
    if st.session_state[FILE_ERROR]:
        st.error(said(st.session_state[FILE_ERROR]), icon=":material/error:")


def table_rows() -> pd.DataFrame:
    """The table the editor starts from (the last loaded team)."""
    base: pd.DataFrame = st.session_state[BASE]
    return base


def render_editor() -> ParsedTeam:
    """The editable team table; returns its valid rows and the problems in it."""
    edited = st.data_editor(
        st.session_state[BASE],
        key=EDITOR,
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        column_config={
            "name": st.column_config.TextColumn(_(COLUMN_LABELS["name"]), required=True),
            PROBLEM: st.column_config.TextColumn(
                _("Problem (when loaded)"),
                disabled=True,
                help=_("What was wrong in this row of the file; the list below is current"),
            ),
            **{
                axis: st.column_config.NumberColumn(
                    axis_label(axis, current_lang()), min_value=0, max_value=10, step=0.5
                )
                for axis in AXES
            },
            "title": st.column_config.TextColumn(_(COLUMN_LABELS["title"])),
        },
    )
    return parse_table(edited, scale="0-10")


def _problem_table(problems: list[Problem]) -> None:
    lang = current_lang()
    frame = pd.DataFrame(
        [
            [
                _("file") if p.row is None else str(p.row),
                _(COLUMN_LABELS.get(p.column or "", p.column or "")) if p.column else "",
                p.value,
                p.expected_text(lang),
            ]
            for p in problems
        ],
        columns=[_("row"), _("column"), _("value"), _("expected")],
    )
    st.dataframe(frame, hide_index=True, width="stretch")


def render_problems(table: ParsedTeam) -> None:
    """Say what was wrong in the uploaded file (its bad rows are in the table, marked) and
    list what is wrong in the table now, row by row."""
    from_file: list[Problem] = st.session_state[FILE_PROBLEMS]
    in_rows = [p for p in from_file if p.row is not None and not p.kept]
    if in_rows:
        st.warning(
            _(
                "The uploaded file had {n} problem(s) in {rows} row(s). Those rows are in the "
                "table with the problem beside them: fix them there. The other rows are on the "
                "map meanwhile.",
                n=len(in_rows),
                rows=len({p.row for p in in_rows}),
            )
        )
    notes = [p for p in from_file if p.row is None or p.kept]
    if notes:
        st.warning(_("In the uploaded file: {n} note(s) to check.", n=len(notes)))
        _problem_table(notes)
    if table.problems:
        rows = len({p.row for p in table.problems if not p.kept})
        st.warning(
            _(
                "In the table (these rows are not on the map): {n} problem(s) in {rows} row(s).",
                n=len(table.problems),
                rows=rows,
            )
        )
        _problem_table(table.problems)
