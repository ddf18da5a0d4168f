"""Answer for my team: a member answers (questionnaire or sliders), updates, sees their own result
and history, and is refused plainly (closed round, taken name, a workshop code)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

import store
from roles.models import Profile
from tests.app.helpers import app, texts


@pytest.fixture
def team(fresh_store: None) -> store.CreatedRoom:
    return store.create_team_room(title="Data platform team")


def _member(code: str) -> AppTest:
    return app("views/my_team.py", room=code).run()


def _save(at: AppTest) -> AppTest:
    return at.button(key="tm_submit").click().run()


def _choose(at: AppTest, key: str, index: int) -> None:
    box = at.selectbox(key=key)
    box.set_value(box.options[index])


def _someone_answers(team: store.CreatedRoom, name: str, score: float) -> None:
    """Another member (another device) answers with the same score on every measure."""
    store.submit_team_answer(
        room=team.room.code,
        participant=store.new_participant_token(),
        name=name,
        profile=Profile(ml=score, swe=score, comm=score),
        method="sliders",
    )


def _answered(team: store.CreatedRoom) -> dict[str, tuple[float, float, float]]:
    snap = store.team_snapshot(room=team.room.code, key=team.key)
    return {m.name: (m.answer.ml, m.answer.swe, m.answer.comm) for m in snap.answered}


def test_the_questionnaire_is_the_default_and_starts_with_the_survey_questions(
    team: store.CreatedRoom,
) -> None:
    at = _member(team.room.code.lower())
    assert dict(at.query_params) == {"room": team.room.code}
    assert at.radio(key="tm_mode").value == "Questionnaire"
    first = at.selectbox[0]
    assert first.key == "tm_q_years_code"
    assert at.button(key="tm_submit").label == "Save my answers"
    assert "Only your manager" in texts(at)
    assert any("Data platform team" in h.proto.body for h in at.get("html"))


def test_answering_the_questionnaire_saves_scores_answers_and_shows_the_result(
    team: store.CreatedRoom,
) -> None:
    at = _member(team.room.code)
    at.text_input(key="tm_name").set_value("Ana")
    _choose(at, "tm_q_years_code", 4)
    at.radio(key="tm_q_swe_code_review").set_value("Regularly")
    at.radio(key="tm_q_swe_tests_ci").set_value("Regularly")
    _save(at)
    assert at.success and at.success[0].value.startswith("Saved at")
    assert at.button(key="tm_submit").label == "Update my answers"
    snap = store.team_snapshot(room=team.room.code, key=team.key)
    (ana,) = snap.answered
    assert ana.name == "Ana" and ana.answer is not None and ana.answer.method == "questionnaire"
    assert ana.answer.answers == {
        "years_code": at.selectbox(key="tm_q_years_code").value,
        "swe_code_review": "Regularly",
        "swe_tests_ci": "Regularly",
    }
    assert (ana.answer.ml, ana.answer.comm) == (5.0, 5.0) and ana.answer.swe > 5
    assert any(
        m.value.startswith(("### Best fit", "### Close call", "### No role stands out"))
        for m in at.markdown
    )
    assert "Your answers round by round" in texts(at)
    assert "no question about ML expertise or communication, so they count as 5" in texts(at)


def test_a_name_is_required_and_must_be_free(team: store.CreatedRoom) -> None:
    _someone_answers(team, "Ana", 1)
    at = _member(team.room.code)
    at.radio(key="tm_mode").set_value("Quick sliders").run()
    _save(at)
    assert "Not saved: Type your name" in "\n".join(e.value for e in at.error)
    at.text_input(key="tm_name").set_value("ANA")
    _save(at)
    assert "already answers as 'ANA'" in "\n".join(e.value for e in at.error)
    assert at.text_input(key="tm_name").value == "ANA"  # what they typed stays
    assert list(_answered(team)) == ["Ana"]


def test_quick_sliders_save_and_an_update_keeps_one_member(team: store.CreatedRoom) -> None:
    at = _member(team.room.code)
    at.radio(key="tm_mode").set_value("Quick sliders").run()
    at.text_input(key="tm_name").set_value("Bo")
    at.select_slider(key="tm_s_swe").set_value(8.0)
    _save(at)
    at.select_slider(key="tm_s_ml").set_value(2.5)
    _save(at)
    assert _answered(team) == {"Bo": (2.5, 8.0, 5.0)}
    assert at.button(key="tm_submit").label == "Update my answers"


def test_an_empty_questionnaire_is_not_saved(team: store.CreatedRoom) -> None:
    at = _member(team.room.code)
    at.text_input(key="tm_name").set_value("Cy")
    _save(at)
    assert "answer at least one question" in "\n".join(e.value for e in at.error)
    assert _answered(team) == {}


def test_a_closed_round_shows_the_answers_but_no_form(team: store.CreatedRoom) -> None:
    at = _member(team.room.code)
    at.radio(key="tm_mode").set_value("Quick sliders").run()
    at.text_input(key="tm_name").set_value("Ana")
    _save(at)
    store.close_round(room=team.room.code, key=team.key)
    at.run()
    assert "Round 1 is closed: answers cannot change now. Your answers in it are kept." in texts(at)
    assert not [b for b in at.button if b.key == "tm_submit"]
    assert "Your answers in this round" in texts(at)


def test_a_new_round_starts_from_the_last_answers_and_history_shows_both(
    team: store.CreatedRoom,
) -> None:
    at = _member(team.room.code)
    at.radio(key="tm_mode").set_value("Quick sliders").run()
    at.text_input(key="tm_name").set_value("Ana")
    at.select_slider(key="tm_s_swe").set_value(4.0)
    _save(at)
    store.open_next_round(room=team.room.code, key=team.key)
    at.run()
    assert at.button(key="tm_submit").label == "Save my answers"
    assert at.select_slider(key="tm_s_swe").value == 4.0  # filled in from round 1
    assert "Your answers in round 1" in texts(at)
    assert any("Round 2 is open: please answer again" in i.value for i in at.info)
    at.select_slider(key="tm_s_swe").set_value(6.5)
    _save(at)
    history = next(d.value for d in at.dataframe if "Round" in d.value.columns)
    assert history["Round"].tolist() == [1, 2]
    assert history["SWE"].tolist() == [4.0, 6.5]
    # Short columns only (no date), so the table fits a phone.
    assert list(history.columns) == ["Round", "ML", "SWE", "Comm.", "Best fit"]
    assert not any("please answer again" in i.value for i in at.info)  # answered
    assert "Since round 1: Software engineering +2.5." in texts(at)


def test_switching_to_the_sliders_and_back_keeps_the_saved_answers(
    team: store.CreatedRoom,
) -> None:
    at = _member(team.room.code)
    at.text_input(key="tm_name").set_value("Ana")
    _choose(at, "tm_q_years_code", 2)
    _save(at)
    chosen = at.selectbox(key="tm_q_years_code").value
    at.radio(key="tm_mode").set_value("Quick sliders").run()
    at.radio(key="tm_mode").set_value("Questionnaire").run()
    assert at.selectbox(key="tm_q_years_code").value == chosen


def test_a_member_sees_nothing_of_the_others(team: store.CreatedRoom) -> None:
    _someone_answers(team, "Secret Sam", 9)
    at = _member(team.room.code)
    at.radio(key="tm_mode").set_value("Quick sliders").run()
    at.text_input(key="tm_name").set_value("Ana")
    _save(at)
    shown = texts(at) + "".join(str(d.value) for d in at.dataframe)
    assert "Secret Sam" not in shown and "9.0" not in shown
    assert not at.get("plotly_chart")


def test_a_workshop_code_is_refused_with_the_way_to_join_it(fresh_store: None) -> None:
    workshop = store.create_room(title="Workshop")
    at = _member(workshop.room.code)
    assert "is a workshop room, not a team room" in "\n".join(e.value for e in at.error)
    (link,) = at.get("page_link")
    assert link.proto.label == "Open it on Join a room"
    assert not [b for b in at.button if b.key == "tm_submit"]


def test_without_a_code_the_page_asks_for_one(team: store.CreatedRoom) -> None:
    at = app("views/my_team.py").run()
    assert "Answer for your team" in [t.value for t in at.title]
    at.text_input(key="tm_code_input").set_value(team.room.code.lower())
    next(b for b in at.button if b.label == "Open").click().run()
    assert at.query_params["room"] == team.room.code
    assert at.button(key="tm_submit").label == "Save my answers"


def test_workshop_pages_refuse_a_team_code(team: store.CreatedRoom) -> None:
    code = team.room.code
    join = app("views/join.py", room=code).run()
    assert "is a team room, not a workshop room" in "\n".join(e.value for e in join.error)
    (link,) = join.get("page_link")
    assert link.proto.label == "Open it on Answer for my team"
    assert not [b for b in join.button if b.key == "join_submit"]
    present = app("views/present.py", room=code).run()
    assert "Team rooms are private and have no projector view" in texts(present)
    assert "Data platform team" not in texts(present)
    assert not present.get("plotly_chart")
    host = app("views/host.py", room=code, key=team.key).run()
    # A keyed page says no more than for a wrong key (see test_host.py).
    assert f"Room code {code} and that facilitator key do not open a room" in texts(host)
    assert "host_room" not in host.session_state
