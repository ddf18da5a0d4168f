"""Reading a team from CSV / Excel bytes or a table: lenient about layout, strict about values.

Nothing is dropped without being named: every row ends up either as a member or in a `Problem`
that gives its row number, the column, the value found and what is expected there. Problems that
make a whole file unreadable (empty, too large, not CSV/Excel, a missing column) raise
`TeamFileError` instead.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from roles.errors import TeamFileError
from roles.i18n import DEFAULT_LANG, Lang, Msg, say, tr
from roles.models import AXES
from roles.team_bytes import MAX_BYTES, MAX_ROWS, UTF8_HINT, read_rows
from roles.team_columns import (
    COLUMN_LABELS,
    COLUMNS,
    SCALE_RANGE,
    Scale,
    ScaleChoice,
    detect_scale,
    map_header,
    to_ten,
    unused_headers,
)

__all__ = ["MAX_BYTES", "MAX_ROWS", "ParsedTeam", "Problem", "parse_table", "parse_team_bytes"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the input, precise enough to fix without guessing."""

    row: int | None
    column: str | None
    value: str
    need: str | Msg  # what is expected there
    kept: bool = False  # True: a warning only, the row is still on the map

    @property
    def expected(self) -> str:
        """What is expected, in English."""
        return str(self.need)

    def expected_text(self, lang: Lang = DEFAULT_LANG) -> str:
        """What is expected, in `lang`."""
        return say(self.need, lang)

    def text(self, lang: Lang = DEFAULT_LANG) -> str:
        """The problem in one line, e.g. `Row 4, column ML expertise: 'abc'; expected ...`."""
        shown = f"{self.value!r}" if self.value != "" else tr(lang, "(empty)")
        fields = {"row": self.row, "value": shown, "expected": self.expected_text(lang)}
        if self.column:
            column = tr(lang, COLUMN_LABELS.get(self.column, self.column))
            if self.row is None:
                return tr(
                    lang,
                    "File, column {column}: {value}; expected {expected}",
                    column=column,
                    **fields,
                )
            return tr(
                lang,
                "Row {row}, column {column}: {value}; expected {expected}",
                column=column,
                **fields,
            )
        if self.row is None:
            return tr(lang, "File: {value}; expected {expected}", **fields)
        return tr(lang, "Row {row}: {value}; expected {expected}", **fields)

    def cell_text(self, lang: Lang = DEFAULT_LANG) -> str:
        """The problem without its row, for a cell beside the row: `ML expertise: 'abc';
        expected ...`."""
        shown = f"{self.value!r}" if self.value != "" else tr(lang, "(empty)")
        fields = {"value": shown, "expected": self.expected_text(lang)}
        if not self.column:
            return tr(lang, "{value}; expected {expected}", **fields)
        column = tr(lang, COLUMN_LABELS.get(self.column, self.column))
        return tr(lang, "{column}: {value}; expected {expected}", column=column, **fields)

    @property
    def message(self) -> str:
        """The problem in one line, in English."""
        return self.text(DEFAULT_LANG)


@dataclass(frozen=True)
class ParsedTeam:
    """Valid members on a 0-10 scale, the problems found and the scale that was applied."""

    members: pd.DataFrame  # columns: row, name, ml, swe, comm, title
    problems: list[Problem] = field(default_factory=list)
    scale: Scale = "0-10"
    detected: Scale = "0-10"
    rows_read: int = 0
    blank_rows: int = 0
    sheet: str | None = None  # the workbook's sheet read (None for a CSV or a table)
    # Every non-blank row, bad ones too, for the editor: scores on 0-10 where they are numbers
    # (NaN where not), so a manager fixes a bad row in place instead of typing it again.
    rows: pd.DataFrame | None = None
    unused: list[str] = field(default_factory=list)  # the file's headers that are not ours

    @property
    def rejected_rows(self) -> list[int]:
        """Row numbers that are not on the map because of an error."""
        return sorted({p.row for p in self.problems if p.row is not None and not p.kept})


_EMPTY = Msg("the file is empty; it needs a header row and one row per person")


def too_large(mb: float) -> Msg:
    """The message for a file over the 5 MB limit."""
    return Msg(
        "the file is {mb:.1f} MB; the limit is 5 MB. Split the team into smaller files", mb=mb
    )


def read_table(
    data: bytes, filename: str = "team.csv", *, sheet: str | None = None
) -> tuple[pd.DataFrame, list[Problem], str | None, list[str]]:
    """CSV/XLSX bytes -> raw table (our column names plus a `row` column), read warnings, the
    sheet read (None for a CSV) and the headers that are none of our columns."""
    if len(data) > MAX_BYTES:
        mb = len(data) / 1024 / 1024
        raise TeamFileError(too_large(mb))
    if not data.strip():
        raise TeamFileError(_EMPTY)
    raw = read_rows(data, filename, sheet=sheet)
    rows = raw.rows
    problems = [Problem(n, None, line, Msg(UTF8_HINT), kept=True) for n, line in raw.bad_lines]
    start = next((i for i, r in enumerate(rows) if any(str(c).strip() for c in r)), None)
    if start is None:
        raise TeamFileError(_EMPTY)
    header = rows[start]
    mapping = map_header(header)
    body = rows[start + 1 :]
    if not body:
        raise TeamFileError(Msg("the file has a header row but no people; add one row per person"))
    if len(body) > MAX_ROWS:
        raise TeamFileError(
            Msg(
                "the file has {rows:,} rows; the limit is {limit:,} people. Split it into smaller "
                "files",
                rows=len(body),
                limit=MAX_ROWS,
            )
        )
    first_row = start + 2  # spreadsheet numbering: the header is on row start + 1
    records = [{col: (r[i] if i < len(r) else "") for col, i in mapping.items()} for r in body]
    frame = pd.DataFrame.from_records(records, columns=list(mapping))
    for col in COLUMNS:
        if col not in frame:
            frame[col] = ""
    frame.insert(0, "row", range(first_row, first_row + len(body)))
    return frame[["row", *COLUMNS]], problems, raw.sheet, unused_headers(header, mapping)


def _number(value: object) -> float | None:
    """A cell as a number, or None when it is not one (text, empty, NaN, a boolean)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else None
    text = str(value).strip().replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _row_problems(
    row: int, cells: dict[str, object], numbers: dict[str, float | None], scale: Scale
) -> list[Problem]:
    problems = []
    if not _text(cells["name"]):
        problems.append(Problem(row, "name", "", Msg("a name (any text that tells people apart)")))
    low, high = SCALE_RANGE[scale]
    expected = Msg("a number from {low:g} to {high:g}", low=low, high=high)
    for axis in AXES:
        raw, number = _text(cells[axis]), numbers[axis]
        if number is None:
            problems.append(Problem(row, axis, raw, expected))
        elif not low <= number <= high:
            hint = (
                Msg(
                    "a number from {low:g} to {high:g} (the {scale} scale)",
                    low=low,
                    high=high,
                    scale=scale,
                )
                if scale == "1-5"
                else expected
            )
            problems.append(Problem(row, axis, raw or f"{number:g}", hint))
    return problems


def _cells(frame: pd.DataFrame, first_row: int) -> tuple[list[int], list[dict[str, object]]]:
    frame = frame.reset_index(drop=True)
    rows = (
        frame["row"].tolist() if "row" in frame else list(range(first_row, first_row + len(frame)))
    )
    present = [c for c in COLUMNS if c in frame]
    records = frame[present].to_dict("records")
    return [int(r) for r in rows], [{c: rec.get(c, "") for c in COLUMNS} for rec in records]


def parse_table(
    frame: pd.DataFrame, *, scale: ScaleChoice = "auto", first_row: int = 1
) -> ParsedTeam:
    """Validate a table (our column names; an optional `row` column) into members and problems."""
    rows, cells = _cells(frame, first_row)
    blank = [all(_text(c[k]) == "" for k in COLUMNS) for c in cells]
    numbers = [{a: _number(c[a]) for a in AXES} for c in cells]
    seen = [v for n, b in zip(numbers, blank, strict=True) if not b for v in n.values()]
    detected = detect_scale([v for v in seen if v is not None])
    applied: Scale = detected if scale == "auto" else scale
    problems: list[Problem] = []
    members: list[dict[str, object]] = []
    loaded: list[dict[str, object]] = []
    first_seen: dict[str, int] = {}
    for row, c, n, b in zip(rows, cells, numbers, blank, strict=True):
        if b:
            continue
        found = _row_problems(row, c, n, applied)
        name = _text(c["name"])
        if name.casefold() in first_seen:
            again = Msg("a unique name; row {row} already has it", row=first_seen[name.casefold()])
            found.append(Problem(row, "name", name, again))
        elif name:
            first_seen[name.casefold()] = row
        problems.extend(found)
        loaded.append(_loaded_row(row, c, n, applied))
        if not found:
            scores = {a: to_ten(float(n[a] or 0.0), applied) for a in AXES}
            members.append({"row": row, "name": name, **scores, "title": _text(c["title"])})
    out = pd.DataFrame(members, columns=["row", "name", "ml", "swe", "comm", "title"])
    table = pd.DataFrame(loaded, columns=["row", *COLUMNS])
    return ParsedTeam(out, problems, applied, detected, len(cells), sum(blank), rows=table)


def _loaded_row(
    row: int, cells: dict[str, object], numbers: dict[str, float | None], scale: Scale
) -> dict[str, object]:
    scores = {a: math.nan if n is None else to_ten(n, scale) for a, n in numbers.items()}
    return {"row": row, "name": _text(cells["name"]), **scores, "title": _text(cells["title"])}


def parse_team_bytes(
    data: bytes,
    filename: str = "team.csv",
    *,
    scale: ScaleChoice = "auto",
    sheet: str | None = None,
) -> ParsedTeam:
    """Read and validate a team file (a workbook's sheet `sheet`, else the first with our
    columns); raises TeamFileError when the file as a whole is unusable."""
    frame, read_problems, sheet_read, unused = read_table(data, filename, sheet=sheet)
    parsed = parse_table(frame, scale=scale)
    return ParsedTeam(
        parsed.members,
        read_problems + parsed.problems,
        parsed.scale,
        parsed.detected,
        parsed.rows_read,
        parsed.blank_rows,
        sheet_read,
        parsed.rows,
        unused,
    )
