"""Names and titles: invisible and direction characters removed, empty-after-that refused."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

import store
from store.text import MAX_NAME, clean_name, clean_title, shorten, strip_invisible


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("\u202eecalevoL adA", "ecalevoL adA"),  # a right-to-left override, removed
        ("Ada\u200b Lovelace", "Ada Lovelace"),
        ("\u2066Grace\u2069", "Grace"),
        ("  Alan   Turing ", "Alan Turing"),
        ("", None),
        ("   ", None),
    ],
)
def test_names_lose_invisible_characters(typed: str, stored: str | None) -> None:
    assert clean_name(typed) == stored


@pytest.mark.parametrize("typed", ["\u200b", "\u202e\u200d", "\u2060 \u00ad"])
def test_a_name_of_only_invisible_characters_is_refused(typed: str) -> None:
    with pytest.raises(store.InvalidSubmission, match="no visible characters"):
        clean_name(typed)


@given(st.text(max_size=60))
def test_a_stored_name_has_no_format_characters(typed: str) -> None:
    try:
        name = clean_name(typed)
    except store.InvalidSubmission:
        return
    assert name is None or (
        0 < len(name) <= MAX_NAME and not any(unicodedata.category(c) == "Cf" for c in name)
    )


@given(st.text(max_size=120), st.integers(min_value=1, max_value=60))
def test_shorten_fits_and_keeps_a_prefix(text: str, limit: int) -> None:
    short = shorten(text, limit)
    assert len(short) <= limit
    assert text.startswith(short)


def test_shorten_cuts_after_a_word() -> None:
    assert shorten("Maria Anna Gonzalez de la Fuente y Rodriguez", 40) == (
        "Maria Anna Gonzalez de la Fuente y"
    )
    assert shorten("x" * 50, 40) == "x" * 40  # one long word: cut inside it


def test_titles_lose_invisible_characters_and_need_visible_ones() -> None:
    assert clean_title("\u202eOffsite\u200b 2025 ") == "Offsite 2025"
    with pytest.raises(store.InvalidRoomSettings, match="visible"):
        clean_title("\u200b\u200b")
    assert strip_invisible("a\u00adb") == "ab"


def test_room_titles_are_stored_clean(db) -> None:  # type: ignore[no-untyped-def]
    info = store.create_room(title="\u202eTeam\u200b day", engine=db).room
    assert info.title == "Team day"
