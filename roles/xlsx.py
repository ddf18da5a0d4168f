"""An .xlsx workbook's sheets and cells, read within hard limits while reading.

An .xlsx file is a zip of XML parts, and nothing in it can be taken on trust: a 1.6 KB file can
claim a sheet of 17 billion cells (`A1:XFD1048576`), a few hundred kilobytes can unpack to
gigabytes of text, and XML can declare entities that expand without end. So the parts are
streamed through expat with every limit checked as the data arrives: bytes unpacked per part,
cells per sheet, the row and column of every value, characters per cell, shared strings and
sheets. Declared dimensions are ignored, a document type declaration (DTD) is refused, and the
first limit reached stops the reading with a message naming it. Nothing is built for empty
cells; a sheet comes back as rows of values, each as long as its last value.

(openpyxl, even in read-only mode, loads the whole shared-string table and pads every row to the
widest column, so it cannot give these bounds; it is still how the tests write workbooks.)
"""

from __future__ import annotations

import contextlib
import io
import posixpath
import zipfile
from collections.abc import Callable

from roles.errors import TeamFileError
from roles.i18n import Msg
from roles.xlsx_parts import DEFAULT_LIMITS, Limits, local, parse, refuse, too_large
from roles.xlsx_sheet import Done, SheetReader, shared_strings

__all__ = [
    "DEFAULT_LIMITS",
    "Limits",
    "NoSheetChosen",
    "read_sheet",
    "read_sheets",
    "sheet_names",
]


class NoSheetChosen(TeamFileError):
    """No sheet's first row was what the caller looked for; `sheets` are the names there are."""

    def __init__(self, sheets: list[str]) -> None:
        self.sheets = sheets
        names = ", ".join(repr(n) for n in sheets)
        super().__init__(Msg("no sheet has the needed columns (sheets: {names})", names=names))


def _relationships(archive: zipfile.ZipFile, limits: Limits) -> dict[str, str]:
    targets: dict[str, str] = {}

    def start(name: str, attrs: dict[str, str]) -> None:
        if local(name) == "Relationship" and "Id" in attrs and "Target" in attrs:
            target = attrs["Target"]
            path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            targets[attrs["Id"]] = posixpath.normpath(path)

    parse(archive, "xl/_rels/workbook.xml.rels", limits, {"StartElementHandler": start})
    return targets


def _sheet_parts(archive: zipfile.ZipFile, limits: Limits) -> list[tuple[str, str]]:
    """(name, part) of every worksheet, in the workbook's order."""
    sheets: list[tuple[str, str]] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        if local(name) == "sheet":
            rid = next((v for k, v in attrs.items() if local(k) == "id"), "")
            sheets.append((attrs.get("name", ""), rid))
            if len(sheets) > limits.sheets:
                raise too_large(Msg("more than {n} sheets", n=limits.sheets))

    parse(archive, "xl/workbook.xml", limits, {"StartElementHandler": start})
    rels = _relationships(archive, limits)
    return [(name, rels[rid]) for name, rid in sheets if rid in rels]


def _open(data: bytes, limits: Limits) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise refuse(
            Msg("it is not a zipped .xlsx workbook (an old .xls, or a password-protected file?)")
        ) from None
    if len(archive.infolist()) > limits.zip_entries:
        raise too_large(Msg("more than {n:,} parts", n=limits.zip_entries))
    return archive


def sheet_names(data: bytes, *, limits: Limits = DEFAULT_LIMITS) -> list[str]:
    """The workbook's sheet names, in order."""
    with _open(data, limits) as archive:
        return [name for name, _ in _sheet_parts(archive, limits)]


def _read(
    archive: zipfile.ZipFile, part: str, strings: list[str], limits: Limits, first_row_only: bool
) -> list[list[object]]:
    reader = SheetReader(strings, limits, first_row_only)
    handlers: dict[str, Callable[..., None]] = {
        "StartElementHandler": reader.start,
        "EndElementHandler": reader.end,
        "CharacterDataHandler": reader.chars,
    }
    with contextlib.suppress(Done):  # the first row was all that was asked for
        parse(archive, part, limits, handlers)
    return reader.table()


def read_sheets(
    data: bytes,
    choose: Callable[[str, list[list[object]]], bool] | None = None,
    *,
    limits: Limits = DEFAULT_LIMITS,
) -> tuple[str, list[list[object]]]:
    """The first sheet whose first non-empty row `choose(name, rows)` accepts (every sheet
    when `choose` is None: the first one), as (name, rows); TeamFileError naming the sheets when
    none is accepted."""
    with _open(data, limits) as archive:
        sheets = _sheet_parts(archive, limits)
        if not sheets:
            raise refuse(Msg("it has no worksheet"))
        strings = shared_strings(archive, limits)
        for name, part in sheets:
            if choose is None or choose(name, _read(archive, part, strings, limits, True)):
                return name, _read(archive, part, strings, limits, False)
    raise NoSheetChosen([n for n, _ in sheets])


def read_sheet(data: bytes, name: str, *, limits: Limits = DEFAULT_LIMITS) -> list[list[object]]:
    """The rows of the sheet called `name`; TeamFileError listing the sheets if there is none."""
    with _open(data, limits) as archive:
        sheets = dict(_sheet_parts(archive, limits))
        if name not in sheets:
            names = ", ".join(repr(n) for n in sheets)
            raise TeamFileError(
                Msg("the workbook has no sheet {name!r} (sheets: {names})", name=name, names=names)
            )
        return _read(archive, sheets[name], shared_strings(archive, limits), limits, False)
