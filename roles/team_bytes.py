"""A team file's bytes as rows: CSV in any common encoding and delimiter, or a sheet of an Excel
workbook, read within hard limits while reading. What the rows mean is `roles.team`'s business.

An upload is untrusted: a few kilobytes can hold hundreds of thousands of rows, lines tens of
thousands of cells wide, or (zipped, in an .xlsx) gigabytes of text. Every limit below is
checked as the rows arrive, before anything larger is built, and the first one reached refuses
the file with a message that names it (`roles.xlsx` does the same for workbooks).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field

from roles.errors import TeamFileError
from roles.i18n import N_, Msg
from roles.team_columns import map_header
from roles.xlsx import Limits, NoSheetChosen, read_sheet, read_sheets, sheet_names
from roles.xlsx_sheet import column_name

XLSX_MAGIC = b"PK\x03\x04"
MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5_000  # people
MAX_LINES = 2 * MAX_ROWS  # rows read, blank ones and a title above the table included
MAX_COLUMNS = 100
MAX_CELL_CHARS = 1_000
MAX_LINE_CHARS = 128 * 1024
_MAX_BAD_LINES = 100  # non-UTF-8 lines named, at most
LIMITS = Limits(rows=MAX_LINES, columns=MAX_COLUMNS, cell_chars=MAX_CELL_CHARS)
_DELIMITERS = ",;\t|"


@dataclass(frozen=True)
class RawRows:
    """A file's rows as read, the CSV lines that were not UTF-8, and the sheet they came from."""

    rows: list[list[object]]
    bad_lines: list[tuple[int, str]] = field(default_factory=list)
    sheet: str | None = None


def decode(data: bytes) -> tuple[str, list[tuple[int, str]]]:
    """Text of a CSV; a non-UTF-8 file is still read, and each affected line is returned
    (its number and its text as read, the first hundred) for the caller to name."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), []
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    bad = []
    for number, line in enumerate(data.splitlines(), start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad.append((number, line.decode("latin-1")[:60]))
            if len(bad) >= _MAX_BAD_LINES:
                break
    try:
        return data.decode("cp1252"), bad
    except UnicodeDecodeError:
        return data.decode("latin-1"), bad


UTF8_HINT = N_(
    "UTF-8 text; this line was read as Windows-1252, so check accented names "
    "(save the file as 'CSV UTF-8' to be sure)"
)


def _delimiter(text: str) -> str:
    """The delimiter the header line uses most (a comma when it uses none)."""
    header = next((line for line in io.StringIO(text[:MAX_LINE_CHARS]) if line.strip()), "")
    counts = {d: header.count(d) for d in _DELIMITERS}
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] else ","


def _lines(text: str) -> Iterator[str]:
    """The file's lines for the CSV reader, refusing one too long to be a row of a team."""
    for number, line in enumerate(io.StringIO(text, newline=""), start=1):
        if len(line) > MAX_LINE_CHARS:
            raise TeamFileError(
                Msg(
                    "line {n:,} is longer than {limit:,} characters, far more than a row of a "
                    "team; save the table alone as CSV",
                    n=number,
                    limit=MAX_LINE_CHARS,
                )
            )
        yield line


def _bounded(row: list[str], number: int) -> list[object]:
    """A CSV row within the column and cell limits (trailing empty cells dropped)."""
    while row and not row[-1].strip():
        row.pop()
    if len(row) > MAX_COLUMNS:
        raise TeamFileError(
            Msg(
                "row {row:,} has a value in column {name}; a team file has at most {m} columns",
                row=number,
                name=column_name(len(row)),
                m=MAX_COLUMNS,
            )
        )
    for i, cell in enumerate(row, start=1):
        if len(cell) > MAX_CELL_CHARS:
            raise TeamFileError(
                Msg(
                    "the cell in row {row:,}, column {col} holds more than {n:,} characters",
                    row=number,
                    col=column_name(i),
                    n=MAX_CELL_CHARS,
                )
            )
    return list(row)


def too_many_lines() -> Msg:
    """The message for a file with more rows than a team file can have."""
    return Msg(
        "the file has more than {lines:,} rows (blank ones included); the limit is {limit:,} "
        "people. Split it into smaller files",
        lines=MAX_LINES,
        limit=MAX_ROWS,
    )


def _csv_rows(text: str) -> list[list[object]]:
    if "\x00" in text:
        raise TeamFileError(Msg("the file is binary, not text; upload a .csv or .xlsx file"))
    rows: list[list[object]] = []
    try:
        for row in csv.reader(_lines(text), delimiter=_delimiter(text)):
            if len(rows) >= MAX_LINES:
                raise TeamFileError(too_many_lines())
            rows.append(_bounded(row, len(rows) + 1))
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):  # a quoted cell over many lines
            raise TeamFileError(
                Msg(
                    "a cell after row {row:,} holds more than {n:,} characters",
                    row=len(rows),
                    n=MAX_CELL_CHARS,
                )
            ) from None
        raise TeamFileError(
            Msg("the file is not valid CSV ({why}); save it again as CSV", why=exc)
        ) from None
    return rows


def _has_our_columns(_name: str, rows: list[list[object]]) -> bool:
    try:
        return bool(rows) and bool(map_header(rows[-1]))
    except TeamFileError:
        return False


def _xlsx_rows(data: bytes, sheet: str | None) -> RawRows:
    if sheet is not None:
        return RawRows(read_sheet(data, sheet, limits=LIMITS), sheet=sheet)
    # Several sheets: the first whose header row has our columns (a notes sheet first is
    # common); with none, the first sheet, whose header then names what is missing.
    try:
        name, rows = read_sheets(data, _has_our_columns, limits=LIMITS)
    except NoSheetChosen:
        name, rows = read_sheets(data, None, limits=LIMITS)
    return RawRows([["" if v is None else v for v in r] for r in rows], sheet=name)


def workbook_sheets(filename: str, data: bytes) -> list[str]:
    """The sheet names of a workbook, within the limits ([] for a CSV or an unreadable file:
    reading it says why)."""
    if not (data.startswith(XLSX_MAGIC) or filename.lower().endswith((".xlsx", ".xlsm"))):
        return []
    try:
        return sheet_names(data, limits=LIMITS)
    except TeamFileError:
        return []


def read_rows(data: bytes, filename: str, *, sheet: str | None = None) -> RawRows:
    """The rows of a CSV or Excel file (of the sheet named `sheet`, else the first with our
    columns), within the limits above, and the CSV lines that were not UTF-8 (see `decode`)."""
    lower = filename.lower()
    if data.startswith(XLSX_MAGIC) or lower.endswith((".xlsx", ".xlsm")):
        return _xlsx_rows(data, sheet)
    if not lower.endswith((".csv", ".txt", ".tsv")) and lower:
        raise TeamFileError(
            Msg(
                "{filename!r} is not a CSV or Excel file; upload a .csv or .xlsx file",
                filename=filename,
            )
        )
    text, bad = decode(data)
    return RawRows(_csv_rows(text), bad)
