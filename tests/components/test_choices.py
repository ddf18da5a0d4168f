"""The choice guard: a value passes only as one of the options drawn, of the same type."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from components.choices import is_option
from components.me.rating import STEPS

ids = st.lists(st.integers(min_value=1, max_value=10_000), min_size=1, max_size=30, unique=True)


@given(ids, st.integers(min_value=1, max_value=10_000))
def test_an_id_passes_only_if_drawn(drawn: list[int], sent: int) -> None:
    assert is_option(sent, drawn) == (sent in drawn)


@given(ids, st.data())
def test_a_drawn_id_sent_as_text_or_as_another_type_never_passes(
    drawn: list[int], data: st.DataObject
) -> None:
    sent = data.draw(st.sampled_from(drawn))
    for forged in (str(sent), float(sent), [str(sent)], sent == 1):
        assert not is_option(forged, drawn)


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_a_rating_passes_only_on_the_sliders_half_steps(sent: float) -> None:
    on_step = 0 <= sent <= 10 and (sent * 2).is_integer()
    assert is_option(sent, STEPS) == on_step


def test_a_list_passes_only_if_every_item_was_drawn() -> None:
    assert is_option(["a", "b"], ["a", "b", "c"])
    assert not is_option(["a", "z"], ["a", "b", "c"])
    assert is_option([], ["a"])  # nothing chosen in a multiselect
