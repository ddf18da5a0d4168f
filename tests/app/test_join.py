"""Join page: one device stays one entry, the form is compact, refusals are plain and kept in view."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import store
from roles.models import Profile
from tests.app.helpers import app

ROOT = Path(__file__).resolve().parents[2]
PAGE = str(ROOT / "views" / "join.py")


def _join(query: dict[str, str]) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=30)
    for k, v in query.items():
        at.query_params[k] = v
    return at.run()


def _submit(at: AppTest) -> AppTest:
    return at.button(key="join_submit").click().run()


HEADINGS = ("### Nearest role on the map: ",)  # sliders alone: no chance claimed


def _errors(at: AppTest) -> str:
    return "\n".join(e.value for e in at.error)


def test_submit_saves_relabels_at_once_and_a_second_submit_updates(
    room: store.CreatedRoom,
) -> None:
    code = room.room.code
    at = _join({"room": code})
    assert at.button(key="join_submit").label == "Submit"
    at.select_slider(key="join_ml").set_value(8.0)
    at.text_input(key="join_name").set_value("Ada")
    _submit(at)
    assert at.success and at.success[0].value.startswith("Saved at")
    assert at.button(key="join_submit").label == "Update my answers"  # in the same draw
    assert at.get("toast")
    assert any(m.value.startswith(HEADINGS) for m in at.markdown)
    # Fits in the Me page's words ("fit 82 of 100"), never as a percentage (a fit is no chance).
    (ranked,) = [m.value for m in at.markdown if m.value.startswith("1. ")]
    assert len(ranked.splitlines()) == 6 and "%" not in ranked
    assert all(re.search(r"^\d\. .+: fit \d+ of 100$", line) for line in ranked.splitlines())
    at.select_slider(key="join_swe").set_value(2.5)
    _submit(at)
    snap = store.room_snapshot(room=code)
    assert snap.count == 1
    assert (snap.entries[0].ml, snap.entries[0].swe, snap.entries[0].name) == (8.0, 2.5, "Ada")


def test_the_full_result_is_one_tap_away_with_the_scores(room: store.CreatedRoom) -> None:
    at = app("views/join.py", room=room.room.code).run()  # the whole app: pages can link
    at.select_slider(key="join_ml").set_value(8.0)
    _submit(at)
    assert any(m.value.startswith(HEADINGS) for m in at.markdown)
    (link,) = at.get("page_link")
    assert link.proto.label == "See your map and what to learn next"
    assert link.proto.query_string == "ml=8&swe=5&comm=5"  # My skills map opens on them


def test_sliders_say_the_level_in_a_few_words(room: store.CreatedRoom) -> None:
    at = _join({"room": room.room.code})
    ml = at.select_slider(key="join_ml")
    assert ml.options[12] == "6 · Models people use"
    assert ml.options[13] == "6.5 · Models people use"
    assert all(
        len(o) <= 32
        for s in ("join_ml", "join_swe", "join_comm")
        for o in at.select_slider(key=s).options
    )


def test_an_old_link_with_a_token_is_harmless_and_the_token_leaves_the_url(
    room: store.CreatedRoom,
) -> None:
    code = room.room.code
    token = store.new_participant_token()
    store.submit(room=code, participant=token, profile=Profile(ml=1, swe=1, comm=1), name="Bo")
    at = _join({"room": code, "p": token})
    assert dict(at.query_params) == {"room": code}
    assert at.button(key="join_submit").label == "Submit"  # not Bo's entry
    _submit(at)
    entries = {e.name: e for e in store.room_snapshot(room=code).entries}
    assert entries["Bo"].ml == 1 and len(entries) == 2


def test_codes_are_case_insensitive_and_tolerate_spaces(room: store.CreatedRoom) -> None:
    code = room.room.code
    at = _join({"room": f" {code[:3].lower()} {code[3:].lower()} "})
    _submit(at)
    assert store.room_snapshot(room=code).count == 1
    assert dict(at.query_params) == {"room": code}


def test_typing_the_code_opens_the_room(room: store.CreatedRoom) -> None:
    at = _join({})
    at.text_input(key="join_code_input").set_value(room.room.code.lower())
    next(b for b in at.button if b.label == "Join").click().run()
    assert at.query_params["room"] == room.room.code
    assert at.button(key="join_submit").label == "Submit"


def test_locked_room_refuses_with_a_message_and_keeps_the_answers(
    room: store.CreatedRoom,
) -> None:
    code = room.room.code
    store.set_room_state(room=code, key=room.key, locked=True)
    at = _join({"room": code})
    assert at.warning and "locked" in at.warning[0].value
    at.select_slider(key="join_ml").set_value(7.5)
    _submit(at)
    assert "Not saved" in _errors(at) and "locked" in _errors(at)
    assert at.select_slider(key="join_ml").value == 7.5
    assert store.room_snapshot(room=code).count == 0
    store.set_room_state(room=code, key=room.key, locked=False)
    _submit(at)
    assert store.room_snapshot(room=code).entries[0].ml == 7.5


def test_unknown_room_says_so_and_offers_a_code_field(room: store.CreatedRoom) -> None:
    at = _join({"room": "ZZZZZZ"})
    assert "no open room with code ZZZZZZ" in _errors(at)
    assert not [b for b in at.button if b.key == "join_submit"]
    at.text_input(key="join_code_input").set_value(room.room.code)
    next(b for b in at.button if b.label == "Join").click().run()
    assert at.button(key="join_submit").label == "Submit"


def test_a_code_with_lookalikes_states_the_real_rule(fresh_store: None) -> None:
    at = _join({"room": "abc123"})
    assert "'abc123' is not a room code: it contains 1." in _errors(at)
    assert "never use 0, 1, I, L or O" in _errors(at)


def test_room_deleted_while_answering_says_so(room: store.CreatedRoom) -> None:
    code = room.room.code
    at = _join({"room": code})
    store.delete_room(room=code, key=room.key)
    _submit(at)
    assert f"no open room with code {code}" in _errors(at)


def test_a_long_pasted_name_is_cut_after_a_word_and_the_person_is_told(
    room: store.CreatedRoom,
) -> None:
    at = _join({"room": room.room.code})
    long_name = "Maria Anna Gonzalez de la Fuente y Rodriguez Villanueva"
    at.text_input(key="join_name").set_value(long_name)
    _submit(at)
    saved = store.room_snapshot(room=room.room.code).entries[0].name
    assert saved == "Maria Anna Gonzalez de la Fuente y"
    assert at.text_input(key="join_name").value == saved
    assert "shortened to 34 characters" in at.success[0].value  # what was kept, exactly


def test_a_pasted_name_whose_last_word_fits_nowhere_is_cut_at_40_as_the_message_says(
    room: store.CreatedRoom,
) -> None:
    at = _join({"room": room.room.code})
    at.text_input(key="join_name").set_value("Ana " + "Wolfeschlegelsteinhausenbergerdorff" * 2)
    _submit(at)
    saved = store.room_snapshot(room=room.room.code).entries[0].name
    assert saved is not None and len(saved) == 40 and saved.startswith("Ana Wolfe")
    assert "shortened to 40 characters" in at.success[0].value


def test_a_name_of_invisible_characters_is_refused_plainly(room: store.CreatedRoom) -> None:
    at = _join({"room": room.room.code})
    at.text_input(key="join_name").set_value("\u200b\u202e\u200d")
    _submit(at)
    assert "no visible characters" in _errors(at)
    assert store.room_snapshot(room=room.room.code).count == 0


def test_direction_controls_are_removed_from_names(room: store.CreatedRoom) -> None:
    at = _join({"room": room.room.code})
    at.text_input(key="join_name").set_value("\u202eAda\u200b Lovelace")
    _submit(at)
    assert store.room_snapshot(room=room.room.code).entries[0].name == "Ada Lovelace"


def test_device_rate_limit_says_wait_and_keeps_the_answers(
    room: store.CreatedRoom, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLS_MAP_RATE_LIMIT", "1")
    at = _join({"room": room.room.code})
    _submit(at)
    at.select_slider(key="join_ml").set_value(3.5)
    _submit(at)
    assert "Wait" in _errors(at)
    assert at.select_slider(key="join_ml").value == 3.5
    assert store.room_snapshot(room=room.room.code).entries[0].ml == 5.0


def test_answers_per_address_are_limited(
    room: store.CreatedRoom, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLS_MAP_SUBMITS_PER_MINUTE", "2")
    at = _join({"room": room.room.code})
    _submit(at)
    _submit(at)
    _submit(at)
    assert "Too many answers from your network" in _errors(at)


def test_new_participants_per_address_are_limited(
    room: store.CreatedRoom, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLS_MAP_JOINS_PER_MINUTE", "1")
    _submit(_join({"room": room.room.code}))
    second = _submit(_join({"room": room.room.code}))  # another session: another participant
    assert "Too many new participants from your network" in _errors(second)
    assert store.room_snapshot(room=room.room.code).count == 1


def test_guessing_codes_backs_off_this_phone_not_its_neighbours(
    room: store.CreatedRoom, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLS_MAP_FREE_CODE_MISSES", "2")
    at = _join({"room": "ZZZZZZ"})  # one phone (one session), typing codes
    assert "no open room" in _errors(at)
    for guess in ("ZZZZZY", "ZZZZZX"):  # two free misses, the third sets a wait
        at.text_input(key="join_code_input").set_value(guess)
        at.button[0].click().run()
        assert "no open room" in _errors(at)
    at.text_input(key="join_code_input").set_value(room.room.code)
    at.button[0].click().run()
    assert "Too many room codes that do not exist from this device" in _errors(at)
    assert re.search(r"Wait [12] seconds", _errors(at))
    # The rest of the hall, behind the same address, joins.
    assert not _errors(_join({"room": room.room.code}))


def test_a_guesser_who_throws_cookies_away_backs_off_per_address(
    room: store.CreatedRoom, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLS_MAP_FREE_ADDRESS_MISSES", "2")
    for guess in ("ZZZZZZ", "ZZZZZY", "ZZZZZX"):  # a new session (device) for each try
        assert "no open room" in _errors(_join({"room": guess}))
    blocked = _join({"room": room.room.code})
    assert "do not open a room from your network" in _errors(blocked)
    assert not [b for b in blocked.button if b.key == "join_submit"]


def test_a_page_already_open_keeps_working_when_the_address_backs_off(
    room: store.CreatedRoom, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLS_MAP_FREE_ADDRESS_MISSES", "2")
    mine = _join({"room": room.room.code})
    for guess in ("ZZZZZZ", "ZZZZZY", "ZZZZZX"):  # someone else behind the same address
        _join({"room": guess})
    _submit(mine)
    assert not _errors(mine) and mine.success[0].value.startswith("Saved at")


def test_full_room_says_so(fresh_store: None) -> None:
    created = store.create_room(title="Tiny", capacity=1)
    store.submit(
        room=created.room.code,
        participant=store.new_participant_token(),
        profile=Profile(ml=1, swe=1, comm=1),
        name=None,
    )
    at = _submit(_join({"room": created.room.code}))
    assert "is full" in _errors(at)
    assert store.room_snapshot(room=created.room.code).count == 1


def test_coming_back_from_another_page_keeps_the_room_and_the_entry(
    room: store.CreatedRoom,
) -> None:
    at = _submit(_join({"room": room.room.code}))
    at.query_params.clear()  # what switching pages in the sidebar does
    at.run()
    assert dict(at.query_params) == {"room": room.room.code}
    assert at.button(key="join_submit").label == "Update my answers"
