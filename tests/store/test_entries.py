"""Submitting answers, reading them back, snapshots and the CSV export."""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine, func, select

import store
from roles.models import Profile
from store.schema import entries

XSS = "<img src=x onerror=alert(1)>"


def test_submit_returns_the_saved_entry(
    db: Engine, room: store.CreatedRoom, join: Callable[..., store.Entry]
) -> None:
    entry = join(7, 3.5, 6, name="  Ada  Lovelace ")
    assert (entry.name, entry.ml, entry.swe, entry.comm) == ("Ada Lovelace", 7.0, 3.5, 6.0)
    assert entry.updated_at.tzinfo is not None
    assert "participant" not in store.Entry.model_fields


def test_one_participant_stays_one_entry(
    db: Engine, room: store.CreatedRoom, join: Callable[..., store.Entry]
) -> None:
    token = store.new_participant_token()
    first = join(1, 1, 1, name="Ada", participant=token)
    second = join(9, 8, 7, name="Ada L.", participant=token)
    assert second.entry_id == first.entry_id
    assert second.updated_at >= first.updated_at
    snap = store.room_snapshot(room=room.room.code, engine=db)
    assert [(e.name, e.ml, e.swe, e.comm) for e in snap.entries] == [("Ada L.", 9.0, 8.0, 7.0)]
    with db.connect() as conn:
        assert conn.execute(select(func.count()).select_from(entries)).scalar() == 1


def test_same_token_in_two_rooms_is_two_entries(
    db: Engine, room: store.CreatedRoom, join: Callable[..., store.Entry]
) -> None:
    token = store.new_participant_token()
    other = store.create_room(title="Other", engine=db)
    mine = join(participant=token)
    there = store.submit(
        room=other.room.code,
        participant=token,
        profile=Profile(ml=1, swe=1, comm=1),
        name=None,
        engine=db,
    )
    assert mine.entry_id != there.entry_id


def test_get_entry_finds_only_your_own(
    db: Engine, room: store.CreatedRoom, join: Callable[..., store.Entry]
) -> None:
    token = store.new_participant_token()
    mine = join(4, 5, 6, participant=token)
    join(1, 1, 1)
    code = room.room.code
    assert store.get_entry(room=code, participant=token, engine=db) == mine
    assert store.get_entry(room=code, participant=store.new_participant_token(), engine=db) is None
    assert store.get_entry(room=code, participant="not-a-token", engine=db) is None
    with pytest.raises(store.RoomNotFound):
        store.get_entry(room="ABCDEF", participant=token, engine=db)


@pytest.mark.parametrize("name", [None, "", "   ", "\n\t"])
def test_blank_name_means_anonymous(join: Callable[..., store.Entry], name: str | None) -> None:
    assert join(name=name).name is None


def test_forty_character_name_is_kept_and_forty_one_refused(
    db: Engine, room: store.CreatedRoom, join: Callable[..., store.Entry]
) -> None:
    assert join(name="n" * 40).name == "n" * 40
    with pytest.raises(store.InvalidSubmission, match="at most 40"):
        join(name="n" * 41)
    assert store.room_snapshot(room=room.room.code, engine=db).count == 1


def test_html_in_a_name_is_stored_and_returned_literally(
    db: Engine, room: store.CreatedRoom, join: Callable[..., store.Entry]
) -> None:
    token = store.new_participant_token()
    assert join(name=XSS, participant=token).name == XSS
    assert store.get_entry(room=room.room.code, participant=token, engine=db).name == XSS
    assert store.room_snapshot(room=room.room.code, engine=db).entries[0].name == XSS


def test_control_characters_in_a_name_are_refused(join: Callable[..., store.Entry]) -> None:
    with pytest.raises(store.InvalidSubmission, match="control"):
        join(name="Ada\x00Lovelace")


@given(st.text(max_size=60))
def test_any_name_is_refused_or_stored_clean(name: str) -> None:
    try:
        clean = store.clean_name(name)
    except store.InvalidSubmission:
        return
    assert clean is None or (0 < len(clean) <= 40 and clean == clean.strip())


@pytest.mark.parametrize(
    "profile",
    [
        {"ml": 11, "swe": 1, "comm": 1},
        {"ml": -1, "swe": 1, "comm": 1},
        {"ml": "x", "swe": 1, "comm": 1},
        None,
    ],
)
def test_scores_out_of_range_are_refused(
    db: Engine, room: store.CreatedRoom, profile: object
) -> None:
    with pytest.raises(store.InvalidSubmission, match="0 to 10"):
        store.submit(
            room=room.room.code,
            participant=store.new_participant_token(),
            profile=profile,
            name=None,
            engine=db,
        )  # type: ignore[arg-type]


def test_damaged_participant_token_is_refused(db: Engine, room: store.CreatedRoom) -> None:
    with pytest.raises(store.InvalidSubmission, match="join link"):
        store.submit(
            room=room.room.code,
            participant="x",
            profile=Profile(ml=1, swe=1, comm=1),
            name=None,
            engine=db,
        )


def test_locked_room_refuses_new_and_changed_answers(
    db: Engine, room: store.CreatedRoom, join: Callable[..., store.Entry]
) -> None:
    token = store.new_participant_token()
    kept = join(2, 2, 2, participant=token)
    store.set_room_state(room=room.room.code, key=room.key, locked=True, engine=db)
    with pytest.raises(store.RoomLocked, match="locked"):
        join(participant=token)
    with pytest.raises(store.RoomLocked):
        join()
    assert store.room_snapshot(room=room.room.code, engine=db).entries == [kept]
    store.set_room_state(room=room.room.code, key=room.key, locked=False, engine=db)
    assert join(9, 9, 9, participant=token).ml == 9.0


def test_unknown_room_refuses_a_submission(db: Engine) -> None:
    with pytest.raises(store.RoomNotFound):
        store.submit(
            room="ABCDEF",
            participant=store.new_participant_token(),
            profile=Profile(ml=1, swe=1, comm=1),
            name=None,
            engine=db,
        )


def test_full_room_refuses_newcomers_but_lets_members_update(db: Engine) -> None:
    small = store.create_room(title="Small", capacity=2, engine=db)
    tokens = [store.new_participant_token() for _ in range(3)]

    def send(token: str, ml: float) -> store.Entry:
        return store.submit(
            room=small.room.code,
            participant=token,
            profile=Profile(ml=ml, swe=1, comm=1),
            name=None,
            engine=db,
        )

    first = send(tokens[0], 1)
    send(tokens[1], 1)
    with pytest.raises(store.RoomFull, match="full \\(2 participants\\)"):
        send(tokens[2], 1)
    assert send(tokens[0], 8).ml == 8.0
    store.remove_entry(room=small.room.code, key=small.key, entry_id=first.entry_id, engine=db)
    assert send(tokens[2], 3).ml == 3.0
    assert store.room_snapshot(room=small.room.code, engine=db).count == 2


def test_flooding_from_one_device_is_slowed_down(
    db: Engine, room: store.CreatedRoom, join: Callable[..., store.Entry]
) -> None:
    token = store.new_participant_token()
    for i in range(10):
        join(ml=i, participant=token)
    with pytest.raises(store.RateLimited, match="Wait") as refused:
        join(ml=10, participant=token)
    assert 0 < refused.value.retry_after <= 60
    assert store.get_entry(room=room.room.code, participant=token, engine=db).ml == 9.0
    assert join(ml=3).ml == 3.0  # another device is not affected


def test_rate_limit_window_starts_again(
    db: Engine,
    room: store.CreatedRoom,
    join: Callable[..., store.Entry],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SKILLS_MAP_RATE_LIMIT", "2")
    monkeypatch.setenv("SKILLS_MAP_RATE_WINDOW_SECONDS", "0.3")
    token = store.new_participant_token()
    join(participant=token)
    join(participant=token)
    with pytest.raises(store.RateLimited):
        join(participant=token)
    time.sleep(0.35)
    assert join(ml=6, participant=token).ml == 6.0


def test_rate_limit_counts_across_servers(
    fresh_db: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLS_MAP_RATE_LIMIT", "3")
    other = store.make_engine(str(fresh_db.url))
    created = store.create_room(title="Two servers", engine=fresh_db)
    token = store.new_participant_token()
    for engine in (fresh_db, other, fresh_db):
        store.submit(
            room=created.room.code,
            participant=token,
            profile=Profile(ml=1, swe=1, comm=1),
            name=None,
            engine=engine,
        )
    with pytest.raises(store.RateLimited):
        store.submit(
            room=created.room.code,
            participant=token,
            profile=Profile(ml=1, swe=1, comm=1),
            name=None,
            engine=other,
        )
    other.dispose()


def test_snapshot_lists_entries_in_arrival_order_with_a_count(
    db: Engine, room: store.CreatedRoom, join: Callable[..., store.Entry]
) -> None:
    made = [join(ml=i) for i in range(5)]
    snap = store.room_snapshot(room=room.room.code, engine=db)
    assert snap.count == 5
    assert [e.entry_id for e in snap.entries] == sorted(e.entry_id for e in made)
    assert [e.ml for e in snap.entries] == [0.0, 1.0, 2.0, 3.0, 4.0]
    assert snap.room == store.get_room(room=room.room.code, engine=db)


def _rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_export_has_names_scores_best_role_and_time(
    db: Engine, room: store.CreatedRoom, join: Callable[..., store.Entry]
) -> None:
    join(9, 2, 4, name="Researcher")
    join(2, 9, 4)
    rows = _rows(store.export_csv(room=room.room.code, key=room.key, engine=db))
    assert list(rows[0]) == ["name", "ml", "swe", "comm", "best_role", "updated_at"]
    assert [r["name"] for r in rows] == ["Researcher", ""]
    assert [float(r["ml"]) for r in rows] == [9.0, 2.0]
    assert rows[0]["best_role"] != rows[1]["best_role"]
    assert all(r["best_role"] and r["updated_at"].endswith("+00:00") for r in rows)


def test_export_of_an_empty_room_has_the_header_only(db: Engine, room: store.CreatedRoom) -> None:
    data = store.export_csv(room=room.room.code, key=room.key, engine=db)
    assert data.decode("utf-8-sig").strip() == "name,ml,swe,comm,best_role,updated_at"


@pytest.mark.parametrize("name", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)"])
def test_export_neutralises_formulas_in_names(
    db: Engine, room: store.CreatedRoom, join: Callable[..., store.Entry], name: str
) -> None:
    join(name=name)
    rows = _rows(store.export_csv(room=room.room.code, key=room.key, engine=db))
    assert rows[0]["name"] == "'" + name
