"""Team rooms, the member's side: one device one member, names, updates, history and limits."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Engine, select, update

import store
from roles.models import Profile
from store.schema import team_members

MemberFn = Callable[..., store.MemberHistory]


def test_first_answer_makes_the_device_a_member_and_later_ones_update(
    db: Engine, team: store.CreatedRoom, answer: MemberFn
) -> None:
    token = store.new_participant_token()
    first = answer("Ana", ml=4, participant=token)
    again = answer("Ana", ml=6, participant=token)
    assert first.member_id == again.member_id
    assert [(a.round_number, a.ml) for a in again.answers] == [(1, 6.0)]
    snap = store.team_snapshot(room=team.room.code, key=team.key, engine=db)
    assert [(m.name, m.answer.ml if m.answer else None) for m in snap.members] == [("Ana", 6.0)]


def test_a_member_sees_only_their_own_answers_across_rounds(
    db: Engine, team: store.CreatedRoom, answer: MemberFn
) -> None:
    ana, bo = store.new_participant_token(), store.new_participant_token()
    answer("Ana", ml=3, participant=ana)
    answer("Bo", ml=9, participant=bo)
    store.open_next_round(room=team.room.code, key=team.key, engine=db)
    answer("Ana", ml=5, participant=ana)
    info, history = store.member_view(room=team.room.code, participant=ana, engine=db)
    assert info.current.number == 2 and history is not None
    assert history.name == "Ana"
    assert [(a.round_number, a.ml) for a in history.answers] == [(1, 3.0), (2, 5.0)]
    assert history.answer_in(2).ml == 5.0 and history.answer_in(3) is None
    _, nobody = store.member_view(
        room=team.room.code, participant=store.new_participant_token(), engine=db
    )
    assert nobody is None


def test_questionnaire_answers_are_kept_to_fill_the_form_again(
    db: Engine, team: store.CreatedRoom, answer: MemberFn
) -> None:
    token = store.new_participant_token()
    given = {"years_code": "3-5 years", "work_activities": ["ml_research"]}
    answer("Ana", participant=token, method="questionnaire", answers=given)
    _, history = store.member_view(room=team.room.code, participant=token, engine=db)
    assert history is not None and history.latest is not None
    assert (history.latest.method, history.latest.answers) == ("questionnaire", given)


@pytest.mark.parametrize("name", [None, "", "   ", "\u200b"])
def test_a_name_is_required(answer: MemberFn, name: str | None) -> None:
    with pytest.raises(store.InvalidSubmission, match="name"):
        answer(name)


def test_names_are_unique_in_the_room_whatever_the_case(
    db: Engine, team: store.CreatedRoom, answer: MemberFn
) -> None:
    answer("Ana Lima")
    for taken in ("ana lima", "ANA  LIMA", "Ａna Lima"):  # fullwidth A folds to A
        with pytest.raises(store.NameTaken, match="already answers as"):
            answer(taken)
    other = store.create_team_room(title="Other team", engine=db)
    store.submit_team_answer(
        room=other.room.code,
        participant=store.new_participant_token(),
        name="Ana Lima",
        profile=Profile(ml=1, swe=1, comm=1),
        method="sliders",
        engine=db,
    )  # another team may have its own Ana Lima


@pytest.mark.parametrize(
    "look_alike",
    [
        "\u0410na",  # Cyrillic capital A
        "\u0391na",  # Greek capital Alpha
        "Ana\u3164",  # a Hangul filler, drawn as nothing
        "A\u200bna",
        "\u0410NA",
    ],
)
def test_a_name_that_looks_like_a_members_is_taken(
    db: Engine, team: store.CreatedRoom, answer: MemberFn, look_alike: str
) -> None:
    answer("Ana")
    with pytest.raises(store.NameTaken, match="already answers as"):
        answer(look_alike)
    snap = store.team_snapshot(room=team.room.code, key=team.key, engine=db)
    assert [m.name for m in snap.members] == ["Ana"]


def test_names_stored_under_an_older_key_are_still_compared_by_look(
    db: Engine, team: store.CreatedRoom, answer: MemberFn
) -> None:
    answer("Ian")
    with db.begin() as conn:  # as a store written before look-alikes were folded left it
        conn.execute(update(team_members).values(name_key="ian"))
    with pytest.raises(store.NameTaken):
        answer("lan")  # a small L: reads as "Ian"


def test_a_member_may_correct_their_name_but_not_take_anothers(
    db: Engine, team: store.CreatedRoom, answer: MemberFn
) -> None:
    token = store.new_participant_token()
    answer("Ana", participant=token)
    answer("Bo")
    assert answer("Ana Lima", participant=token).name == "Ana Lima"
    assert answer("ana lima", participant=token).name == "ana lima"  # own name, new case
    with pytest.raises(store.NameTaken):
        answer("BO", participant=token)


def test_forty_characters_is_the_longest_name(answer: MemberFn) -> None:
    assert answer("x" * 40).name == "x" * 40
    with pytest.raises(store.InvalidSubmission, match="40"):
        answer("y" * 41)


def test_names_are_stored_literally_and_without_invisible_characters(
    answer: MemberFn,
) -> None:
    assert answer("<b>Ana</b>").name == "<b>Ana</b>"
    assert answer("Bo\u202e\u200b ").name == "Bo"


def test_bad_method_scores_or_token_are_refused(
    db: Engine, team: store.CreatedRoom, answer: MemberFn
) -> None:
    with pytest.raises(store.InvalidSubmission):
        answer("Ana", method="guess")
    with pytest.raises(store.InvalidSubmission):
        store.submit_team_answer(
            room=team.room.code,
            participant=store.new_participant_token(),
            name="Ana",
            profile={"ml": 12, "swe": 1, "comm": 1},  # type: ignore[arg-type]
            method="sliders",
            engine=db,
        )
    with pytest.raises(store.InvalidSubmission, match="damaged"):
        answer("Ana", participant="short")
    with pytest.raises(store.InvalidSubmission, match="too long"):
        answer("Ana", method="questionnaire", answers={"x": "y" * 9000})
    with db.connect() as conn:
        assert conn.execute(select(team_members)).first() is None


def test_device_identity_is_stored_only_as_a_hash(
    db: Engine, team: store.CreatedRoom, answer: MemberFn
) -> None:
    token = store.new_participant_token()
    answer("Ana", participant=token)
    with db.connect() as conn:
        stored = conn.execute(select(team_members.c.participant_hash)).scalar_one()
    assert token not in stored and len(stored) == 64


def test_full_team_refuses_newcomers_but_members_update(
    db: Engine, team: store.CreatedRoom, answer: MemberFn, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store.teams, "TEAM_CAPACITY", 2)
    small = store.create_team_room(title="Small", engine=db)
    tokens = [store.new_participant_token() for _ in range(3)]

    def send(i: int, ml: float) -> store.MemberHistory:
        return store.submit_team_answer(
            room=small.room.code,
            participant=tokens[i],
            name=f"P{i}",
            profile=Profile(ml=ml, swe=1, comm=1),
            method="sliders",
            engine=db,
        )

    send(0, 1)
    send(1, 1)
    with pytest.raises(store.RoomFull):
        send(2, 1)
    assert send(1, 4).answers[0].ml == 4.0


def test_flooding_from_one_device_is_slowed_down(
    team: store.CreatedRoom, answer: MemberFn, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLS_MAP_RATE_LIMIT", "3")
    token = store.new_participant_token()
    for ml in (1, 2, 3):
        answer("Ana", ml=ml, participant=token)
    with pytest.raises(store.RateLimited, match="Wait"):
        answer("Ana", ml=9, participant=token)
    assert answer("Bo", ml=2).answers[0].ml == 2.0  # another device is not affected


def test_new_members_count_toward_the_per_address_join_limit(
    answer: MemberFn, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLS_MAP_JOINS_PER_MINUTE", "2")
    answer("Ana", address="203.0.113.7")
    answer("Bo", address="203.0.113.7")
    with pytest.raises(store.TooManyRequests, match="new participants"):
        answer("Cy", address="203.0.113.7")
    assert answer("Cy", address="198.51.100.2").name == "Cy"


def test_unknown_codes_count_toward_the_back_off(
    db: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLS_MAP_FREE_CODE_MISSES", "1")
    token = store.new_participant_token()
    with pytest.raises(store.RoomNotFound):
        store.member_view(room="K7MQ2P", participant=token, address="203.0.113.5", engine=db)
    with pytest.raises(store.RoomNotFound):
        store.member_view(room="K7MQ2Q", participant=token, address="203.0.113.5", engine=db)
    with pytest.raises(store.TooManyRequests, match="room codes"):
        store.member_view(room="K7MQ2R", participant=token, address="203.0.113.5", engine=db)
