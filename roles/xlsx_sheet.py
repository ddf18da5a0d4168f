"""The XML of one worksheet (and the shared-string table) as rows of values, within limits.

Declared dimensions are ignored and nothing is built for empty cells: a value is placed by its
own row and column, each checked against the limits as it is read, and a sheet comes back as
rows of values, each as long as its last value.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field

from roles.i18n import Msg
from roles.xlsx_parts import CELL_REF, Limits, local, parse, refuse, too_large


class Done(Exception):
    """Raised by a handler to stop reading early (the header row was found)."""


def column_name(index: int) -> str:
    """Spreadsheet column letters of a 1-based index (1 -> A, 28 -> AB)."""
    name = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _column_index(letters: str) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - 64
    return index


def shared_strings(archive: zipfile.ZipFile, limits: Limits) -> list[str]:
    """The shared-string table; each string kept to one character past the cell limit (enough
    to refuse it if a cell uses it), so the table's size is bounded by its part's bytes."""
    if "xl/sharedStrings.xml" not in archive.namelist():
        return []
    strings: list[str] = []
    state = {"in_si": False, "in_t": False, "skip": 0, "length": 0}
    parts: list[str] = []
    keep = limits.cell_chars + 1

    def start(name: str, _attrs: dict[str, str]) -> None:
        tag = local(name)
        if tag == "si":
            state["in_si"], state["length"], parts[:] = True, 0, []
        elif tag == "rPh":  # phonetic guides are not part of the text
            state["skip"] += 1
        elif tag == "t" and state["in_si"] and not state["skip"]:
            state["in_t"] = True

    def end(name: str) -> None:
        tag = local(name)
        if tag == "si":
            strings.append("".join(parts)[:keep])
            state["in_si"] = False
            if len(strings) > limits.shared_strings:
                raise too_large(Msg("more than {n:,} different texts", n=limits.shared_strings))
        elif tag == "rPh":
            state["skip"] -= 1
        elif tag == "t":
            state["in_t"] = False

    def text(data: str) -> None:
        if state["in_t"] and state["length"] < keep:
            parts.append(data)
            state["length"] += len(data)

    handlers = {
        "StartElementHandler": start,
        "EndElementHandler": end,
        "CharacterDataHandler": text,
    }
    parse(archive, "xl/sharedStrings.xml", limits, handlers)
    return strings


@dataclass
class SheetReader:
    """The handlers that turn a sheet's XML into rows of values, within the limits."""

    strings: list[str]
    limits: Limits
    first_row_only: bool
    rows: dict[int, dict[int, object]] = field(default_factory=dict)
    row: int = 0
    col: int = 0
    kind: str = "n"
    cells: int = 0
    text: list[str] = field(default_factory=list)
    length: int = 0
    collecting: bool = False

    def start(self, name: str, attrs: dict[str, str]) -> None:
        tag = local(name)
        if tag == "row":
            self.row = _whole(attrs.get("r"), self.row + 1)
            self.col = 0
        elif tag == "c":
            self.cells += 1
            if self.cells > self.limits.cells:
                raise too_large(Msg("more than {n:,} cells in one sheet", n=self.limits.cells))
            self._place(attrs.get("r"))
            self.kind, self.text, self.length, self.collecting = attrs.get("t", "n"), [], 0, False
        elif tag in ("v", "t"):
            self.collecting = True

    def _place(self, ref: str | None) -> None:
        found = CELL_REF.match(ref) if ref else None
        if found:
            self.col, self.row = _column_index(found.group(1)), int(found.group(2))
        else:
            self.col += 1

    def end(self, name: str) -> None:
        tag = local(name)
        if tag in ("v", "t"):
            self.collecting = False
        elif tag == "c":
            self._store(self._value())
        elif tag == "row" and self.first_row_only and self.rows:
            raise Done

    def chars(self, data: str) -> None:
        if self.collecting and self.length <= self.limits.cell_chars:
            self.text.append(data)
            self.length += len(data)

    def _value(self) -> object:
        raw = "".join(self.text)
        if self.kind == "s":
            index = _whole(raw, -1)
            if not 0 <= index < len(self.strings):
                raise refuse(Msg("a cell refers to text number {n}, which is missing", n=raw))
            return self.strings[index]
        if self.kind == "b":
            return raw.strip() == "1"
        if self.kind in ("n", "") and raw.strip():
            try:
                return int(raw) if raw.strip().lstrip("-").isdigit() else float(raw)
            except ValueError:
                return raw
        return raw  # inline strings, formula results as text, errors like #N/A, ISO dates

    def _store(self, value: object) -> None:
        if value == "" or value is None:
            return
        if self.row > self.limits.rows:
            raise too_large(
                Msg("a value in row {n:,}; at most {m:,} rows", n=self.row, m=self.limits.rows)
            )
        if self.col > self.limits.columns:
            raise too_large(
                Msg(
                    "a value in column {name}; at most {m} columns",
                    name=column_name(self.col),
                    m=self.limits.columns,
                )
            )
        if isinstance(value, str) and len(value) > self.limits.cell_chars:
            raise too_large(
                Msg(
                    "the cell in row {row:,}, column {col} holds more than {n:,} characters",
                    row=self.row,
                    col=column_name(self.col),
                    n=self.limits.cell_chars,
                )
            )
        self.rows.setdefault(self.row, {})[self.col] = value

    def table(self) -> list[list[object]]:
        last = max(self.rows, default=0)
        out: list[list[object]] = []
        for number in range(1, last + 1):
            cells = self.rows.get(number, {})
            width = max(cells, default=0)
            out.append([cells.get(c, "") for c in range(1, width + 1)])
        return out


def _whole(text: str | None, default: int) -> int:
    text = (text or "").strip()
    return int(text) if text.isdigit() and len(text) <= 9 else default
