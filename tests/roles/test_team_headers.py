"""The header spellings managers use, in English and Chinese; what is not ours is said, a bad
row comes back for the editor with its scores where they are numbers."""

from __future__ import annotations

import math

import pytest

from roles.errors import TeamFileError
from roles.team import parse_team_bytes
from roles.team_columns import canonical_column, map_header

# Real-world headers (from team spreadsheets people shared) and the column each means.
SPELLINGS = [
    ("ML Skill (1-5)", "ml"),
    ("ML expertise", "ml"),
    ("Machine learning", "ml"),
    ("ML score /10", "ml"),
    ("ML (0-10)", "ml"),
    ("机器学习能力", "ml"),
    ("机器学习（1-5）", "ml"),
    ("机器学习专业能力", "ml"),
    ("Software Engineering (0-10)", "swe"),
    ("SWE", "swe"),
    ("Software engineering skill", "swe"),
    ("Coding", "swe"),
    ("软件工程能力", "swe"),
    ("编程水平", "swe"),
    ("Communication skills", "comm"),
    ("Communication & writing", "comm"),
    ("Tech writing", "comm"),
    ("Comm score", "comm"),
    ("沟通能力", "comm"),
    ("沟通与写作", "comm"),
    ("Name", "name"),
    ("Full name", "name"),
    ("Employee", "name"),
    ("Team member", "name"),
    ("姓名", "name"),
    ("员工姓名", "name"),
    ("Role", "title"),
    ("Title", "title"),
    ("Job title", "title"),
    ("职位", "title"),
    ("角色", "title"),
    ("Department", None),
    ("Skill", None),
    ("favourite colour", None),
]


@pytest.mark.parametrize(("header", "column"), SPELLINGS)
def test_header_spellings_people_use_are_read(header: str, column: str | None) -> None:
    assert canonical_column(header) == column


def test_a_header_read_twice_names_both() -> None:
    with pytest.raises(TeamFileError, match=r"'ML' and 'Machine learning' both read as"):
        map_header(["Name", "ML", "SWE", "Comm", "Machine learning"])


def test_a_missing_column_names_the_unknown_headers_and_the_accepted_spellings() -> None:
    with pytest.raises(TeamFileError) as caught:
        map_header(["Name", "ML", "SWE", "Talking"])
    text = str(caught.value)
    assert "'Talking'" in text  # what was found
    assert "communication, communications, writing" in text  # what would have been read
    assert "沟通" in text  # the Chinese spellings too


def test_a_role_column_is_kept_as_the_title_and_other_columns_are_named() -> None:
    data = "Full name,ML Skill (1-5),SWE (1-5),Communication skills,Role,Dept\nAna,4,3,5,Lead,R&D\n"
    parsed = parse_team_bytes(data.encode(), "team.csv")
    assert parsed.members.loc[0, "title"] == "Lead"
    assert parsed.members.loc[0, "ml"] == 7.0  # 1-5 detected and converted
    assert parsed.unused == ["Dept"]


def test_chinese_headers_read_a_whole_file() -> None:
    data = "姓名,机器学习能力,软件工程能力,沟通能力,职位\n李雷,7,6,5,工程师\n"
    parsed = parse_team_bytes(data.encode(), "team.csv")
    assert parsed.members[["name", "ml", "swe", "comm", "title"]].values.tolist() == [
        ["李雷", 7.0, 6.0, 5.0, "工程师"]
    ]
    assert parsed.unused == []


def test_bad_rows_come_back_for_the_editor_with_the_numbers_they_have() -> None:
    data = "name,ml,swe,comm\nAna,7,6,5\nBen,seven,12,4\n,3,3,3\n"
    parsed = parse_team_bytes(data.encode(), "team.csv")
    assert parsed.members["name"].tolist() == ["Ana"]
    assert parsed.rows is not None
    assert parsed.rows["name"].tolist() == ["Ana", "Ben", ""]
    ben = parsed.rows.iloc[1]
    assert math.isnan(ben["ml"]) and ben["swe"] == 12.0 and ben["comm"] == 4.0
    texts = [p.cell_text() for p in parsed.problems if p.row == 3]
    assert texts == [
        "ML expertise: 'seven'; expected a number from 0 to 10",
        "Software engineering: '12'; expected a number from 0 to 10",
    ]
