"""Getting the team in: the editable table, file upload, template and example team.

Team data is personal: it lives in this browser session's state only and is never written to
disk or to logs. The table always holds 0-10 scores; a 1-5 file is converted when it is loaded.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit.runtime.uploaded_file_manager import DeletedFile

from roles.catalog import DATA_DIR
from roles.errors import TeamFileError
from roles.team import (
    COLUMN_LABELS,
    COLUMNS,
    ParsedTeam,
    parse_table,
    parse_team_bytes,
    template_csv,
)

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
EXAMPLE = DATA_DIR / "example_team.csv"
LOST_UPLOAD = (
    "The uploaded file is no longer on the server: the connection moved to another server "
    "or the server restarted, and a team file is kept only in the browser session that sent "
    "it. Upload the file again."
)
_SCALES = {"auto": "Detect", "0-10": "0-10", "1-5": "1-5"}


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
    }
    for key, value in defaults.items():
        st.session_state.setdefault(key, value)


def _use(parsed: ParsedTeam, note: str | None) -> None:
    st.session_state[BASE] = parsed.members[list(COLUMNS)].reset_index(drop=True)
    st.session_state[FILE_PROBLEMS] = parsed.problems
    st.session_state[FILE_NOTE] = note
    st.session_state.pop(EDITOR, None)  # old edits belong to the old table


def _read_file() -> None:
    """(Re-)read the uploaded file with the chosen scale."""
    stored = st.session_state.get(_FILE)
    if not stored:
        return
    name, data = stored
    try:
        parsed = parse_team_bytes(data, name, scale=st.session_state[SCALE])
    except TeamFileError as exc:
        st.session_state[FILE_ERROR] = f"{name} was not loaded: {exc}."
        st.session_state[FILE_PROBLEMS] = []
        st.session_state[FILE_NOTE] = None
        return
    st.session_state[FILE_ERROR] = None
    auto = "detected" if st.session_state[SCALE] == "auto" else "chosen"
    note = f"Scores in {name} read on the {parsed.scale} scale ({auto})"
    if parsed.scale == "1-5":
        note += "; converted to 0-10 (1 → 0, 3 → 5, 5 → 10)"
    _use(parsed, note + ".")


def load_example() -> None:
    """Replace the table with the fictional example team."""
    st.session_state[_FILE] = None
    st.session_state[FILE_ERROR] = None
    _use(parse_team_bytes(Path(EXAMPLE).read_bytes(), EXAMPLE.name), None)


def _uploader_key() -> str:
    generation = st.session_state.get(_GENERATION, 0)
    return UPLOAD if not generation else f"{UPLOAD}_{generation}"


def _check_upload() -> None:
    up = st.session_state.get(_uploader_key())
    if up is None or up.file_id == st.session_state[_FILE_ID]:
        return
    st.session_state[_FILE_ID] = up.file_id
    if isinstance(up, DeletedFile):
        # The browser still lists a file this server does not have: the page reconnected to
        # another server (a replica went down) or the server restarted, and the team it held
        # was in the old session only. A new, empty uploader replaces the stale one, because
        # a browser ignores the same file chosen again in an input that still lists it.
        st.session_state[FILE_ERROR] = LOST_UPLOAD
        st.session_state[_GENERATION] = st.session_state.get(_GENERATION, 0) + 1
        st.rerun()
    st.session_state[_FILE] = (up.name, up.getvalue())
    st.session_state[SCALE] = "auto"
    _read_file()


def render_sources() -> None:
    """Upload, scale override, template download and the example button."""
    left, right = st.columns([3, 2], vertical_alignment="bottom")
    left.file_uploader(
        "Upload a team (CSV or Excel)",
        type=["csv", "xlsx", "txt"],
        key=_uploader_key(),
        help="Columns: name, ML expertise (ml), Software engineering (swe), Communication (comm), "
        "current title (optional). Scores 0-10 or 1-5. At most 5,000 rows and 5 MB.",
    )
    _check_upload()
    right.button("Load example team", on_click=load_example, icon=":material/group_add:")
    right.download_button(
        "Download template (CSV)", template_csv(), file_name="team-template.csv", mime="text/csv"
    )
    if st.session_state[_FILE]:
        st.radio(
            "Scale of the scores in the file",
            list(_SCALES),
            format_func=_SCALES.get,
            key=SCALE,
            horizontal=True,
            on_change=_read_file,
        )
    if st.session_state[FILE_NOTE]:
        st.caption(st.session_state[FILE_NOTE])
    if st.session_state[FILE_ERROR]:
        st.error(st.session_state[FILE_ERROR], icon=":material/error:")


def table_rows() -> pd.DataFrame:
    """The table the editor starts from (the last loaded team)."""
    return st.session_state[BASE]


def render_editor() -> ParsedTeam:
    """The editable team table; returns its valid rows and the problems in it."""
    edited = st.data_editor(
        st.session_state[BASE],
        key=EDITOR,
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        column_config={
            "name": st.column_config.TextColumn("name", required=True),
            "ml": st.column_config.NumberColumn(
                "ML expertise", min_value=0, max_value=10, step=0.5
            ),
            "swe": st.column_config.NumberColumn(
                "Software engineering", min_value=0, max_value=10, step=0.5
            ),
            "comm": st.column_config.NumberColumn(
                "Communication", min_value=0, max_value=10, step=0.5
            ),
            "title": st.column_config.TextColumn("current title"),
        },
    )
    return parse_table(edited, scale="0-10")


def render_problems(table: ParsedTeam) -> None:
    """List what is wrong in the uploaded file and in the table, row by row."""
    groups = [
        ("In the uploaded file (these rows were not loaded)", st.session_state[FILE_PROBLEMS]),
        ("In the table (these rows are not on the map)", table.problems),
    ]
    for heading, problems in groups:
        if not problems:
            continue
        rows = len({p.row for p in problems if not p.kept})
        st.warning(f"{heading}: {len(problems)} problem(s) in {rows} row(s).")
        frame = pd.DataFrame(
            [
                {
                    "row": "file" if p.row is None else str(p.row),
                    "column": COLUMN_LABELS.get(p.column or "", p.column or ""),
                    "value": p.value,
                    "expected": p.expected,
                }
                for p in problems
            ]
        )
        st.dataframe(frame, hide_index=True, width="stretch")
