"""What workshop and team rooms manage alike: deleting needs the room's code, as typed."""

from __future__ import annotations

import pytest

from components.room.manage import same_code


@pytest.mark.parametrize("typed", ["K7MQ2P", "k7m-q2p", " k7m q2p ", "ｋ７ｍｑ２ｐ"])
def test_the_code_as_a_person_types_it_unlocks_delete(typed: str) -> None:
    assert same_code(typed, "K7MQ2P")


@pytest.mark.parametrize("typed", ["", "K7M", "K7MQ2Q", "K7MQ2P7", "<script>", "O" * 500])
def test_anything_else_keeps_the_delete_button_disabled(typed: str) -> None:
    assert not same_code(typed, "K7MQ2P")
