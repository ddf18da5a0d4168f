"""Streaming one XML part of an .xlsx workbook through expat, within hard limits.

Every part is read in chunks and parsed as it arrives: the bytes unpacked, the elements seen
and whatever the handlers count are checked on the way, and the first limit reached stops the
reading with a message naming it. A document type declaration (DTD) is refused, so no entity
can expand; a part that is not well-formed XML is named with the line of the fault.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from xml.parsers import expat

from roles.errors import TeamFileError
from roles.i18n import Msg


@dataclass(frozen=True)
class Limits:
    """How far a workbook is read before it is refused (the defaults suit a team file)."""

    rows: int = 10_000  # a value below this row is refused
    columns: int = 100  # a value right of this column is refused
    cell_chars: int = 1_000
    cells: int = 250_000  # cell elements in one sheet, empty and formatted ones included
    elements: int = 600_000  # XML elements in one part: what the parse costs
    part_bytes: int = 16 * 1024 * 1024  # one XML part, unpacked
    shared_strings: int = 100_000
    sheets: int = 64
    zip_entries: int = 2_000


DEFAULT_LIMITS = Limits()
_CHUNK = 64 * 1024
CELL_REF = re.compile(r"^([A-Z]{1,3})([0-9]{1,7})$")


def refuse(why: Msg) -> TeamFileError:
    return TeamFileError(Msg("the Excel file cannot be read: {why}", why=why))


def too_large(what: Msg) -> TeamFileError:
    return TeamFileError(Msg("the Excel file is too large for a team file: {what}", what=what))


def parse(archive: zipfile.ZipFile, part: str, limits: Limits, handlers: dict[str, Any]) -> None:
    """Stream one XML part through expat with `handlers`; refuse a DTD, bad XML, too many bytes."""
    try:
        info = archive.getinfo(part)
    except KeyError:
        raise refuse(Msg("its part {part} is missing", part=part)) from None
    if info.file_size > limits.part_bytes:
        raise too_large(
            Msg("{part} unpacks to {mb:.0f} MB", part=part, mb=info.file_size / 1024 / 1024)
        )
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True

    def no_dtd(*_args: object) -> None:
        raise refuse(
            Msg(
                "{part} holds a document type declaration (DTD), which Excel never writes; "
                "open the file in a spreadsheet program and save it again as .xlsx",
                part=part,
            )
        )

    parser.StartDoctypeDeclHandler = no_dtd
    parser.EntityDeclHandler = no_dtd
    for name, handler in handlers.items():
        setattr(parser, name, handler)
    parser.StartElementHandler = _counting(handlers.get("StartElementHandler"), part, limits)
    read = 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                read += len(chunk)
                if read > limits.part_bytes:
                    raise too_large(Msg("{part} unpacks to more than its size says", part=part))
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except expat.ExpatError as exc:
        why = expat.ErrorString(exc.code)
        raise refuse(
            Msg(
                "{part} is not well-formed XML ({why}, line {line}); save it again as .xlsx",
                part=part,
                why=why,
                line=exc.lineno,
            )
        ) from None
    except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError) as exc:
        raise refuse(Msg("{part} is damaged ({why})", part=part, why=type(exc).__name__)) from None


def _counting(
    start: Callable[[str, dict[str, str]], None] | None, part: str, limits: Limits
) -> Callable[[str, dict[str, str]], None]:
    """`start` for each element, after counting it: the parse's cost is bounded by the count."""
    count = 0

    def counted(name: str, attrs: dict[str, str]) -> None:
        nonlocal count
        count += 1
        if count > limits.elements:
            raise too_large(
                Msg(
                    "{part} holds more than {n:,} elements (cells, rows, formatting), far more "
                    "than a team's table",
                    part=part,
                    n=limits.elements,
                )
            )
        if start is not None:
            start(name, attrs)

    return counted


def local(name: str) -> str:
    return name.rsplit(" ", 1)[-1]
