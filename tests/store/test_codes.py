"""Room codes, keys and participant tokens."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import store
from store import codes

CODE = st.text(alphabet=store.CODE_ALPHABET, min_size=6, max_size=6)


def test_alphabet_has_no_look_alike_characters() -> None:
    assert not set("0O1IL") & set(store.CODE_ALPHABET)
    assert len(set(store.CODE_ALPHABET)) == len(store.CODE_ALPHABET) >= 30


def test_new_codes_have_six_characters_from_the_alphabet() -> None:
    for _ in range(200):
        code = codes.new_room_code()
        assert len(code) == 6
        assert set(code) <= set(store.CODE_ALPHABET)


def test_new_codes_are_spread_out() -> None:
    # 31**6 codes: two equal draws in 500 happen about once in 7,000 runs, so allow one.
    assert len({codes.new_room_code() for _ in range(500)}) >= 499


SEPARATORS = st.sampled_from([" ", "-", " - "])


@given(code=CODE, lower=st.booleans(), cut=st.integers(1, 5), sep=SEPARATORS)
def test_typed_code_normalises_to_the_room_code(code: str, lower: bool, cut: int, sep: str) -> None:
    typed = code[:cut] + sep + code[cut:]
    assert store.normalise_code(f"  {typed.lower() if lower else typed} ") == code


@given(code=CODE, cut=st.integers(1, 5))
def test_a_full_width_keyboard_types_the_same_code(code: str, cut: int) -> None:
    """Chinese and Japanese phone keyboards type full-width letters, digits and spaces."""
    wide = "".join(chr(ord(c) + 0xFEE0) for c in code)  # A -> Ａ, 7 -> ７
    typed = wide[:cut] + "\u3000" + wide[cut:].lower()
    assert store.normalise_code(typed) == code


@given(st.text(max_size=12))
def test_normalise_code_returns_a_valid_code_or_refuses(text: str) -> None:
    try:
        code = store.normalise_code(text)
    except store.RoomNotFound:
        return
    assert len(code) == 6
    assert set(code) <= set(store.CODE_ALPHABET)


@pytest.mark.parametrize("typed", ["", "ABC", "ABCDEFG", "ABC0EF", "OOOOOO", "ABC!EF", "ÄBCDEF"])
def test_impossible_code_is_refused_with_a_hint(typed: str) -> None:
    with pytest.raises(store.RoomNotFound, match="not a room code"):
        store.normalise_code(typed)


def test_non_text_code_is_refused() -> None:
    with pytest.raises(store.RoomNotFound):
        store.normalise_code(None)


def test_participant_tokens_are_long_random_and_url_safe() -> None:
    tokens = {store.new_participant_token() for _ in range(200)}
    assert len(tokens) == 200
    for token in tokens:
        assert len(token) >= 22  # >= 128 bits in url-safe base64
        assert store.is_participant_token(token)


@pytest.mark.parametrize("bad", ["", "short", "x" * 200, "a b" * 10 + "cdefghij", None, 12])
def test_tokens_not_made_by_the_app_are_recognised(bad: object) -> None:
    assert not store.is_participant_token(bad)


def test_secret_matches_only_the_same_secret() -> None:
    key = codes.new_key()
    stored = codes.hash_secret(key)
    assert key not in stored
    assert codes.secret_matches(key, stored)
    assert not codes.secret_matches(key + "x", stored)
    assert not codes.secret_matches("", stored)
    assert not codes.secret_matches(None, stored)


def test_keys_never_start_with_a_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    """A key typed after --key on the command line must not read as an option."""
    drawn = iter(["-Cw2mxce0ukFFq4Tejg1yw", "Kq2mxce0ukFFq4Tejg1yw"])
    monkeypatch.setattr(codes.secrets, "token_urlsafe", lambda n: next(drawn))
    assert codes.new_key() == "Kq2mxce0ukFFq4Tejg1yw"
