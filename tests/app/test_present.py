"""Present page: the two screens, the live count and map, hidden mode, escaped text, no key."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

import store
from components.room.live import VERSION_TTL_S, forget
from components.room.name_key import MAX_NAMED_DOTS
from roles.models import Profile
from tests.app.helpers import values

ROOT = Path(__file__).resolve().parents[2]
PAGE = str(ROOT / "views" / "present.py")
XSS = "<img src=x onerror=alert(1)>"


def _add(code: str, n: int, name: str | None = None) -> None:
    for i in range(n):
        store.submit(
            room=code,
            participant=store.new_participant_token(),
            profile=Profile(ml=(i * 3) % 11, swe=6, comm=4),
            name=name,
        )
    forget(code)  # as if the shared version had been read again (see the TTL test below)


def _present(code: str) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=30)
    at.query_params["room"] = code
    return at.run()


def _on_map(room: store.CreatedRoom, **state: bool) -> None:
    store.set_room_state(room=room.room.code, key=room.key, screen="map", **state)


def _figures(at: AppTest) -> list[dict[str, Any]]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def _traces(at: AppTest, kind: str) -> list[dict[str, Any]]:
    return [t for f in _figures(at) for t in f["data"] if t.get("meta", {}).get("kind") == kind]


def _html(at: AppTest) -> str:
    return "\n".join(h.proto.body for h in at.get("html"))


def _texts(at: AppTest) -> str:
    parts = [m.value for m in (*at.markdown, *at.title, *at.error)]
    return "\n".join(str(p) for p in parts) + "\n" + _html(at)


def test_joining_screen_shows_code_address_and_count_without_a_map(
    room: store.CreatedRoom,
) -> None:
    _add(room.room.code, 2)
    at = _present(room.room.code)
    code = room.room.code
    assert f'<p class="room-code">{code[:3]} {code[3:]}</p>' in _html(at)
    assert "2 participants joined" in _html(at)
    assert not at.get("plotly_chart")


def test_joining_screen_has_a_big_qr_code_and_a_short_address(
    room: store.CreatedRoom, monkeypatch: Any
) -> None:
    monkeypatch.setenv("SKILLS_MAP_PUBLIC_URL", "https://maps.example.org/")
    at = _present(room.room.code)
    assert "Go to <b>maps.example.org/j</b> and enter the code" in _html(at)
    assert len(at.get("image")) == 1


def test_map_screen_shows_one_bubble_per_participant(room: store.CreatedRoom) -> None:
    _on_map(room)
    _add(room.room.code, 3)
    at = _present(room.room.code)
    assert "3 participants" in _html(at)
    (crowd,) = _traces(at, "crowd")
    assert len(values(crowd["x"])) == 3


def test_empty_room_on_the_map_has_no_bubbles(room: store.CreatedRoom) -> None:
    _on_map(room)
    at = _present(room.room.code)
    assert '<p class="room-count">0 participants</p>' in _html(at)
    assert _traces(at, "crowd") == []


def test_hidden_room_shows_count_but_no_dots(room: store.CreatedRoom) -> None:
    _on_map(room, hidden=True)
    _add(room.room.code, 6)
    at = _present(room.room.code)
    assert _traces(at, "crowd") == []
    notes = [a["text"] for f in _figures(at) for a in f["layout"].get("annotations", [])]
    assert "<b>Answers hidden — 6 participants</b>" in notes
    assert "Roles appear after the reveal" in _html(at)


def test_names_are_escaped_text_when_names_are_on(room: store.CreatedRoom) -> None:
    _on_map(room, show_names=True)
    _add(room.room.code, 1, name=XSS)
    at = _present(room.room.code)
    (crowd,) = _traces(at, "crowd")
    (names,) = _traces(at, "names")
    assert "&lt;img src=x onerror=alert(1)&gt;" in crowd["hovertext"][0]
    assert names["text"] == ["&lt;img src=x…"]  # cut after a word to fit a label
    assert "<img" not in json.dumps(_figures(at))


def test_names_stay_off_the_screen_by_default(room: store.CreatedRoom) -> None:
    _on_map(room)
    _add(room.room.code, 1, name="Ada Lovelace")
    at = _present(room.room.code)
    assert "Ada" not in json.dumps(_figures(at))
    assert _traces(at, "names") == []


def test_role_breakdown_waits_for_five_answers(room: store.CreatedRoom) -> None:
    _on_map(room)
    code = room.room.code
    _add(code, 4)
    at = _present(code)
    assert "Role breakdown at 5 answers (1 to go)" in _html(at)
    assert len(_figures(at)) == 1
    _add(code, 1)
    at = _present(code)
    assert len(_traces(at, "roles")) == 1


def test_title_is_shown_as_typed_without_markdown_or_escapes(fresh_store: None) -> None:
    created = store.create_room(title="Offsite [link](http://x) *ML* <b>")
    at = _present(created.room.code)
    assert '<h1 class="room-title">Offsite [link](http://x) *ML* &lt;b&gt;</h1>' in _html(at)
    assert "\\" not in _html(at)


def test_projector_never_shows_the_key(room: store.CreatedRoom) -> None:
    _on_map(room)
    _add(room.room.code, 2)
    at = _present(room.room.code)
    page = _texts(at) + json.dumps(_figures(at)) + json.dumps(dict(at.query_params))
    assert room.key not in page
    assert room.room.code in page


def test_a_change_to_the_room_shows_on_the_next_run(room: store.CreatedRoom) -> None:
    at = _present(room.room.code)
    assert "0 participants joined" in _html(at)
    store.submit(
        room=room.room.code,
        participant=store.new_participant_token(),
        profile=Profile(ml=1, swe=2, comm=3),
        name=None,
    )
    time.sleep(VERSION_TTL_S)  # the shared version is read again after this long
    at.run()
    assert "1 participant joined" in _html(at)


def test_unknown_room_says_so_and_offers_a_code_field(room: store.CreatedRoom) -> None:
    at = _present("ZZZZZZ")
    assert at.error and "ZZZZZZ" in at.error[0].value
    assert not at.get("plotly_chart")
    at.text_input(key="present_code_input").set_value(room.room.code.lower())
    next(b for b in at.button if b.label == "Present").click().run()
    assert at.query_params["room"] == room.room.code
    assert "0 participants joined" in _html(at)


def test_a_code_with_lookalike_letters_states_the_rule(fresh_store: None) -> None:
    at = _present("abc123")
    assert at.error
    assert "it contains 1" in at.error[0].value
    assert "never use 0, 1, I, L or O" in at.error[0].value


def test_without_a_code_the_page_asks_for_one(room: store.CreatedRoom) -> None:
    at = AppTest.from_file(PAGE, default_timeout=30).run()
    at.text_input(key="present_code_input").set_value(room.room.code.lower())
    next(b for b in at.button if b.label == "Present").click().run()
    assert at.query_params["room"] == room.room.code
    assert "0 participants joined" in _html(at)


def test_a_blocked_address_sees_no_room_not_even_an_existing_one(
    room: store.CreatedRoom, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Guessing through Present: misses count, and while the address waits an existing room is
    not shown either (it was, at 85 guesses a second, before)."""
    monkeypatch.setenv("SKILLS_MAP_FREE_ADDRESS_MISSES", "2")
    for guess in ("ZZZZZZ", "ZZZZZY", "ZZZZZX"):  # a new session (device) for each guess
        assert "no open room" in at_errors(_present(guess))
    blocked = _present(room.room.code)
    assert "from your network" in at_errors(blocked)
    assert "Team offsite" not in str([h.proto.body for h in blocked.get("html")])
    assert not blocked.get("plotly_chart") and not blocked.get("imgs")


def test_one_device_guessing_on_present_waits_alone(
    room: store.CreatedRoom, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLS_MAP_FREE_CODE_MISSES", "1")
    at = _present("ZZZZZZ")
    for guess in ("ZZZZZY", room.room.code):
        at.text_input(key="present_code_input").set_value(guess)
        at.button[0].click().run()
    assert "room codes that do not exist from this device" in at_errors(at)
    # Another projector behind the same address shows the room.
    assert "Team offsite" in str([h.proto.body for h in _present(room.room.code).get("html")])


def at_errors(at: AppTest) -> str:
    return "\n".join(e.value for e in at.error)


def _crowd_of(code: str, names: list[str]) -> None:
    """Named people on neighbouring answers half a point apart, a clump of dots: too close
    for every name beside its dot."""
    for i, name in enumerate(names):
        store.submit(
            room=code,
            participant=store.new_participant_token(),
            profile=Profile(ml=4 + (i % 4) / 2, swe=5 + (i // 4 % 3) / 2, comm=5),
            name=name,
        )
    forget(code)


def _key(at: AppTest) -> list[str]:
    """The key's entries as sent to the page ("3 Wang Fang"), tags stripped."""
    found = re.findall(r"<li><b>(\d+)</b> (.*?)</li>", _html(at))
    return [f"{n} {name}" for n, name in found]


def test_names_with_no_room_are_numbered_on_the_map_and_keyed_beside_it(
    room: store.CreatedRoom,
) -> None:
    _on_map(room, show_names=True)
    names = [f"<b>P{i}</b>" for i in range(12)]
    _crowd_of(room.room.code, names)
    at = _present(room.room.code)
    (numbers,) = _traces(at, "numbers")
    key = _key(at)
    # Each key number is on the map: alone ("3"), or a clump's range ("3–4").
    on_map = set()
    for text in numbers["text"]:
        first, _, last = text.partition("–")
        on_map |= set(range(int(first), int(last or first) + 1))
    assert key and {int(e.split()[0]) for e in key} == on_map
    (labels,) = _traces(at, "names")
    # Nobody twice; escaped on the map and in the key (never bold, never a tag).
    shown = [*labels["text"], *(e.split(" ", 1)[1] for e in key)]
    assert len(set(shown)) == len(shown)
    assert all(
        t.replace("<br>", "") in {f"&lt;b&gt;P{i}&lt;/b&gt;" for i in range(12)} for t in shown
    )
    assert "<b>P" not in _html(at) and "Numbers on the map" in _html(at)
    # Whoever is not shown in this clump of twelve is counted, never dropped silently.
    note = f"Names shown for {len(shown)} of 12. Everyone sees their own result on their phone."
    assert (note in _html(at)) == (len(shown) < 12)


def test_the_key_speaks_the_projector_s_language(fresh_store: None) -> None:
    created = store.create_room(title="研讨会", lang="zh")
    _on_map(created, show_names=True)
    _crowd_of(created.room.code, [f"王{i}" for i in range(12)])
    at = _present(created.room.code)
    assert _key(at) and "地图上的编号" in _html(at)


def test_past_the_cap_the_screen_says_names_are_not_drawn(room: store.CreatedRoom) -> None:
    _on_map(room, show_names=True)
    _crowd_of(room.room.code, [f"P{i}" for i in range(MAX_NAMED_DOTS + 1)])
    at = _present(room.room.code)
    assert _traces(at, "numbers") == [] and _traces(at, "names")[0]["text"] == []
    assert (
        f"Names are drawn for up to {MAX_NAMED_DOTS} named participants; this room has "
        f"{MAX_NAMED_DOTS + 1}. Everyone sees their own result on their phone."
    ) in _html(at)
