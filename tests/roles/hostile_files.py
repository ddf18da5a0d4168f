"""Hostile team files, made in the test: each one small, each one built to exhaust a server that
reads it naively (memory, CPU or both). Every maker returns the file's bytes."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterable

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEADER_ROW = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c><c r="B1"><v>1</v></c></row>'
)


def workbook(
    sheet_xml: str | bytes | Iterable[bytes],
    *,
    shared: str | bytes | Iterable[bytes] | None = None,
    declared: dict[str, int] | None = None,
    extra_entries: int = 0,
) -> bytes:
    """A minimal .xlsx: one sheet, optional shared strings (either may be streamed in chunks
    so the test never holds a big part in memory), `declared` sizes to lie about, and empty
    extra zip entries."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr(
            "xl/workbook.xml",
            f'<workbook {NS} xmlns:r="{REL_NS}"><sheets>'
            '<sheet name="Team" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="worksheet"/>'
            "</Relationships>",
        )
        _write(z, "xl/worksheets/sheet1.xml", sheet_xml)
        if shared is not None:
            _write(z, "xl/sharedStrings.xml", shared)
        for i in range(extra_entries):
            z.writestr(f"junk/{i}", b"")
    data = buffer.getvalue()
    return _lie(data, declared) if declared else data


def _write(z: zipfile.ZipFile, name: str, content: str | bytes | Iterable[bytes]) -> None:
    if isinstance(content, str | bytes):
        z.writestr(name, content)
        return
    with z.open(name, "w", force_zip64=True) as out:
        for chunk in content:
            out.write(chunk)


def _lie(data: bytes, declared: dict[str, int]) -> bytes:
    """Rewrite the unpacked sizes the zip declares for some parts (a zip bomb's trick), in the
    local header and in the central directory."""
    out = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        offsets = {i.filename: i.header_offset for i in z.infolist()}
    for name, size in declared.items():
        local = offsets[name]
        out[local + 22 : local + 26] = size.to_bytes(4, "little")
        at = data.find(b"PK\x01\x02")
        while at >= 0:
            length = int.from_bytes(data[at + 28 : at + 30], "little")
            if data[at + 46 : at + 46 + length] == name.encode():
                out[at + 24 : at + 28] = size.to_bytes(4, "little")
            at = data.find(b"PK\x01\x02", at + 4)
    return bytes(out)


def _repeat(piece: bytes, times: int, head: bytes = b"", tail: bytes = b"") -> Iterable[bytes]:
    yield head
    block = piece * 4096
    for _ in range(times // 4096):
        yield block
    yield piece * (times % 4096)
    yield tail


def dimension_bomb() -> bytes:
    """1.6 KB claiming A1:XFD1048576, with one value in the very last cell."""
    return workbook(
        f'<worksheet {NS}><dimension ref="A1:XFD1048576"/><sheetData>{HEADER_ROW}'
        '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>'
    )


def wide_rows_xlsx() -> bytes:
    """Rows whose one value sits in the last column (XFD): padded, each row is 16,384 cells."""
    rows = "".join(f'<row r="{r}"><c r="XFD{r}"><v>1</v></c></row>' for r in range(2, 3000))
    return workbook(f"<worksheet {NS}><sheetData>{HEADER_ROW}{rows}</sheetData></worksheet>")


def empty_cells_xlsx() -> bytes:
    """Megabytes of formatted empty cells, packed into a small file: parse time, not values."""
    cells = _repeat(
        b'<c s="1"/>',
        1_500_000,
        f"<worksheet {NS}><sheetData><row>".encode(),
        b"</row></sheetData></worksheet>",
    )
    return workbook(cells)


def huge_shared_string() -> bytes:
    """A few hundred KB that unpack to a 300 MB "name" in the shared-string table."""
    head = f'<sst {NS} count="1" uniqueCount="1"><si><t>'.encode()
    shared = _repeat(b"A" * 1024, 300 * 1024, head, b"</t></si></sst>")
    sheet = f'<worksheet {NS}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>'
    return workbook(sheet, shared=shared)


def lying_shared_strings() -> bytes:
    """20 MB of text declared as 4 KB: unpacking must stop at the declared size."""
    shared = f"<sst {NS}><si><t>".encode() + b"B" * 20_000_000 + b"</t></si></sst>"
    sheet = f'<worksheet {NS}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>'
    return workbook(sheet, shared=shared, declared={"xl/sharedStrings.xml": 4096})


def many_runs_shared_string() -> bytes:
    """One shared string made of a million one-letter rich-text runs (quadratic joins)."""
    head = f"<sst {NS}><si>".encode()
    shared = _repeat(b"<r><t>a</t></r>", 1_000_000, head, b"</si></sst>")
    sheet = f'<worksheet {NS}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>'
    return workbook(sheet, shared=shared)


def billion_laughs() -> bytes:
    """Entities that expand to gigabytes, declared in a DTD."""
    dtd = (
        '<!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(
            f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">'
            for i in range(1, 10)
        )
        + "]>"
    )
    dtd = dtd.replace("&lol0;", "&lol;")
    return workbook(
        f'{dtd}<worksheet {NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;'
        "</t></is></c></row></sheetData></worksheet>"
    )


def broken_xml() -> bytes:
    """A sheet that is not well-formed XML."""
    return workbook(f"<worksheet {NS}><sheetData><row r='1'><c><v>1</v></row></sheetData>")


def many_zip_entries() -> bytes:
    """Tens of thousands of empty parts: the zip's directory alone is the cost."""
    return workbook(f"<worksheet {NS}><sheetData/></worksheet>", extra_entries=40_000)


def many_blank_rows_csv() -> bytes:
    """65 KB, 200,000 rows."""
    return b"name,ml,swe,comm\n" + b"\n" * 65_000 + b",\n" * 135_000


def many_rows_csv() -> bytes:
    """Rows of people far past the limit, in well under the 5 MB limit."""
    return b"name,ml,swe,comm\n" + b"a,1,1,1\n" * 600_000


def wide_rows_csv() -> bytes:
    """45 KB of rows with a value far to the right."""
    return b"name,ml,swe,comm\n" + (b"," * 4_500 + b"x\n") * 10


def long_line_csv() -> bytes:
    """One line of a million characters."""
    return b"name,ml,swe,comm\n" + b"a" * 1_000_000 + b",1,1,1\n"


def huge_cell_csv() -> bytes:
    """A quoted cell of 3 MB spread over many lines."""
    return b'name,ml,swe,comm\n"' + b"x" * 1000 + b"\n" * 3_000_000 + b'",1,1,1\n'


HOSTILE: dict[str, tuple[str, Callable[[], bytes], str]] = {
    # name: (file name, maker, words the refusal must contain: which limit)
    "dimension bomb": ("team.xlsx", dimension_bomb, "a value in row 1,048,576"),
    "wide rows (xlsx)": ("team.xlsx", wide_rows_xlsx, "a value in column XFD"),
    "formatted empty cells": ("team.xlsx", empty_cells_xlsx, "more than 250,000 cells"),
    "300 MB shared string": ("team.xlsx", huge_shared_string, "unpacks to 300 MB"),
    "zip lying about a size": ("team.xlsx", lying_shared_strings, "cannot be read"),
    "a million rich-text runs": (
        "team.xlsx",
        many_runs_shared_string,
        "more than 600,000 elements",
    ),
    "billion laughs (DTD)": ("team.xlsx", billion_laughs, "document type declaration (DTD)"),
    "broken XML": ("team.xlsx", broken_xml, "not well-formed XML"),
    "40,000 zip entries": ("team.xlsx", many_zip_entries, "more than 2,000 parts"),
    "200,000 blank rows": ("team.csv", many_blank_rows_csv, "more than 10,000 rows"),
    "600,000 people": ("team.csv", many_rows_csv, "more than 10,000 rows"),
    "wide rows (csv)": ("team.csv", wide_rows_csv, "at most 100 columns"),
    "a million-character line": ("team.csv", long_line_csv, "longer than 131,072 characters"),
    "a 3 MB cell": ("team.csv", huge_cell_csv, "more than 1,000 characters"),
}
