"""Team page with a team room: invite, load answers, rate members, run rounds, compare, delete."""

from __future__ import annotations

import csv
import io
from typing import Any

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import store
from components.teamroom.panels import self_vs_manager_csv
from roles.models import Profile
from tests.app.helpers import app, figures, texts, values

TEAM = {"Ana": (7, 7, 5), "Bo": (2.5, 7, 4.5), "Cy": (8, 3, 6)}


def _button(at: AppTest, label: str):  # type: ignore[no-untyped-def]
    return next(b for b in at.button if b.label == label)


def _answer(code: str, name: str, scores: tuple[float, float, float], token: str = "") -> str:
    token = token or store.new_participant_token()
    ml, swe, comm = scores
    store.submit_team_answer(
        room=code,
        participant=token,
        name=name,
        profile=Profile(ml=ml, swe=swe, comm=comm),
        method="sliders",
    )
    return token


@pytest.fixture
def team(fresh_store: None) -> tuple[store.CreatedRoom, dict[str, str]]:
    """A team room where Ana, Bo and Cy answered round 1; their device tokens by name."""
    created = store.create_team_room(title="Data platform team")
    tokens = {n: _answer(created.room.code, n, s) for n, s in TEAM.items()}
    return created, tokens


def _manager(created: store.CreatedRoom) -> AppTest:
    return app("views/team.py", room=created.room.code, key=created.key).run()


def _people(at: AppTest) -> int:
    kinds = [t for f in figures(at) for t in f["data"] if t.get("meta", {}).get("kind") == "team"]
    return sum(len(values(t["x"])) for t in kinds)


def _meta(at: AppTest, kind: str) -> list[dict[str, Any]]:
    return [t for f in figures(at) for t in f["data"] if t.get("meta", {}).get("kind") == kind]


def test_invite_my_team_shows_the_code_the_members_link_and_the_key_once(
    fresh_store: None,
) -> None:
    at = app("views/team.py").run()
    at.text_input(key="teamroom_title").set_value("Data platform team")
    _button(at, "Invite my team").click().run()
    code, key = at.session_state["teamroom_code"], at.session_state["teamroom_key"]
    info = store.get_team_room(room=code)
    assert (info.room.title, info.room.kind, info.room.keep_days) == (
        "Data platform team",
        "team",
        90,
    )
    assert f"team code `{code}`" in texts(at)
    assert f"Team code: {code}" in texts(at)
    shown = [c.value for c in at.code]
    assert key in shown and any(s.endswith(f"my_team?room={code}") for s in shown)
    assert "Save the manager key now" in texts(at)
    assert dict(at.query_params) == {"room": code}  # the key is never in the address bar
    assert "Nobody has answered round 1 yet" in texts(at)
    at.run()  # the next draw no longer shouts about the key
    assert "Save the manager key now" not in texts(at)


def test_load_answers_with_code_and_key_maps_the_team(
    team: tuple[store.CreatedRoom, dict[str, str]],
) -> None:
    created, _ = team
    at = app("views/team.py").run()
    at.text_input(key="teamroom_load_code").set_value(created.room.code.lower())
    at.text_input(key="teamroom_load_key").set_value(created.key)
    _button(at, "Load answers").click().run()
    assert not at.exception
    assert _people(at) == 3
    assert "3 of 3 members answered" in texts(at)
    warnings = [w.value for w in at.warning]
    assert any(w.startswith("Missing roles (nobody covers them): ML DevOps") for w in warnings)
    assert [t.label for t in at.tabs][-2:] == ["Self vs manager", "Rounds"]
    # The file upload and the example team are for typed teams, not a team room.
    assert "Load example team" not in [b.label for b in at.button]


def test_a_manager_link_s_key_leaves_the_address_and_a_refresh_says_how_to_get_back(
    team: tuple[store.CreatedRoom, dict[str, str]],
) -> None:
    created, _ = team
    code = created.room.code
    at = _manager(created)  # opened from the manager link ?room=CODE&key=KEY
    assert _people(at) == 3
    assert dict(at.query_params) == {"room": code}
    assert created.key not in str(at.query_params)
    # The link is still there to copy, in the invitation panel.
    assert any(f"room={code}" in c.value and created.key in c.value for c in at.code)
    # A refresh is a new session with the address as it is now: the way back is said, and
    # the load form already holds the code.
    again = app("views/team.py", room=code).run()
    assert not again.exception and _people(again) == 0
    assert any(f"Team room {code}: the manager key is not kept" in i.value for i in again.info)
    assert again.text_input(key="teamroom_load_code").value == code
    again.text_input(key="teamroom_load_key").set_value(created.key)
    _button(again, "Load answers").click().run()
    assert _people(again) == 3
    assert not any("the manager key is not kept" in i.value for i in again.info)
    assert dict(again.query_params) == {"room": code}


def test_a_wrong_key_or_a_workshop_code_is_refused(
    team: tuple[store.CreatedRoom, dict[str, str]],
) -> None:
    created, _ = team
    at = app("views/team.py", room=created.room.code, key="not-the-key").run()
    refused = f"Team code {created.room.code} and that manager key do not open a team room"
    assert refused in texts(at)
    assert "teamroom_code" not in at.session_state and _people(at) == 0
    workshop = store.create_room(title="Workshop")
    at = app("views/team.py", room=workshop.room.code, key=workshop.key).run()
    # The same words as for a wrong key: nothing tells the manager page which codes exist.
    assert refused.replace(created.room.code, workshop.room.code) in texts(at)
    assert "teamroom_code" not in at.session_state


def test_a_manager_rating_is_saved_drawn_and_named_as_a_disagreement(
    team: tuple[store.CreatedRoom, dict[str, str]],
) -> None:
    created, _ = team
    at = _manager(created)
    at.session_state["teamroom_ratings_0"] = {
        "edited_rows": {0: {"manager_swe": 4.0}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert "Saved your rating of Ana." in texts(at)
    rating = store.team_snapshot(room=created.room.code, key=created.key).members[0].rating
    assert rating is not None and (rating.ml, rating.swe, rating.comm) == (None, 4.0, None)
    (line,) = _meta(at, "self_vs_manager")
    (diamond,) = _meta(at, "manager")
    assert values(diamond["x"]) == [7.0] and values(diamond["y"]) == [4.0]
    assert values(line["y"])[:2] == [7.0, 4.0]
    assert "Ana rates their software engineering 7, you rate it 4 \\(3 lower\\)\\." in texts(at)
    assert "You have not rated anyone on this yet." in texts(at)  # ML and communication
    at.run()  # a later draw (a member's answer, a refresh) does not save it again
    assert "Saved your rating" not in texts(at)


def test_the_self_vs_manager_export_is_safe_in_a_spreadsheet() -> None:
    fitted = pd.DataFrame(
        [{"name": "=HYPERLINK(1)", "ml": 5, "swe": 7, "comm": 5, "manager_swe": 4.0}]
    )
    rows = list(csv.reader(io.StringIO(self_vs_manager_csv(fitted).decode("utf-8-sig"))))
    assert rows == [
        ["name", "measure", "their_rating", "your_rating", "difference"],
        ["'=HYPERLINK(1)", "software engineering", "7.0", "4.0", "-3.0"],
    ]


def test_close_reopen_and_open_the_next_round(
    team: tuple[store.CreatedRoom, dict[str, str]],
) -> None:
    created, _ = team
    code = created.room.code
    at = _manager(created)
    _button(at, "Close round 1").click().run()
    assert not store.get_team_room(room=code).current.is_open
    assert "Round 1 closed" in texts(at)
    _button(at, "Reopen round 1").click().run()
    assert store.get_team_room(room=code).current.is_open
    _button(at, "Open round 2").click().run()
    assert [r.number for r in store.get_team_room(room=code).rounds] == [1, 2]
    assert "Nobody has answered round 2 yet" in texts(at)
    assert "Pick an earlier round above" in texts(at)
    assert "0 of 3 members answered (not yet: Ana, Bo, Cy)" in texts(at)
    at.selectbox(key="teamroom_round").set_value(1).run()
    assert _people(at) == 3


def test_rounds_tab_shows_who_moved_and_how_coverage_changed(
    team: tuple[store.CreatedRoom, dict[str, str]],
) -> None:
    created, tokens = team
    code = created.room.code
    store.open_next_round(room=code, key=created.key)
    for name, scores in TEAM.items():
        moved = (8, 3, 6) if name != "Cy" else (2.5, 7.5, 4.5)  # Cy became a data engineer
        _answer(code, name, scores if name != "Cy" else moved, tokens[name])
    at = _manager(created)
    assert at.selectbox(key="teamroom_compare_before").value == 1
    assert at.selectbox(key="teamroom_compare_after").value == 2
    summary = texts(at)
    assert "1 of 3 members who answered both rounds moved." in summary
    assert "Cy moved most: ML expertise 8 → 2.5 (-5.5)." in summary
    assert "Newly missing: ML researcher." in summary
    moves = next(d.value for d in at.dataframe if "Name" in d.value.columns)
    cy = moves[moves["Name"] == "Cy"].iloc[0]
    assert cy["Software engineering"] == "3 → 7.5 (+4.5)"
    assert cy["Best fit"] == "ML researcher → Data engineer"
    coverage = next(d.value for d in at.dataframe if "Role" in d.value.columns)
    researcher = coverage[coverage["Role"] == "ML researcher"].iloc[0]
    assert (researcher["Round 1"], researcher["Round 2"]) == (1, 0)


def test_one_round_only_explains_how_to_get_a_comparison(
    team: tuple[store.CreatedRoom, dict[str, str]],
) -> None:
    at = _manager(team[0])
    assert "Only one round so far" in texts(at)


def test_removing_a_member_and_deleting_the_room(
    team: tuple[store.CreatedRoom, dict[str, str]],
) -> None:
    created, _ = team
    code = created.room.code
    at = _manager(created)
    at.selectbox(key="teamroom_remove_choice").set_value(2)  # Bo's member id
    _button(at, "Remove member").click().run()
    assert "Removed Bo and all their answers." in texts(at)
    assert [m.name for m in store.team_snapshot(room=code, key=created.key).members] == [
        "Ana",
        "Cy",
    ]
    assert _button(at, "Delete team room").disabled
    at.text_input(key="teamroom_confirm_delete").set_value(code.lower()).run()
    _button(at, "Delete team room").click().run()
    assert "Team room deleted with every answer and rating." in texts(at)
    with pytest.raises(store.RoomNotFound):
        store.get_team_room(room=code)
    assert "teamroom_code" not in at.session_state and dict(at.query_params) == {}
    assert "Invite my team" in [b.label for b in at.button]


def test_a_room_deleted_elsewhere_says_so_and_lets_the_manager_go_back(
    team: tuple[store.CreatedRoom, dict[str, str]],
) -> None:
    created, _ = team
    at = _manager(created)
    store.delete_room(room=created.room.code, key=created.key, kind="team")
    at.run()
    assert f"There is no open room with code {created.room.code}" in texts(at)
    _button(at, "Back to my own table").click().run()
    assert "Invite my team" in [b.label for b in at.button]


def test_stop_using_returns_to_the_typed_table_and_keeps_the_room(
    team: tuple[store.CreatedRoom, dict[str, str]],
) -> None:
    created, _ = team
    at = _manager(created)
    _button(at, "Stop using this team room here").click().run()
    assert "Load example team" in [b.label for b in at.button]
    assert store.get_team_room(room=created.room.code).room.title == "Data platform team"


def test_the_page_follows_a_new_round_unless_an_earlier_one_was_picked(
    team: tuple[store.CreatedRoom, dict[str, str]],
) -> None:
    created, _ = team
    at = _manager(created)
    store.open_next_round(room=created.room.code, key=created.key)  # from another tab
    at.run()
    assert "Nobody has answered round 2 yet" in texts(at)
    at.selectbox(key="teamroom_round").set_value(1).run()
    assert _people(at) == 3
    store.open_next_round(room=created.room.code, key=created.key)
    at.run()
    assert _people(at) == 3 and at.selectbox(key="teamroom_round").value == 1


def test_the_report_is_headed_by_the_team_room_s_name_and_round(
    team: tuple[store.CreatedRoom, dict[str, str]],
) -> None:
    from components.teamroom.access import TeamRoom
    from components.teamroom.page import report_title

    created, _ = team
    code, key = created.room.code, created.key
    snapshot = store.team_snapshot(room=code, key=key, round_number=None)
    assert report_title(TeamRoom(code, key, snapshot)) == "Data platform team: round 1"
    assert report_title(None) == "Team skills map"


def test_load_answers_backs_off_a_guesser_and_says_the_same_for_every_miss(
    team: tuple[store.CreatedRoom, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLS_MAP_FREE_KEY_MISSES", "2")
    created, _ = team
    at = app("views/team.py").run()  # one browser tab: one device

    def load(code: str, key: str) -> str:
        at.text_input(key="teamroom_load_code").set_value(code)
        at.text_input(key="teamroom_load_key").set_value(key)
        _button(at, "Load answers").click().run()
        return "\n".join(e.value for e in at.error)

    said = {load(code, "k" * 22).replace(code, "CODE") for code in ("ZZZZZZ", created.room.code)}
    assert len(said) == 1 and "do not open a team room" in said.pop()
    load("ZZZZZY", "k" * 22)  # the third miss: from now on this device waits
    assert "from this device" in load(created.room.code, created.key)
    assert "teamroom_code" not in at.session_state
