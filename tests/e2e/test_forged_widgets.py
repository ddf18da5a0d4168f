"""Widget values no browser sends, forged over Streamlit's WebSocket against `streamlit run`:
a member id of another team room in "Remove member", an unknown rating on Join, an unknown
answer mode on a team member's form. Each is refused with a message and changes nothing, in
the room or outside it; a real option still works.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import store
from roles.catalog import load_catalog
from roles.models import Profile
from roles.verdict import assess
from roles.verdict_text import headline
from tests.e2e.protocol import open_and_send, page_text, sent
from testsupport.server import start_app, stop_app

pytestmark = pytest.mark.e2e

REFUSED = "not one of those on the page, so nothing was changed"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One server for the module, on a store this test process writes to as well."""
    tmp = tmp_path_factory.mktemp("forged")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SKILLS_MAP_DATA_HOME", str(tmp / "appdata"))
        mp.delenv("SKILLS_MAP_DATABASE_URL", raising=False)
        url, proc = start_app(tmp)
        try:
            yield url
        finally:
            stop_app(proc)
            store.default_engine().dispose()


def _answer(room: store.CreatedRoom, name: str, ml: float) -> int:
    return store.submit_team_answer(
        room=room.room.code,
        participant=store.new_participant_token(),
        name=name,
        profile=Profile(ml=ml, swe=5, comm=5),
        method="sliders",
    ).member_id


def _shape(room: store.CreatedRoom) -> list[tuple[Any, ...]]:
    snap = store.team_snapshot(room=room.room.code, key=room.key)
    return [
        (m.member_id, m.name, m.answer and m.answer.ml, m.rating and m.rating.ml)
        for m in snap.members
    ]


def test_a_forged_member_id_of_another_team_removes_nothing(served: str) -> None:
    mine = store.create_team_room(title="Mine")
    theirs = store.create_team_room(title="Theirs")
    _answer(mine, "Ana", 4)
    victim = _answer(theirs, "Bo", 7)
    store.rate_member(room=theirs.room.code, key=theirs.key, member_id=victim, round_number=1, ml=2)
    before = _shape(mine), _shape(theirs)

    def forge(page: Any) -> list[Any]:
        assert "teamroom_remove_choice" in page.widgets  # the manager's page was drawn
        return [
            sent(page, "teamroom_remove_choice", string_value=str(victim)),
            sent(page, "teamroom_remove", trigger_value=True),
        ]

    query = f"room={mine.room.code}&key={mine.key}"
    _first, after = open_and_send(served, "team", query, forge)
    assert REFUSED in page_text(after)
    assert (_shape(mine), _shape(theirs)) == before
    assert _shape(theirs) == [(victim, "Bo", 7.0, 2.0)]


def test_a_forged_entry_of_another_room_and_an_unknown_screen_change_nothing(served: str) -> None:
    mine, theirs = store.create_room(title="Mine"), store.create_room(title="Theirs")
    for room, name in ((mine, "Di"), (theirs, "Cy")):
        store.submit(
            room=room.room.code,
            participant=store.new_participant_token(),
            profile=Profile(ml=1, swe=1, comm=1),
            name=name,
        )
    other = store.room_snapshot(room=theirs.room.code).entries[0].entry_id

    def forge(page: Any) -> list[Any]:
        return [
            sent(page, "host_remove_choice", string_value=str(other)),
            sent(page, "host_remove", trigger_value=True),
            sent(page, "host_screen", string_value="tv"),
        ]

    query = f"room={mine.room.code}&key={mine.key}"
    _first, after = open_and_send(served, "host", query, forge)
    assert REFUSED in page_text(after)
    for room, name in ((mine, "Di"), (theirs, "Cy")):
        assert [e.name for e in store.room_snapshot(room=room.room.code).entries] == [name]
    assert store.get_room(room=mine.room.code).screen == "join"


def _join(served: str, code: str, rating: Any) -> tuple[str, list[store.Entry]]:
    def submit(page: Any) -> list[Any]:
        return [
            sent(page, "join_name", string_value="Eve"),
            sent(page, "join_ml", string_array_value=[rating(page)]),
            sent(page, "join_submit", trigger_value=True),
        ]

    _first, after = open_and_send(served, "join", f"room={code}", submit)
    return page_text(after), store.room_snapshot(room=code).entries


def test_a_forged_rating_on_join_is_refused_not_saved_as_zero(served: str) -> None:
    code = store.create_room(title="Hall").room.code
    text, entries = _join(served, code, lambda _page: "99 · Wizard")
    assert REFUSED in text and "Saved" not in text
    assert entries == []
    # The same form with a rating the slider offers is saved as sent.
    text, entries = _join(served, code, lambda page: page.widgets["join_ml"].options[16])
    assert "Saved" in text
    assert [(e.name, e.ml) for e in entries] == [("Eve", 8.0)]


def test_a_forged_answer_mode_on_a_team_members_form_is_refused(served: str) -> None:
    team = store.create_team_room(title="Team")

    def submit(page: Any) -> list[Any]:
        return [
            sent(page, "tm_mode", string_value="Hack"),
            sent(page, "tm_name", string_value="Fay"),
            sent(page, "tm_submit", trigger_value=True),
        ]

    _first, after = open_and_send(served, "my_team", f"room={team.room.code}", submit)
    assert REFUSED in page_text(after)
    assert _shape(team) == []


def test_the_pages_are_drawn_for_a_real_browser_too(served: str, tmp_path: Path) -> None:
    """The forged runs above were refused by the guard, not by a page that failed to draw."""
    team = store.create_team_room(title="Team")
    member = _answer(team, "Gus", 3)

    def remove(page: Any) -> list[Any]:
        return [
            sent(page, "teamroom_remove_choice", string_value="Gus"),  # the label, as sent
            sent(page, "teamroom_remove", trigger_value=True),
        ]

    query = f"room={team.room.code}&key={team.key}"
    _first, after = open_and_send(served, "team", query, remove)
    assert "Removed Gus" in page_text(after)
    assert member not in [row[0] for row in _shape(team)]


def test_a_forged_rating_on_my_skills_map_is_refused_and_the_map_kept(served: str) -> None:
    # AppTest cannot send a value a select slider does not offer; the WebSocket can.
    def forge(page: Any) -> list[Any]:
        return [sent(page, "me_ml", string_array_value=["99 · Wizard"])]

    first, after = open_and_send(served, "", "ml=7&swe=3&comm=6", forge)
    assert after.texts[0].startswith("That choice is not one of those on the page")
    # Everything the page said about the person stands on the rating it had (ML 7), unchanged.
    kept = assess({}, load_catalog("2021", "en"), profile=Profile(ml=7, swe=3, comm=6))
    assert headline(kept) in first.texts and headline(kept) in after.texts
    fit = f"Fit {kept.best.fit:.0f} of 100."
    said = [t for t in first.texts if fit in t]
    assert said and all(t in after.texts for t in said)
