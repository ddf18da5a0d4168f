"""Look-alike names: the TR39 skeleton puts "Ana", "ANA", "Аna" (Cyrillic А) and "Αna" (Greek
Alpha) together, and keeps names that differ to the eye apart."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.skeleton import look_alike, name_key, prototypes, skeleton


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ana", "\u0410na"),  # Cyrillic capital A
        ("Ana", "\u0391na"),  # Greek capital Alpha
        ("ana", "\u0430na"),  # Cyrillic small a
        ("Ana", "ANA"),
        ("Ana Lima", "ANA LIMA"),
        ("Ian", "lan"),  # capital i and small L
        ("Paypal", "Раураl"),  # four Cyrillic letters
        ("Ａna", "Ana"),  # fullwidth
        ("Straße", "STRASSE"),
        ("corn", "com"),  # rn and m
    ],
)
def test_names_that_read_the_same_look_alike(a: str, b: str) -> None:
    assert look_alike(a, b) and look_alike(b, a)


@pytest.mark.parametrize(
    ("a", "b"), [("Ana", "Ann"), ("Zoë", "Zoe"), ("王芳", "王方"), ("Bo", "Bob"), ("Li", "Lu")]
)
def test_names_that_read_differently_stay_apart(a: str, b: str) -> None:
    assert not look_alike(a, b)


def test_the_table_is_unicodes_confusables() -> None:
    table = prototypes()
    assert len(table) > 6000
    assert table["\u0430"] == "a" and table["\u0031"] == "l" and table["m"] == "rn"


# Latin letters and the characters Unicode's table says look exactly like each one.
_LOOKALIKES = {
    target: sorted(
        source
        for source, proto in prototypes().items()
        if proto == target and unicodedata.normalize("NFKC", source) == source
    )
    for target in "abcdefghijklmnopqrstuvwxyzABCDEFGHJKMNOPQRSTUVWXYZ"
}


@st.composite
def disguised(draw: st.DrawFn) -> tuple[str, str]:
    """A Latin name and the same name with some letters swapped for their look-alikes."""
    name = draw(st.text(alphabet=sorted(_LOOKALIKES), min_size=1, max_size=20))
    swapped = "".join(
        draw(st.sampled_from([c, *_LOOKALIKES[c]])) if _LOOKALIKES[c] else c for c in name
    )
    return name, swapped


@given(disguised())
def test_swapping_letters_for_look_alikes_never_makes_a_new_name(pair: tuple[str, str]) -> None:
    name, swapped = pair
    assert look_alike(name, swapped)
    assert skeleton(name) == skeleton(swapped)


@given(st.text(max_size=40))
def test_case_never_makes_a_new_name(name: str) -> None:
    assert name_key(name) == name_key(name.casefold())
