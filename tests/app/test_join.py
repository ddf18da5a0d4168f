"""Join page: one person stays one entry, refusals are plain, and answers are never lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import store
from roles.models import Profile

ROOT = Path(__file__).resolve().parents[2]
PAGE = str(ROOT / "views" / "join.py")


def _join(query: dict[str, str]) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=30)
    for k, v in query.items():
        at.query_params[k] = v
    return at.run()


def _submit(at: AppTest) -> AppTest:
    return at.button(key="join_submit").click().run()


def test_join_by_link_submits_and_second_submit_updates(room: store.CreatedRoom) -> None:
    code = room.room.code
    at = _join({"room": code})
    at.slider(key="join_ml").set_value(8.0)
    at.text_input(key="join_name").set_value("Ada")
    _submit(at)
    assert at.success and "Saved" in at.success[0].value
    assert any("Best fit:" in h.value for h in at.subheader)  # the headline, a heading
    at.slider(key="join_swe").set_value(2.5)
    _submit(at)
    snap = store.room_snapshot(room=code)
    assert snap.count == 1
    assert (snap.entries[0].ml, snap.entries[0].swe, snap.entries[0].name) == (8.0, 2.5, "Ada")
    assert at.button(key="join_submit").label == "Update my answers"


def test_token_in_the_url_brings_back_the_same_entry_on_refresh(room: store.CreatedRoom) -> None:
    code = room.room.code
    first = _join({"room": code})
    first.slider(key="join_comm").set_value(9.0)
    _submit(first)
    token = first.query_params["p"]
    assert token == first.session_state["join_token"]
    again = _join({"room": code, "p": token})
    assert again.slider(key="join_comm").value == 9.0
    _submit(again)
    assert store.room_snapshot(room=code).count == 1


def test_codes_are_case_insensitive_and_tolerate_spaces(room: store.CreatedRoom) -> None:
    code = room.room.code
    at = _join({"room": f" {code[:3].lower()} {code[3:].lower()} "})
    _submit(at)
    assert store.room_snapshot(room=code).count == 1


def test_typing_the_code_opens_the_room(room: store.CreatedRoom) -> None:
    at = _join({})
    at.text_input(key="join_code_input").set_value(room.room.code.lower())
    next(b for b in at.button if b.label == "Join").click().run()
    assert at.query_params["room"] == room.room.code
    assert at.button(key="join_submit").label == "Submit"


def test_locked_room_refuses_with_a_message_and_keeps_the_sliders(room: store.CreatedRoom) -> None:
    code = room.room.code
    store.set_room_state(room=code, key=room.key, locked=True)
    at = _join({"room": code})
    assert at.warning and "locked" in at.warning[0].value
    at.slider(key="join_ml").set_value(7.5)
    _submit(at)
    assert at.error and "Not saved" in at.error[0].value
    assert at.slider(key="join_ml").value == 7.5
    assert store.room_snapshot(room=code).count == 0
    store.set_room_state(room=code, key=room.key, locked=False)
    _submit(at)
    assert store.room_snapshot(room=code).entries[0].ml == 7.5


def test_unknown_room_shows_clear_message(fresh_store: None) -> None:
    at = _join({"room": "ZZZZZZ"})
    assert at.error and "ZZZZZZ" in at.error[0].value
    assert not [b for b in at.button if b.key == "join_submit"]
    assert "Join" in [b.label for b in at.button]


def test_room_deleted_while_answering_says_so(room: store.CreatedRoom) -> None:
    code = room.room.code
    at = _join({"room": code})
    at.slider(key="join_swe").set_value(6.5)
    store.delete_room(room=code, key=room.key)
    _submit(at)
    assert at.error and f"no open room with code {code}" in at.error[0].value
    assert "Join" in [b.label for b in at.button]


def test_one_participant_cannot_touch_another_entry(room: store.CreatedRoom) -> None:
    code = room.room.code
    other = store.new_participant_token()
    store.submit(room=code, participant=other, profile=Profile(ml=1, swe=1, comm=1), name="Bo")
    at = _join({"room": code})
    at.slider(key="join_ml").set_value(9.0)
    _submit(at)
    entries = {e.name: e for e in store.room_snapshot(room=code).entries}
    assert entries["Bo"].ml == 1
    assert len(entries) == 2


def test_rate_limit_says_wait_and_keeps_the_answers(
    room: store.CreatedRoom, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLS_MAP_RATE_LIMIT", "1")
    at = _join({"room": room.room.code})
    _submit(at)
    at.slider(key="join_ml").set_value(3.5)
    _submit(at)
    assert at.error and "Wait" in at.error[0].value
    assert at.slider(key="join_ml").value == 3.5
    assert store.room_snapshot(room=room.room.code).entries[0].ml == 5.0


def test_full_room_says_so(fresh_store: None) -> None:
    created = store.create_room(title="Tiny", capacity=1)
    store.submit(
        room=created.room.code,
        participant=store.new_participant_token(),
        profile=Profile(ml=1, swe=1, comm=1),
        name=None,
    )
    at = _join({"room": created.room.code})
    _submit(at)
    assert at.error and "is full" in at.error[0].value
    assert store.room_snapshot(room=created.room.code).count == 1


def test_a_damaged_token_in_the_url_is_replaced(room: store.CreatedRoom) -> None:
    at = _join({"room": room.room.code, "p": "<script>"})
    assert store.is_participant_token(at.query_params["p"])
    _submit(at)
    assert store.room_snapshot(room=room.room.code).count == 1


def test_coming_back_from_another_page_keeps_the_room_and_the_entry(
    room: store.CreatedRoom,
) -> None:
    at = _join({"room": room.room.code})
    _submit(at)
    token = at.query_params["p"]
    at.query_params.clear()  # what switching pages in the sidebar does
    at.run()
    assert at.query_params == {"room": room.room.code, "p": token}
    assert at.button(key="join_submit").label == "Update my answers"


def test_page_says_when_answers_differ_from_what_is_saved(room: store.CreatedRoom) -> None:
    at = _join({"room": room.room.code})
    at.text_input(key="join_name").set_value("  Ada   Lovelace ")
    _submit(at)
    at.run()

    def changed() -> bool:
        return any("changed your answers" in i.value for i in at.info)

    assert not changed()  # the store tidied the spaces; that is not a change
    at.slider(key="join_ml").set_value(9.0).run()
    assert changed()
