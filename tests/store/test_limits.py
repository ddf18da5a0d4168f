"""Abuse limits per client address: counted in the database, so every server sees the same."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine

import store
from roles.models import Profile
from store import limits
from store.engine import begin_write

PROFILE = Profile(ml=1, swe=2, comm=3)


def _submit(db: Engine, code: str, address: str, participant: str | None = None) -> store.Entry:
    return store.submit(
        room=code,
        participant=participant or store.new_participant_token(),
        profile=PROFILE,
        name=None,
        address=address,
        engine=db,
    )


def test_answers_per_address_per_minute(
    db: Engine, room: store.CreatedRoom, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLS_MAP_SUBMITS_PER_MINUTE", "3")
    me = store.new_participant_token()
    for _ in range(3):
        _submit(db, room.room.code, "203.0.113.7", me)
    with pytest.raises(store.TooManyRequests, match="Too many answers from your network"):
        _submit(db, room.room.code, "203.0.113.7", me)
    _submit(db, room.room.code, "203.0.113.8", me)  # another address has its own count


def test_new_participants_per_address_per_minute(
    db: Engine, room: store.CreatedRoom, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLS_MAP_JOINS_PER_MINUTE", "2")
    known = store.new_participant_token()
    _submit(db, room.room.code, "203.0.113.9", known)
    _submit(db, room.room.code, "203.0.113.9")
    with pytest.raises(store.TooManyRequests, match="new participants"):
        _submit(db, room.room.code, "203.0.113.9")
    _submit(db, room.room.code, "203.0.113.9", known)  # an update is not a new participant
    assert store.room_snapshot(room=room.room.code, engine=db).count == 2


def test_a_refused_answer_changes_nothing(
    db: Engine, room: store.CreatedRoom, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLS_MAP_JOINS_PER_MINUTE", "1")
    _submit(db, room.room.code, "198.51.100.1")
    before = store.room_version(room=room.room.code, engine=db)
    with pytest.raises(store.TooManyRequests):
        _submit(db, room.room.code, "198.51.100.1")
    assert store.room_version(room=room.room.code, engine=db) == before


def test_rooms_per_address_per_hour(db: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SKILLS_MAP_ROOMS_PER_HOUR", "2")
    for _ in range(2):
        store.create_room(title="Mine", address="192.0.2.1", engine=db)
    with pytest.raises(
        store.TooManyRequests, match=r"Too many new rooms.*Wait \d+ (minutes|seconds)"
    ):
        store.create_room(title="Mine", address="192.0.2.1", engine=db)
    store.create_room(title="Theirs", address="192.0.2.2", engine=db)


def test_zero_turns_a_limit_off(db: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SKILLS_MAP_ROOMS_PER_HOUR", "0")
    for _ in range(25):
        store.create_room(title="Many", address="192.0.2.3", engine=db)


def test_unknown_codes_back_off_doubling(db: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SKILLS_MAP_FREE_CODE_MISSES", "3")
    for guess in ("AAAAAA", "AAAAAB", "AAAAAC", "AAAAAD"):
        with pytest.raises(store.RoomNotFound):
            store.get_room(room=guess, address="192.0.2.50", engine=db)
    with pytest.raises(store.TooManyRequests, match=r"room codes that do not exist.*Wait [12] s"):
        store.get_room(room="AAAAAE", address="192.0.2.50", engine=db)
    with pytest.raises(store.RoomNotFound):  # a neighbour is not held back
        store.get_room(room="AAAAAE", address="192.0.2.51", engine=db)


def test_a_real_code_does_not_count_and_a_typo_format_is_no_guess(
    db: Engine, room: store.CreatedRoom, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLS_MAP_FREE_CODE_MISSES", "1")
    for _ in range(5):
        store.get_room(room=room.room.code, address="192.0.2.60", engine=db)
        with pytest.raises(store.RoomNotFound, match="is not a room code"):
            store.get_room(room="abc", address="192.0.2.60", engine=db)
    with pytest.raises(store.RoomNotFound, match="no open room"):
        store.get_room(room="AAAAAA", address="192.0.2.60", engine=db)


def test_wrong_keys_back_off(
    db: Engine, room: store.CreatedRoom, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLS_MAP_FREE_KEY_MISSES", "2")
    for _ in range(3):
        assert not store.check_key(room=room.room.code, key="nope", address="192.0.2.9", engine=db)
    with pytest.raises(store.TooManyRequests, match="wrong facilitator keys"):
        store.check_key(room=room.room.code, key=room.key, address="192.0.2.9", engine=db)
    assert store.check_key(room=room.room.code, key=room.key, address="192.0.2.10", engine=db)


def test_waits_double_and_stop_at_the_cap(db: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SKILLS_MAP_FREE_CODE_MISSES", "1")
    monkeypatch.setenv("SKILLS_MAP_MAX_BACKOFF_SECONDS", "60")
    now = datetime.now(UTC)
    waits = []
    for i in range(10):
        t = now + timedelta(hours=i / 100)
        with begin_write(store.migrations.ready(db)) as conn:
            limits.record_miss(conn, limits.CODES, "192.0.2.70", t)
            row = limits._miss_row(conn, limits.CODES, "192.0.2.70")
        waits.append(round((row.blocked_until - t).total_seconds()))
    assert waits == [0, 2, 4, 8, 16, 32, 60, 60, 60, 60]


def test_misses_are_forgotten_after_a_quiet_spell(
    db: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLS_MAP_FREE_CODE_MISSES", "1")
    monkeypatch.setenv("SKILLS_MAP_MAX_BACKOFF_SECONDS", "60")
    now = datetime.now(UTC)
    with begin_write(store.migrations.ready(db)) as conn:
        for t in (now, now + timedelta(seconds=1), now + timedelta(seconds=200)):
            limits.record_miss(conn, limits.CODES, "192.0.2.80", t)
        row = limits._miss_row(conn, limits.CODES, "192.0.2.80")
    assert row.failures == 1 and row.blocked_until == now + timedelta(seconds=200)


def test_purge_forgets_old_counts(db: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    store.create_room(title="x", address="192.0.2.90", engine=db)
    later = datetime.now(UTC) + timedelta(hours=3)
    with begin_write(store.migrations.ready(db)) as conn:
        assert limits.purge(conn, later) >= 1
        assert limits.purge(conn, later) == 0


@given(st.ip_addresses(v=6))
def test_ipv6_addresses_count_per_64_network(address) -> None:  # type: ignore[no-untyped-def]
    neighbour = address.exploded[:19] + ":ffff:ffff:ffff:fffe"
    if address.ipv4_mapped is None:
        assert limits.subject(str(address)) == limits.subject(neighbour)


def test_addresses_are_stored_as_hashes() -> None:
    assert re.fullmatch(r"[0-9a-f]{64}", limits.subject("203.0.113.7"))
    assert limits.subject("203.0.113.7") != limits.subject("203.0.113.8")
    assert limits.subject("::ffff:203.0.113.7") == limits.subject("203.0.113.7")


def test_the_window_before_still_counts_so_a_boundary_is_no_reset(
    db: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLS_MAP_ROOMS_PER_HOUR", "4")
    hour = datetime(2030, 1, 1, 10, 0, tzinfo=UTC)

    def create_at(minute: int) -> None:  # one room creation, in its own transaction
        with begin_write(store.migrations.ready(db)) as conn:
            limits.count(conn, limits.ROOMS, "192.0.2.99", hour + timedelta(minutes=minute))

    for minute in (50, 55, 58, 59):  # four at the end of one hour
        create_at(minute)
    with pytest.raises(store.TooManyRequests):  # the next hour starts: still too many
        create_at(61)
    create_at(90)  # half an hour on, the earlier hour weighs half: two more fit
    create_at(91)
    with pytest.raises(store.TooManyRequests):
        create_at(92)


def test_the_join_read_counts_misses_like_get_room(
    db: Engine, room: store.CreatedRoom, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLS_MAP_FREE_CODE_MISSES", "1")
    me = store.new_participant_token()
    info, entry = store.get_room_and_entry(room=room.room.code, participant=me, engine=db)
    assert info.code == room.room.code and entry is None
    _submit(db, room.room.code, "192.0.2.120", me)
    _, entry = store.get_room_and_entry(room=room.room.code, participant=me, engine=db)
    assert entry is not None and entry.ml == PROFILE.ml
    for guess in ("AAAAAA", "AAAAAB"):
        with pytest.raises(store.RoomNotFound):
            store.get_room_and_entry(room=guess, participant=me, address="192.0.2.121", engine=db)
    with pytest.raises(store.TooManyRequests):
        store.get_room_and_entry(room="AAAAAC", participant=me, address="192.0.2.121", engine=db)
