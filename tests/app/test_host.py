"""Host page: creating a room, taking control with the key, and controls refusing a wrong key."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update
from streamlit.testing.v1 import AppTest

import store
from components.room.live import forget
from roles.models import Profile
from store.schema import entries
from tests.app.helpers import shown

ROOT = Path(__file__).resolve().parents[2]
PAGE = str(ROOT / "views" / "host.py")


def _button(at: AppTest, label: str):  # type: ignore[no-untyped-def]
    return next(b for b in at.button if b.label == label)


def _texts(at: AppTest) -> str:
    parts = [m.value for m in (*at.markdown, *at.error, *at.success, *at.warning, *at.info)]
    return "\n".join(str(p) for p in parts)


def _host(room: str, key: str) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=30)
    at.query_params["room"] = room
    at.query_params["key"] = key
    return at.run()


def _join(code: str, n: int) -> None:
    for i in range(n):
        store.submit(
            room=code,
            participant=store.new_participant_token(),
            profile=Profile(ml=i % 10, swe=5, comm=5),
            name=f"P{i}",
        )


def test_create_room_shows_code_key_and_links(fresh_store: None) -> None:
    at = AppTest.from_file(PAGE, default_timeout=30).run()
    at.text_input(key="host_title").set_value("Offsite")
    _button(at, "Create room").click().run()
    code, key = at.session_state["host_room"], at.session_state["host_key"]
    assert f"Room code: `{code}`" in _texts(at)
    assert store.check_key(room=code, key=key)
    assert store.get_room(room=code).title == "Offsite"
    shown = [c.value for c in at.code]
    assert key in shown
    assert any(s.endswith(f"/j?room={code}") or s == f"j?room={code}" for s in shown)
    assert at.query_params["room"] == code


def test_host_link_with_the_right_key_gives_control(fresh_store: None) -> None:
    created = store.create_room(title="T")
    at = _host(created.room.code, created.key)
    assert len(at.get("download_button")) == 1  # the CSV export
    _button(at, "Lock room").click().run()
    assert store.get_room(room=created.room.code).locked
    assert _button(at, "Open room")
    assert "Room locked" in _texts(at)


def test_wrong_key_in_link_is_refused_and_shows_no_controls(fresh_store: None) -> None:
    created = store.create_room(title="T")
    at = _host(created.room.code, "not-the-key")
    assert f"Room code {created.room.code} and that facilitator key do not open a room" in _texts(
        at
    )
    assert "Lock room" not in [b.label for b in at.button]
    assert "host_room" not in at.session_state


def test_wrong_key_cannot_lock_or_clear(fresh_store: None) -> None:
    created = store.create_room(title="T")
    code = created.room.code
    _join(code, 2)
    at = AppTest.from_file(PAGE, default_timeout=30)
    at.session_state["host_room"] = code
    at.session_state["host_key"] = "stolen-but-wrong"
    at.run()
    _button(at, "Lock room").click().run()
    assert at.error and "nothing was changed" in at.error[0].value
    at.checkbox(key="host_confirm_clear").check().run()
    _button(at, "Clear room").click().run()
    assert at.error and "nothing was changed" in at.error[0].value
    assert not store.get_room(room=code).locked
    assert store.room_snapshot(room=code).count == 2


def test_reconnect_form_takes_back_control(fresh_store: None) -> None:
    created = store.create_room(title="T")
    at = AppTest.from_file(PAGE, default_timeout=30).run()
    at.text_input(key="host_login_code").set_value(created.room.code.lower())
    at.text_input(key="host_login_key").set_value(created.key)
    _button(at, "Take control").click().run()
    assert at.session_state["host_room"] == created.room.code
    assert "Hide dots" in [b.label for b in at.button]


def test_hide_and_names_switches_change_the_room(fresh_store: None) -> None:
    created = store.create_room(title="T")
    at = _host(created.room.code, created.key)
    _button(at, "Hide dots").click().run()
    _button(at, "Show names").click().run()
    info = store.get_room(room=created.room.code)
    assert info.hidden and info.show_names
    labels = [b.label for b in at.button]
    assert "Reveal dots" in labels and "Keep anonymous" in labels


def test_remove_one_entry_keeps_the_others(fresh_store: None) -> None:
    created = store.create_room(title="T")
    _join(created.room.code, 3)
    at = _host(created.room.code, created.key)
    first = store.room_snapshot(room=created.room.code).entries[0]
    at.selectbox(key="host_remove_choice").set_value(first.entry_id).run()
    _button(at, "Remove entry").click().run()
    remaining = store.room_snapshot(room=created.room.code).entries
    assert len(remaining) == 2 and first.entry_id not in [e.entry_id for e in remaining]
    assert "Removed #1" in shown(_texts(at))


def test_clear_needs_confirmation_then_empties_the_room(fresh_store: None) -> None:
    created = store.create_room(title="T")
    _join(created.room.code, 3)
    at = _host(created.room.code, created.key)
    assert _button(at, "Clear room").disabled
    at.checkbox(key="host_confirm_clear").check().run()
    _button(at, "Clear room").click().run()
    assert store.room_snapshot(room=created.room.code).count == 0
    assert "3 participants removed" in _texts(at)


def test_delete_needs_the_code_typed_then_removes_the_room(fresh_store: None) -> None:
    created = store.create_room(title="T")
    code = created.room.code
    at = _host(code, created.key)
    assert _button(at, "Delete room").disabled
    at.text_input(key="host_confirm_delete").set_value(code.lower()).run()
    _button(at, "Delete room").click().run()
    with pytest.raises(store.errors.RoomNotFound):
        store.get_room(room=code)
    assert "Create room" in [b.label for b in at.button]
    assert "Room deleted" in _texts(at)


def test_public_address_gives_an_absolute_join_link_and_a_qr_code(
    fresh_store: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLS_MAP_PUBLIC_URL", "https://maps.example.org/")
    created = store.create_room(title="T")
    at = _host(created.room.code, created.key)
    assert not at.warning  # a public address is not flagged as local-only
    assert f"https://maps.example.org/j?room={created.room.code}" in [c.value for c in at.code]
    assert len(at.get("image")) == 1


def test_coming_back_from_another_page_puts_the_host_link_back(fresh_store: None) -> None:
    created = store.create_room(title="T")
    at = _host(created.room.code, created.key)
    at.query_params.clear()  # what switching pages in the sidebar does
    at.run()
    assert at.query_params == {"room": created.room.code}  # the code, never the key
    assert "Lock room" in [b.label for b in at.button]


def test_a_host_link_s_key_leaves_the_address_and_a_refresh_says_how_to_get_back(
    fresh_store: None,
) -> None:
    created = store.create_room(title="T")
    code = created.room.code
    at = _host(code, created.key)  # opened from the host link ?room=CODE&key=KEY
    assert "Lock room" in [b.label for b in at.button]
    assert dict(at.query_params) == {"room": code}
    # The link is still there to copy, in the key panel.
    assert any(f"room={code}" in c.value and created.key in c.value for c in at.code)
    # A refresh is a new session with the address as it is now: the way back is said, and
    # the reconnect form already holds the code.
    again = AppTest.from_file(PAGE, default_timeout=30)
    again.query_params["room"] = code
    again.run()
    assert not again.exception and "Lock room" not in [b.label for b in again.button]
    assert any(f"Room {code}: the facilitator key is not kept" in i.value for i in again.info)
    assert again.text_input(key="host_login_code").value == code
    again.text_input(key="host_login_key").set_value(created.key)
    _button(again, "Take control").click().run()
    assert "Lock room" in [b.label for b in again.button]
    assert not any("the facilitator key is not kept" in i.value for i in again.info)
    assert dict(again.query_params) == {"room": code}


def test_a_wrong_key_in_a_host_link_leaves_the_address_too(fresh_store: None) -> None:
    created = store.create_room(title="T")
    at = _host(created.room.code, "not-the-key")
    assert "key" not in dict(at.query_params)


def test_the_host_switches_the_projector_screen(fresh_store: None) -> None:
    created = store.create_room(title="T")
    at = _host(created.room.code, created.key)
    assert at.radio(key="host_screen").value == "join"
    at.radio(key="host_screen").set_value("map").run()
    assert store.get_room(room=created.room.code).screen == "map"
    assert "The projector now shows the map." in _texts(at)
    assert at.radio(key="host_screen").value == "map"


def test_an_empty_room_offers_no_clear_and_never_says_remove_all_0(fresh_store: None) -> None:
    created = store.create_room(title="T")
    at = _host(created.room.code, created.key)
    assert "Entries: 0 participants" in _texts(at)
    assert not [c for c in at.checkbox if c.key == "host_confirm_clear"]
    assert "Clear room" not in [b.label for b in at.button]
    _join(created.room.code, 2)
    forget(created.room.code)
    at.run()
    assert at.checkbox(key="host_confirm_clear").label == "Yes, remove all 2 participants"


def test_creating_rooms_is_limited_per_address(
    fresh_store: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLS_MAP_ROOMS_PER_HOUR", "1")
    store.create_room(title="First", address="127.0.0.1")
    at = AppTest.from_file(PAGE, default_timeout=30).run()
    _button(at, "Create room").click().run()
    assert "Too many new rooms from your network" in _texts(at)
    assert "host_room" not in at.session_state


def _take_control(at: AppTest, code: str, key: str) -> AppTest:
    at.text_input(key="host_login_code").set_value(code)
    at.text_input(key="host_login_key").set_value(key)
    return _button(at, "Take control").click().run()


def test_take_control_says_the_same_for_a_missing_code_a_team_code_and_a_wrong_key(
    fresh_store: None,
) -> None:
    """Guessing codes through "Take back control" learns nothing: every refusal reads alike."""
    created = store.create_room(title="T")
    team = store.create_team_room(title="Team")
    said = []
    for code, key in (
        ("ZZZZZZ", created.key),
        (team.room.code, team.key),
        (created.room.code, "x"),
    ):
        at = _take_control(AppTest.from_file(PAGE, default_timeout=30).run(), code, key)
        said.append(at.error[0].value.replace(code, "CODE"))
        assert "host_room" not in at.session_state
    assert len(set(said)) == 1 and "do not open a room" in said[0]


def test_take_control_backs_off_a_guesser_even_for_a_real_room(
    fresh_store: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLS_MAP_FREE_KEY_MISSES", "3")
    created = store.create_room(title="T")
    at = AppTest.from_file(PAGE, default_timeout=30).run()  # one browser tab: one device
    for guess in ("ZZZZZZ", "ZZZZZY", "ZZZZZX", "ZZZZZW"):
        assert "do not open a room" in _take_control(at, guess, "k" * 22).error[0].value
    _take_control(at, created.room.code, created.key)
    assert "from this device" in at.error[0].value
    assert "host_room" not in at.session_state
    other = _take_control(
        AppTest.from_file(PAGE, default_timeout=30).run(), created.room.code, created.key
    )
    assert other.session_state["host_room"] == created.room.code  # another device is let in


def test_a_flood_is_removed_in_one_confirmed_action(fresh_store: None) -> None:
    created = store.create_room(title="T")
    code = created.room.code
    _join(code, 3)
    an_hour_ago = datetime.now(UTC) - timedelta(hours=1)
    with store.default_engine().begin() as conn:  # the real participants came an hour ago
        conn.execute(update(entries).values(created_at=an_hour_ago))
    _join(code, 4)  # the flood, just now
    forget(code)
    at = _host(code, created.key)
    at.time_input(key="host_flood_time").set_value(
        (datetime.now(UTC) - timedelta(minutes=5)).time()
    )
    at.run()
    remove = _button(at, "Remove them")
    assert remove.disabled  # not before the confirmation
    confirm = at.checkbox(key="host_flood_confirm")
    assert "remove the 4 participants that joined after" in confirm.label
    confirm.check().run()
    _button(at, "Remove them").click().run()
    assert [e.name for e in store.room_snapshot(room=code).entries] == ["P0", "P1", "P2"]
    assert "Removed 4 participants that joined after" in _texts(at)
    assert not at.checkbox(key="host_flood_confirm").value
