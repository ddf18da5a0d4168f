"""Team rooms, the manager's side: rounds, ratings, retention, deletion and the key."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, update

import store
from roles.errors import SettingsError
from store.migrations import MIGRATIONS
from store.schema import rooms, team_answers, team_members, team_ratings, team_rounds

MemberFn = Callable[..., store.MemberHistory]


def _counts(db: Engine, code: str) -> dict[str, int]:
    with db.connect() as conn:
        return {
            t.name: conn.execute(select(func.count()).where(t.c.room_code == code)).scalar_one()
            for t in (team_members, team_rounds, team_answers, team_ratings)
        }


def test_a_team_room_has_round_one_open_and_is_kept_90_days(db: Engine) -> None:
    created = store.create_team_room(title="  Data   platform ", engine=db)
    info = created.room
    assert (info.kind, info.title, info.keep_days, info.capacity) == (
        "team",
        "Data platform",
        90.0,
        500,
    )
    assert info.expires_at - info.created_at == timedelta(days=90)
    snap = store.team_snapshot(room=info.code, key=created.key, engine=db)
    assert [r.number for r in snap.info.rounds] == [1] and snap.info.current.is_open
    assert snap.members == [] and snap.frame().empty


def test_retention_comes_from_the_environment_and_is_checked(
    db: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLS_MAP_TEAM_ROOM_TTL_DAYS", "180")
    assert store.create_team_room(title="T", engine=db).room.keep_days == 180
    monkeypatch.setenv("SKILLS_MAP_TEAM_ROOM_TTL_DAYS", "a year")
    with pytest.raises(SettingsError, match="SKILLS_MAP_TEAM_ROOM_TTL_DAYS='a year' is not valid"):
        store.create_team_room(title="T", engine=db)
    monkeypatch.delenv("SKILLS_MAP_TEAM_ROOM_TTL_DAYS")
    with pytest.raises(store.InvalidRoomSettings, match="days"):
        store.create_team_room(title="T", keep_days=400, engine=db)


def _age(db: Engine, code: str, days: float) -> None:
    """Move the room's end date `days` closer, as if that much time had passed unused."""
    with db.begin() as conn:
        row = conn.execute(select(rooms.c.expires_at).where(rooms.c.code == code)).scalar_one()
        conn.execute(
            update(rooms).where(rooms.c.code == code).values(expires_at=row - timedelta(days=days))
        )


def _expires(db: Engine, code: str) -> datetime:
    with db.connect() as conn:
        return conn.execute(select(rooms.c.expires_at).where(rooms.c.code == code)).scalar_one()


@pytest.mark.parametrize("use", ["answer", "rating", "round", "open"])
def test_every_use_keeps_the_room_another_90_days(
    db: Engine, team: store.CreatedRoom, answer: MemberFn, use: str
) -> None:
    code, key = team.room.code, team.key
    member = answer("Ana")
    _age(db, code, 80)
    assert _expires(db, code) < datetime.now(UTC) + timedelta(days=11)
    if use == "answer":
        answer("Bo")
    elif use == "rating":
        store.rate_member(
            room=code, key=key, member_id=member.member_id, round_number=1, ml=3, engine=db
        )
    elif use == "round":
        store.close_round(room=code, key=key, engine=db)
    else:
        store.open_team_room(room=code, key=key, engine=db)
    assert _expires(db, code) > datetime.now(UTC) + timedelta(days=89)


def test_an_unused_team_room_is_purged_with_every_answer_and_rating(
    db: Engine, team: store.CreatedRoom, answer: MemberFn
) -> None:
    code, key = team.room.code, team.key
    ana = answer("Ana", ml=7)
    store.rate_member(room=code, key=key, member_id=ana.member_id, round_number=1, swe=3, engine=db)
    store.open_next_round(room=code, key=key, engine=db)
    other = store.create_team_room(title="Other", engine=db)
    assert _counts(db, code) == {
        "team_members": 1,
        "team_rounds": 2,
        "team_answers": 1,
        "team_ratings": 1,
    }
    assert store.purge_expired(now=datetime.now(UTC) + timedelta(days=89), engine=db) == 0
    assert store.purge_expired(now=datetime.now(UTC) + timedelta(days=91), engine=db) == 2
    assert set(_counts(db, code).values()) == {0}
    assert set(_counts(db, other.room.code).values()) == {0}
    with pytest.raises(store.RoomNotFound):
        store.get_team_room(room=code, engine=db)


def test_expired_team_room_is_gone_before_the_purge_runs(
    db: Engine, team: store.CreatedRoom, answer: MemberFn
) -> None:
    answer("Ana")
    _age(db, team.room.code, 91)
    with pytest.raises(store.RoomNotFound):
        store.team_snapshot(room=team.room.code, key=team.key, engine=db)
    with pytest.raises(store.RoomNotFound):
        answer("Bo")


def test_deleting_the_team_room_deletes_every_answer_at_once(
    db: Engine, team: store.CreatedRoom, answer: MemberFn
) -> None:
    code, key = team.room.code, team.key
    ana = answer("Ana")
    store.rate_member(room=code, key=key, member_id=ana.member_id, round_number=1, ml=2, engine=db)
    store.open_next_round(room=code, key=key, engine=db)
    answer("Bo")
    with pytest.raises(store.WrongKey):
        store.delete_room(room=code, key="nope", kind="team", engine=db)
    assert _counts(db, code)["team_answers"] == 2
    store.delete_room(room=code, key=key, kind="team", engine=db)
    assert set(_counts(db, code).values()) == {0}
    with db.connect() as conn:
        assert conn.execute(select(rooms.c.code).where(rooms.c.code == code)).first() is None


def test_rounds_close_reopen_and_follow_each_other(
    db: Engine, team: store.CreatedRoom, answer: MemberFn
) -> None:
    code, key = team.room.code, team.key
    token = store.new_participant_token()
    answer("Ana", ml=4, participant=token)
    closed = store.close_round(room=code, key=key, engine=db)
    assert not closed.current.is_open and closed.current.number == 1
    with pytest.raises(store.RoundClosed, match="Round 1"):
        answer("Ana", ml=9, participant=token)
    store.reopen_round(room=code, key=key, engine=db)
    answer("Ana", ml=5, participant=token)
    nxt = store.open_next_round(room=code, key=key, engine=db)
    assert [(r.number, r.is_open) for r in nxt.rounds] == [(1, False), (2, True)]
    answer("Ana", ml=8, participant=token)
    one = store.team_snapshot(room=code, key=key, round_number=1, engine=db)
    two = store.team_snapshot(room=code, key=key, engine=db)
    assert (one.round_number, one.frame()["ml"].tolist()) == (1, [5.0])
    assert (two.round_number, two.frame()["ml"].tolist()) == (2, [8.0])
    # Opening the next round from a closed one closes nothing else and adds one round.
    store.close_round(room=code, key=key, engine=db)
    assert [r.number for r in store.open_next_round(room=code, key=key, engine=db).rounds] == [
        1,
        2,
        3,
    ]


def test_a_new_round_lists_who_has_not_answered_yet(
    db: Engine, team: store.CreatedRoom, answer: MemberFn
) -> None:
    tokens = [store.new_participant_token() for _ in range(3)]
    for name, token in zip(("Ana", "Bo", "Cy"), tokens, strict=True):
        answer(name, participant=token)
    store.open_next_round(room=team.room.code, key=team.key, engine=db)
    answer("Bo", participant=tokens[1])
    snap = store.team_snapshot(room=team.room.code, key=team.key, engine=db)
    assert [m.name for m in snap.answered] == ["Bo"]
    assert [m.name for m in snap.waiting] == ["Ana", "Cy"]


def test_unknown_rounds_are_named(db: Engine, team: store.CreatedRoom) -> None:
    for asked in (0, 2, -1):
        with pytest.raises(store.RoundNotFound, match=f"no round {asked}; it has round 1"):
            store.team_snapshot(room=team.room.code, key=team.key, round_number=asked, engine=db)


def test_manager_ratings_are_per_round_partial_and_removable(
    db: Engine, team: store.CreatedRoom, answer: MemberFn
) -> None:
    code, key = team.room.code, team.key
    ana = answer("Ana", swe=7)
    saved = store.rate_member(
        room=code, key=key, member_id=ana.member_id, round_number=1, swe=4, engine=db
    )
    assert saved is not None and (saved.ml, saved.swe, saved.comm) == (None, 4.0, None)
    frame = store.team_snapshot(room=code, key=key, engine=db).frame()
    assert frame.loc[0, "swe"] == 7.0 and frame.loc[0, "manager_swe"] == 4.0
    assert frame[["manager_ml", "manager_comm"]].isna().all().all()
    store.open_next_round(room=code, key=key, engine=db)
    assert store.team_snapshot(room=code, key=key, engine=db).members[0].rating is None
    gone = store.rate_member(room=code, key=key, member_id=ana.member_id, round_number=1, engine=db)
    assert gone is None
    one = store.team_snapshot(room=code, key=key, round_number=1, engine=db)
    assert one.members[0].rating is None


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"ml": 11}, store.InvalidSubmission),
        ({"ml": float("nan")}, store.InvalidSubmission),
        ({"swe": "7"}, store.InvalidSubmission),
        ({"round_number": 5, "ml": 3}, store.RoundNotFound),
        ({"member_id": 999, "ml": 3}, store.InvalidSubmission),
        ({"key": "wrong", "ml": 3}, store.WrongKey),
    ],
)
def test_bad_ratings_are_refused_and_change_nothing(
    db: Engine, team: store.CreatedRoom, answer: MemberFn, kwargs: dict, error: type
) -> None:
    ana = answer("Ana")
    args = {"room": team.room.code, "key": team.key, "member_id": ana.member_id, "round_number": 1}
    version = store.room_version(room=team.room.code, kind="team", engine=db)
    with pytest.raises(error):
        store.rate_member(**{**args, **kwargs}, engine=db)
    assert store.room_version(room=team.room.code, kind="team", engine=db) == version
    assert (
        store.team_snapshot(room=team.room.code, key=team.key, engine=db).members[0].rating is None
    )


def test_removing_a_member_removes_them_from_every_round(
    db: Engine, team: store.CreatedRoom, answer: MemberFn
) -> None:
    code, key = team.room.code, team.key
    token = store.new_participant_token()
    ana = answer("Ana", participant=token)
    answer("Bo")
    store.rate_member(room=code, key=key, member_id=ana.member_id, round_number=1, ml=1, engine=db)
    store.open_next_round(room=code, key=key, engine=db)
    answer("Ana", participant=token)
    assert store.remove_member(room=code, key=key, member_id=ana.member_id, engine=db)
    assert not store.remove_member(room=code, key=key, member_id=ana.member_id, engine=db)
    one = store.team_snapshot(room=code, key=key, round_number=1, engine=db)
    assert [m.name for m in one.members] == ["Bo"]
    assert _counts(db, code) == {
        "team_members": 1,
        "team_rounds": 2,
        "team_answers": 1,
        "team_ratings": 0,
    }
    # The same device answering again is a new member (their old answers are gone).
    assert answer("Ana", participant=token).answers[0].round_number == 2


def test_wrong_keys_count_toward_the_back_off(
    db: Engine, team: store.CreatedRoom, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLS_MAP_FREE_KEY_MISSES", "2")
    code, device = team.room.code, "device-1"
    for _ in range(2):
        with pytest.raises(store.WrongKey, match="manager key"):
            store.team_snapshot(
                room=code, key="guess", device=device, address="203.0.113.9", engine=db
            )
    with pytest.raises(store.WrongKey):
        store.team_snapshot(room=code, key="guess", device=device, address="203.0.113.9", engine=db)
    with pytest.raises(store.TooManyRequests, match="do not open a room from this device"):
        store.team_snapshot(
            room=code, key=team.key, device=device, address="203.0.113.9", engine=db
        )
    # Another device behind the same address is not held back, nor a trusted caller.
    assert store.team_snapshot(
        room=code, key=team.key, device="device-2", address="203.0.113.9", engine=db
    )
    assert store.team_snapshot(room=code, key=team.key, engine=db)


def test_team_and_workshop_codes_never_cross(db: Engine, team: store.CreatedRoom) -> None:
    workshop = store.create_room(title="Workshop", engine=db)
    t, w = team.room.code, workshop.room.code
    refused = [
        lambda: store.get_room(room=t, engine=db),
        lambda: store.room_snapshot(room=t, engine=db),
        lambda: store.room_version(room=t, engine=db),
        lambda: store.get_room_and_entry(room=t, participant="x" * 32, engine=db),
        lambda: store.check_key(room=t, key=team.key, engine=db),
        lambda: store.export_csv(room=t, key=team.key, engine=db),
        lambda: store.delete_room(room=t, key=team.key, engine=db),
    ]
    for call in refused:
        with pytest.raises(store.WrongRoomKind, match="is a team room, not a workshop room"):
            call()
    for call in [
        lambda: store.get_team_room(room=w, engine=db),
        lambda: store.team_snapshot(room=w, key=workshop.key, engine=db),
        lambda: store.member_view(room=w, participant="x" * 32, engine=db),
        lambda: store.close_round(room=w, key=workshop.key, engine=db),
        lambda: store.delete_room(room=w, key=workshop.key, kind="team", engine=db),
    ]:
        with pytest.raises(store.WrongRoomKind, match="is a workshop room, not a team room"):
            call()
    assert store.check_key(room=t, key=team.key, kind="team", engine=db)


def test_every_change_moves_the_team_room_version(
    db: Engine, team: store.CreatedRoom, answer: MemberFn
) -> None:
    code, key = team.room.code, team.key

    def version() -> int:
        return store.room_version(room=code, kind="team", engine=db)

    seen = [version()]
    ana = answer("Ana")
    seen.append(version())
    store.rate_member(room=code, key=key, member_id=ana.member_id, round_number=1, ml=2, engine=db)
    seen.append(version())
    store.open_next_round(room=code, key=key, engine=db)
    seen.append(version())
    store.remove_member(room=code, key=key, member_id=ana.member_id, engine=db)
    seen.append(version())
    assert seen == sorted(set(seen)), seen


def test_a_version_2_store_gets_team_rooms(tmp_path: Path) -> None:
    path = tmp_path / "v2.sqlite"
    with sqlite3.connect(path) as conn:  # the tables as version 2 shipped them
        conn.executescript(V2_SCHEMA)
    engine = store.make_engine(f"sqlite:///{path}")
    assert store.get_room(room="K7MQ2P", engine=engine).keep_days is None
    created = store.create_team_room(title="Team", engine=engine)
    assert store.get_team_room(room=created.room.code, engine=engine).current.number == 1
    with engine.connect() as conn:
        versions = conn.exec_driver_sql("SELECT version FROM schema_version").scalars().all()
    assert sorted(versions) == list(range(1, len(MIGRATIONS) + 1))
    assert store.get_room(room="K7MQ2P", engine=engine).lang == "en"
    engine.dispose()


V2_SCHEMA = """
CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at DATETIME NOT NULL);
INSERT INTO schema_version VALUES (1, '2025-01-01 00:00:00'), (2, '2025-01-01 00:00:00');
CREATE TABLE rooms (code VARCHAR(6) PRIMARY KEY, title VARCHAR(80) NOT NULL,
  key_hash VARCHAR(64) NOT NULL, created_at DATETIME NOT NULL, expires_at DATETIME NOT NULL,
  locked BOOLEAN NOT NULL, hidden BOOLEAN NOT NULL, show_names BOOLEAN NOT NULL,
  capacity INTEGER NOT NULL, version INTEGER NOT NULL DEFAULT 0,
  screen VARCHAR(8) NOT NULL DEFAULT 'join', kind VARCHAR(16) NOT NULL DEFAULT 'workshop',
  CONSTRAINT ck_rooms_capacity CHECK (capacity >= 1));
INSERT INTO rooms VALUES ('K7MQ2P', 'Old', 'x', '2025-01-01 00:00:00', '2999-01-01 00:00:00',
  0, 0, 0, 50, 3, 'join', 'workshop');
CREATE TABLE entries (entry_id INTEGER PRIMARY KEY AUTOINCREMENT,
  room_code VARCHAR(6) NOT NULL REFERENCES rooms (code) ON DELETE CASCADE,
  participant_hash VARCHAR(64) NOT NULL, name VARCHAR(40), ml FLOAT NOT NULL,
  swe FLOAT NOT NULL, comm FLOAT NOT NULL, created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL, window_start DATETIME NOT NULL, window_count INTEGER NOT NULL,
  CONSTRAINT uq_entries_room_participant UNIQUE (room_code, participant_hash));
CREATE TABLE limit_hits (kind VARCHAR(16), subject VARCHAR(64), window_start INTEGER,
  count INTEGER NOT NULL, PRIMARY KEY (kind, subject, window_start));
CREATE TABLE limit_misses (kind VARCHAR(16), subject VARCHAR(64), failures INTEGER NOT NULL,
  last_failure DATETIME NOT NULL, blocked_until DATETIME NOT NULL, PRIMARY KEY (kind, subject));
CREATE TABLE settings (name VARCHAR(32) PRIMARY KEY, value VARCHAR(128) NOT NULL);
"""
