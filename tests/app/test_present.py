"""Present page: the live count and map, hidden mode, escaped names, and no key on screen."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

import store
from roles.models import Profile

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


def _present(code: str) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=30)
    at.query_params["room"] = code
    return at.run()


def _figures(at: AppTest) -> list[dict[str, Any]]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def _crowd(at: AppTest) -> list[dict[str, Any]]:
    return [t for f in _figures(at) for t in f["data"] if t.get("meta", {}).get("kind") == "crowd"]


def _texts(at: AppTest) -> str:
    return "\n".join(str(m.value) for m in (*at.markdown, *at.title, *at.error))


def test_one_submission_shows_one_participant_and_its_bubble(room: store.CreatedRoom) -> None:
    _add(room.room.code, 1)
    at = _present(room.room.code)
    assert "# 1 participant" in [m.value for m in at.markdown]
    (crowd,) = _crowd(at)
    assert len(crowd["hovertext"]) == 1


def test_empty_room_shows_zero_and_no_bubbles(room: store.CreatedRoom) -> None:
    at = _present(room.room.code)
    assert "# 0 participants" in [m.value for m in at.markdown]
    assert _crowd(at) == []


def test_hidden_room_shows_count_but_no_dots(room: store.CreatedRoom) -> None:
    store.set_room_state(room=room.room.code, key=room.key, hidden=True)
    _add(room.room.code, 6)
    at = _present(room.room.code)
    assert _crowd(at) == []
    notes = [a["text"] for f in _figures(at) for a in f["layout"].get("annotations", [])]
    assert "<b>Answers hidden — 6 participants</b>" in notes
    assert "Roles appear after the reveal" in _texts(at)


def test_names_are_escaped_text_when_names_are_on(room: store.CreatedRoom) -> None:
    store.set_room_state(room=room.room.code, key=room.key, show_names=True)
    _add(room.room.code, 1, name=XSS)
    (crowd,) = _crowd(_present(room.room.code))
    assert "&lt;img src=x onerror=alert(1)&gt;" in crowd["hovertext"][0]
    assert "<img" not in json.dumps(crowd)


def test_names_stay_off_the_screen_by_default(room: store.CreatedRoom) -> None:
    _add(room.room.code, 1, name="Ada Lovelace")
    (crowd,) = _crowd(_present(room.room.code))
    assert "Ada" not in json.dumps(crowd)


def test_role_breakdown_waits_for_five_answers(room: store.CreatedRoom) -> None:
    code = room.room.code
    _add(code, 4)
    at = _present(code)
    assert "Role breakdown appears at 5 answers (1 to go)" in _texts(at)
    assert len(_figures(at)) == 1
    _add(code, 1)
    at = _present(code)
    bars = [t for f in _figures(at) for t in f["data"] if t.get("meta", {}).get("kind") == "roles"]
    assert len(bars) == 1


def test_projector_never_shows_the_key(room: store.CreatedRoom) -> None:
    _add(room.room.code, 2)
    at = _present(room.room.code)
    page = _texts(at) + json.dumps(_figures(at)) + json.dumps(dict(at.query_params))
    assert room.key not in page
    assert room.room.code in page


def test_unknown_room_shows_clear_message(fresh_store: None) -> None:
    at = _present("ZZZZZZ")
    assert at.error and "ZZZZZZ" in at.error[0].value
    assert not at.get("plotly_chart")


def test_without_a_code_the_page_asks_for_one(room: store.CreatedRoom) -> None:
    at = AppTest.from_file(PAGE, default_timeout=30).run()
    at.text_input(key="present_code_input").set_value(room.room.code.lower())
    next(b for b in at.button if b.label == "Present").click().run()
    assert at.query_params["room"] == room.room.code
    assert "# 0 participants" in [m.value for m in at.markdown]
