"""Reading team files and tables: lenient on layout, every bad row named, nothing lost silently."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from roles.errors import TeamFileError
from roles.team import MAX_BYTES, MAX_ROWS, parse_table, parse_team_bytes
from roles.team_columns import canonical_column, detect_scale, template_csv

FILES = Path(__file__).resolve().parents[1] / "data" / "team_files"
EXAMPLE = Path(__file__).resolve().parents[2] / "data" / "example_team.csv"

# Files the whole of which is unusable: (file, words the error message must contain).
UNREADABLE = [
    ("empty.csv", "the file is empty"),
    ("header_only.csv", "header row but no people"),
    ("wrong_type.pdf", "not a CSV or Excel file"),
    ("binary.csv", "binary, not text"),
    ("missing_column.csv", "missing column(s): 'Communication' (headers read as it: comm,"),
    ("broken.xlsx", "Excel file cannot be read"),
]

# Files with some bad rows: (file, row, column, value, words of `expected`, valid rows left).
BAD_ROWS = [
    ("out_of_range.csv", 3, "ml", "12", "a number from 0 to 10", 1),
    ("out_of_range.csv", 4, "swe", "-1", "a number from 0 to 10", 1),
    ("wrong_value_type.csv", 2, "ml", "seven", "a number from 0 to 10", 1),
    ("duplicate_names.csv", 4, "name", "ana silva", "a unique name; row 2 already has it", 2),
    ("missing_name.csv", 2, "name", "", "a name", 1),
]


@pytest.mark.parametrize(("filename", "words"), UNREADABLE)
def test_unreadable_file_gives_a_clear_message(filename: str, words: str) -> None:
    with pytest.raises(TeamFileError) as err:
        parse_team_bytes((FILES / filename).read_bytes(), filename)
    assert words in str(err.value)


@pytest.mark.parametrize(("filename", "row", "column", "value", "expected", "valid"), BAD_ROWS)
def test_bad_row_is_named_with_column_value_and_expectation(
    filename: str, row: int, column: str, value: str, expected: str, valid: int
) -> None:
    parsed = parse_team_bytes((FILES / filename).read_bytes(), filename)
    hits = [p for p in parsed.problems if p.row == row and p.column == column]
    assert len(hits) == 1
    assert hits[0].value == value
    assert expected in hits[0].expected
    assert f"Row {row}" in hits[0].message
    assert len(parsed.members) == valid
    assert row in parsed.rejected_rows


def test_non_utf8_file_is_read_and_the_line_is_named() -> None:
    parsed = parse_team_bytes((FILES / "non_utf8.csv").read_bytes(), "non_utf8.csv")
    assert list(parsed.members["name"]) == ["José Núñez", "Ben"]
    (problem,) = parsed.problems
    assert problem.row == 2 and problem.kept
    assert "UTF-8" in problem.expected
    assert parsed.rejected_rows == []


def test_more_than_5000_rows_is_refused_with_the_count() -> None:
    body = "".join(f"P{i},5,5,5\n" for i in range(MAX_ROWS + 1))
    with pytest.raises(TeamFileError, match="5,001 rows; the limit is 5,000"):
        parse_team_bytes(("name,ml,swe,comm\n" + body).encode(), "big.csv")


def test_exactly_5000_rows_is_accepted() -> None:
    body = "".join(f"P{i},5,5,5\n" for i in range(MAX_ROWS))
    parsed = parse_team_bytes(("name,ml,swe,comm\n" + body).encode(), "big.csv")
    assert len(parsed.members) == MAX_ROWS


def test_file_over_5_mb_is_refused_with_its_size() -> None:
    data = b"name,ml,swe,comm\n" + b"x" * MAX_BYTES
    with pytest.raises(TeamFileError, match=r"5\.0 MB; the limit is 5 MB"):
        parse_team_bytes(data, "huge.csv")


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("ML Expertise", "ml"),
        (" ml_expertise ", "ml"),
        ("Software engineering", "swe"),
        ("SWE", "swe"),
        ("comm", "comm"),
        ("Communication", "comm"),
        ("Current title", "title"),
        ("Name", "name"),
        ("favourite colour", None),
    ],
)
def test_headers_are_matched_leniently(header: str, column: str | None) -> None:
    assert canonical_column(header) == column


def test_semicolon_file_with_decimal_commas_is_read() -> None:
    parsed = parse_team_bytes(b"Name;ML;SWE;Comm\nAna;7,5;6;8\n", "t.csv")
    assert parsed.members.loc[0, ["ml", "swe", "comm"]].tolist() == [7.5, 6.0, 8.0]


def test_one_to_five_scores_are_detected_and_converted() -> None:
    parsed = parse_team_bytes(b"name,ml,swe,comm\nAna,5,3,1\nBen,2,4,4\n", "t.csv")
    assert parsed.detected == "1-5"
    # Each point is a fifth of the scale at its middle: 5 -> 9, 3 -> 5, 1 -> 1, not the edges.
    assert parsed.members.loc[0, ["ml", "swe", "comm"]].tolist() == [9.0, 5.0, 1.0]


def test_scale_override_keeps_scores_as_written() -> None:
    parsed = parse_team_bytes(b"name,ml,swe,comm\nAna,5,3,1\n", "t.csv", scale="0-10")
    assert parsed.detected == "1-5" and parsed.scale == "0-10"
    assert parsed.members.loc[0, ["ml", "swe", "comm"]].tolist() == [5.0, 3.0, 1.0]


def test_zero_or_a_score_above_five_means_zero_to_ten() -> None:
    assert detect_scale([1, 2, 3]) == "1-5"
    assert detect_scale([0, 2, 3]) == "0-10"
    assert detect_scale([1, 2, 6]) == "0-10"
    assert detect_scale([1.3, 2]) == "0-10"


def test_xlsx_file_is_read_like_csv() -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Name", "ML expertise", "Software engineering", "Communication", "Title"])
    sheet.append(["Ana", 7, 6, 5, "ML engineer"])
    sheet.append(["Ben", "oops", 8, 4, None])
    buffer = io.BytesIO()
    book.save(buffer)
    parsed = parse_team_bytes(buffer.getvalue(), "team.xlsx")
    assert parsed.members["name"].tolist() == ["Ana"]
    assert [(p.row, p.column, p.value) for p in parsed.problems] == [(3, "ml", "oops")]


def test_blank_rows_are_skipped_and_counted() -> None:
    parsed = parse_team_bytes(b"name,ml,swe,comm\nAna,7,6,5\n,,,\nBen,3,8,4\n", "t.csv")
    assert parsed.members["name"].tolist() == ["Ana", "Ben"]
    assert parsed.blank_rows == 1 and parsed.problems == []


def test_template_parses_to_its_two_example_rows() -> None:
    parsed = parse_team_bytes(template_csv(), "team-template.csv")
    assert len(parsed.members) == 2 and parsed.problems == []


def test_example_team_is_clean_and_ten_people() -> None:
    parsed = parse_team_bytes(EXAMPLE.read_bytes(), EXAMPLE.name)
    assert parsed.problems == [] and len(parsed.members) == 10


cells = st.one_of(
    st.none(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-5, 15),
    st.sampled_from(["", " ", "abc", "7,5", "=1+1", "5"]),
)
rows = st.fixed_dictionaries(
    {
        "name": st.one_of(st.none(), st.sampled_from(["", "Ana", "ana", "Ben", "Cai", "Dee"])),
        "ml": cells,
        "swe": cells,
        "comm": cells,
        "title": st.sampled_from(["", "x"]),
    }
)


@given(st.lists(rows, max_size=25))
def test_parsing_never_loses_a_row(records: list[dict[str, object]]) -> None:
    frame = pd.DataFrame(records, columns=["name", "ml", "swe", "comm", "title"])
    parsed = parse_table(frame)
    assert len(parsed.members) + len(parsed.rejected_rows) + parsed.blank_rows == len(frame)
    assert parsed.members[["ml", "swe", "comm"]].apply(lambda c: c.between(0, 10)).all().all()
    assert parsed.members["name"].str.casefold().is_unique
    # Every non-blank row comes back for the editor, bad ones too, its scores on 0-10 or empty.
    assert parsed.rows is not None and len(parsed.rows) == len(frame) - parsed.blank_rows
    # ... and a valid row comes back exactly as it is on the map.
    loaded = parsed.rows.set_index("row").loc[parsed.members["row"], ["name", "ml", "swe", "comm"]]
    on_map = parsed.members.set_index("row")[["name", "ml", "swe", "comm"]]
    pd.testing.assert_frame_equal(loaded, on_map, check_dtype=False, check_index_type=False)
