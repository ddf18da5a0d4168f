"""CSV exports stay text in a spreadsheet, also when a formula hides behind invisible characters."""

from __future__ import annotations

import unicodedata

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from roles.export import looks_like_formula, neutralise, safe_csv

INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202e", "\u2066", "\u00ad"]


@pytest.mark.parametrize(
    "cell",
    [
        "=1+1",
        "+1",
        "-1",
        "@SUM(A1)",
        "\t=1",
        '\u200b=HYPERLINK("x")',
        "\u202e=1+1",
        "\uff1d1+1",
        "\ufe661+1",
        "\u200b\uff0bcmd",
        "  =1+1",
        "\u2066\u00ad@x",
    ],
)
def test_formula_starts_are_neutralised(cell: str) -> None:
    assert neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Ada", "1+1", "Grace = Hopper", "email@example.org", ""])
def test_plain_text_is_left_alone(cell: str) -> None:
    assert neutralise(cell) == cell


@given(
    st.sampled_from(["=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20"]),
    st.lists(st.sampled_from(INVISIBLE), max_size=4),
    st.text(max_size=20),
)
def test_any_invisible_prefix_before_a_formula_is_caught(
    start: str, hidden: list[str], rest: str
) -> None:
    assert looks_like_formula("".join(hidden) + start + rest)


@given(st.text(max_size=30))
def test_a_neutralised_cell_never_starts_a_formula(cell: str) -> None:
    out = str(neutralise(cell))
    visible = unicodedata.normalize(
        "NFKC", "".join(c for c in out if unicodedata.category(c) != "Cf")
    ).lstrip()
    assert not visible.startswith(("=", "+", "-", "@")) or out.startswith("'")


def test_safe_csv_writes_the_quote_into_the_file() -> None:
    frame = pd.DataFrame({"name": ["\u200b=cmd|' /C calc'!A0", "Ada"]})
    text = safe_csv(frame).decode("utf-8-sig")
    assert "'\u200b=cmd" in text and "\nAda" in text
