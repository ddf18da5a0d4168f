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


# Characters drawn as nothing that are not format characters (Cf): Hangul fillers (letters!),
# the blank Braille cell, Khmer inherent vowels, variation selectors, the grapheme joiner.
DRAWN_AS_NOTHING = "\u3164\u115f\u1160\uffa0\u2800\u17b4\u17b5\ufe0f\u034f\U000e0101"
INVISIBLE = DRAWN_AS_NOTHING + "\u200b\u200d\u202e\u2066\u00ad\ufeff"


@pytest.mark.parametrize(
    "typed", ["\u3164", "\u115f\u1160", "\uffa0\uffa0", "\u2800", "\u17b4\u17b5", "\ufe0f\u034f"]
)
def test_a_name_drawn_as_nothing_is_refused(typed: str) -> None:
    with pytest.raises(store.InvalidSubmission, match="no visible characters"):
        clean_name(typed)


@pytest.mark.parametrize("typed", ["\u0301\u0301", "\u0301", "--", "\u2605 \u2605", ".", "🙂"])
def test_a_name_needs_a_letter_or_a_digit(typed: str) -> None:
    with pytest.raises(store.InvalidSubmission, match="at least one letter or digit"):
        clean_name(typed)


def test_letters_carry_a_few_marks_not_a_pile() -> None:
    assert clean_name("Việt Nguyễn") == "Việt Nguyễn"  # two marks on ệ, decomposed
    assert clean_name("क्षिति") == "क्षिति"
    with pytest.raises(store.InvalidSubmission, match="at most 3 accents"):
        clean_name("Ana" + "\u0301" * 4)


@given(st.text(max_size=60))
def test_a_stored_name_has_a_visible_letter_and_nothing_invisible(typed: str) -> None:
    try:
        name = clean_name(typed)
    except store.InvalidSubmission:
        return
    if name is None:
        return
    assert any(unicodedata.category(c)[0] in "LN" for c in name)
    assert not any(c in INVISIBLE or unicodedata.category(c) == "Cf" for c in name)
    run = 0
    for c in unicodedata.normalize("NFD", name):
        run = run + 1 if unicodedata.category(c)[0] == "M" else 0
        assert run <= 3


@given(
    st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1, max_size=20),
    st.lists(st.tuples(st.integers(0, 20), st.sampled_from(INVISIBLE)), max_size=8),
)
def test_invisible_characters_never_make_another_name(name: str, inserts: list) -> None:  # type: ignore[type-arg]
    padded = name
    for at, char in inserts:
        padded = padded[:at] + char + padded[at:]
    try:
        plain = clean_name(name)
    except store.InvalidSubmission:
        return
    assert clean_name(padded) == plain
