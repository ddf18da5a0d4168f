"""A team file's bytes as rows: CSV in any common encoding and delimiter, or the first sheet of
an Excel workbook. What the rows mean is `roles.team`'s business."""

from __future__ import annotations

import csv
import io
import warnings
import zipfile

from roles.errors import TeamFileError
from roles.i18n import N_, Msg

XLSX_MAGIC = b"PK\x03\x04"


def decode(data: bytes) -> tuple[str, list[tuple[int, str]]]:
    """Text of a CSV; a non-UTF-8 file is still read, and each affected line is returned
    (its number and its text as read) for the caller to name."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), []
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
    try:
        return data.decode("cp1252"), bad
    except UnicodeDecodeError:
        return data.decode("latin-1"), bad


UTF8_HINT = N_(
    "UTF-8 text; this line was read as Windows-1252, so check accented names "
    "(save the file as 'CSV UTF-8' to be sure)"
)


def _csv_rows(text: str) -> list[list[str]]:
    if "\x00" in text:
        raise TeamFileError(Msg("the file is binary, not text; upload a .csv or .xlsx file"))
    sample = text[:20_000]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    try:
        return list(csv.reader(io.StringIO(text), dialect))
    except csv.Error as exc:
        raise TeamFileError(
            Msg("the file is not valid CSV ({why}); save it again as CSV", why=exc)
        ) from None


def _xlsx_rows(data: bytes) -> list[list[object]]:
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            # openpyxl warns about harmless styling details of files saved by other tools.
            warnings.simplefilter("ignore", UserWarning)
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            sheet = book.worksheets[0]
            rows = [list(r) for r in sheet.iter_rows(values_only=True)]
            book.close()
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, IndexError) as exc:
        raise TeamFileError(
            Msg(
                "the Excel file cannot be read ({why}); save it again as .xlsx",
                why=type(exc).__name__,
            )
        ) from None
    return [["" if v is None else v for v in r] for r in rows]


def read_rows(data: bytes, filename: str) -> tuple[list[list[object]], list[tuple[int, str]]]:
    """The rows of a CSV or Excel file, and the CSV lines that were not UTF-8 (see `decode`)."""
    lower = filename.lower()
    if data.startswith(XLSX_MAGIC) or lower.endswith((".xlsx", ".xlsm")):
        return _xlsx_rows(data), []
    if not lower.endswith((".csv", ".txt", ".tsv")) and lower:
        raise TeamFileError(
            Msg(
                "{filename!r} is not a CSV or Excel file; upload a .csv or .xlsx file",
                filename=filename,
            )
        )
    text, bad = decode(data)
    rows: list[list[object]] = [list(r) for r in _csv_rows(text)]
    return rows, bad
