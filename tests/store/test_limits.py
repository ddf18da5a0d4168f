"""Abuse limits per client address: counted in the database, so every server sees the same."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine, select

import store
from roles.models import Profile
from store import limits
from store.codes import CODE_ALPHABET
from store.engine import begin_write
from store.schema import hits, misses, settings

PROFILE = Profile(ml=1, swe=2, comm=3)
KEY = b"k" * 32


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


def test_unknown_codes_back_off_doubling_per_device(
    db: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLS_MAP_FREE_CODE_MISSES", "3")
    for guess in ("AAAAAA", "AAAAAB", "AAAAAC", "AAAAAD"):
        with pytest.raises(store.RoomNotFound):
            store.get_room(room=guess, device="phone-1", address="192.0.2.50", engine=db)
    with pytest.raises(
        store.TooManyRequests, match=r"room codes that do not exist from this device.*Wait [12] s"
    ):
        store.get_room(room="AAAAAE", device="phone-1", address="192.0.2.50", engine=db)
    # The phone next to it, behind the same address, is not held back.
    with pytest.raises(store.RoomNotFound):
        store.get_room(room="AAAAAE", device="phone-2", address="192.0.2.50", engine=db)


def test_one_devices_typos_back_off_that_device_only(db: Engine, room: store.CreatedRoom) -> None:
    """With default settings: ten and more wrong codes from one phone hold back that phone; the
    rest of the hall behind the same venue address still opens the room."""
    hall = "198.51.100.200"
    for i in range(12):
        try:
            store.get_room(
                room=f"AAAA{CODE_ALPHABET[i]}A", device="typo-phone", address=hall, engine=db
            )
        except store.TooManyRequests:
            break
        except store.RoomNotFound:
            continue
    else:
        pytest.fail("twelve wrong codes from one phone were never held back")
    assert i == 11  # ten free misses, then 2 s: the eleventh counted, the twelfth waits
    with pytest.raises(store.TooManyRequests, match="from this device"):
        store.get_room(room=room.room.code, device="typo-phone", address=hall, engine=db)
    for n in range(50):
        info = store.get_room(room=room.room.code, device=f"phone-{n}", address=hall, engine=db)
        assert info.code == room.room.code


def test_an_address_backs_off_only_far_higher(
    db: Engine, room: store.CreatedRoom, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A guesser who throws the device cookie away (a new device per try) is held back per
    address, after many more misses than a phone."""
    monkeypatch.setenv("SKILLS_MAP_FREE_ADDRESS_MISSES", "20")
    for i in range(20):
        with pytest.raises(store.RoomNotFound):
            store.get_room(
                room=f"AAAA{CODE_ALPHABET[i]}B", device=f"fresh-{i}", address="192.0.2.7", engine=db
            )
    with pytest.raises(store.RoomNotFound):
        store.get_room(room="AAAAAC", device="fresh-x", address="192.0.2.7", engine=db)
    with pytest.raises(store.TooManyRequests, match="from your network"):
        store.get_room(room=room.room.code, device="fresh-y", address="192.0.2.7", engine=db)
    # A trusted caller (no address: the CLI, or a page that already opened the code) is not.
    assert store.get_room(room=room.room.code, engine=db).code == room.room.code


def test_a_real_code_does_not_count_and_a_typo_format_is_no_guess(
    db: Engine, room: store.CreatedRoom, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLS_MAP_FREE_CODE_MISSES", "1")
    for _ in range(5):
        store.get_room(room=room.room.code, device="d", address="192.0.2.60", engine=db)
        with pytest.raises(store.RoomNotFound, match="is not a room code"):
            store.get_room(room="abc", device="d", address="192.0.2.60", engine=db)
    with pytest.raises(store.RoomNotFound, match="no open room"):
        store.get_room(room="AAAAAA", device="d", address="192.0.2.60", engine=db)


def test_wrong_keys_back_off(
    db: Engine, room: store.CreatedRoom, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLS_MAP_FREE_KEY_MISSES", "2")
    code, me = room.room.code, {"device": "laptop", "address": "192.0.2.9"}
    for _ in range(3):
        with pytest.raises(store.WrongCodeOrKey):
            store.open_room(room=code, key="nope", **me, engine=db)
    with pytest.raises(store.TooManyRequests, match="do not open a room from this device"):
        store.open_room(room=code, key=room.key, **me, engine=db)
    other = {"device": "other", "address": "192.0.2.9"}
    assert store.open_room(room=code, key=room.key, **other, engine=db).code == code


def test_taking_a_room_says_the_same_for_a_missing_code_another_kind_and_a_wrong_key(
    db: Engine, room: store.CreatedRoom, team: store.CreatedRoom
) -> None:
    """Host's "Take back control" and Team's "Load answers": nothing in the message tells a
    code that exists from one that does not."""
    me = {"device": "guesser", "address": "192.0.2.33"}
    tries = {
        "missing": dict(room="AAAAAA", key=room.key),
        "team code": dict(room=team.room.code, key=team.key),
        "wrong key": dict(room=room.room.code, key="guess"),
    }
    said = {}
    for what, typed in tries.items():
        with pytest.raises(store.WrongCodeOrKey) as caught:
            store.open_room(**typed, **me, engine=db)
        said[what] = caught.value.text("en").replace(typed["room"], "CODE")
    assert len(set(said.values())) == 1, said
    assert "Check both" in said["missing"]
    team_said = set()
    for typed in (
        dict(room="AAAAAB", key=team.key),
        dict(room=room.room.code, key=room.key),
        dict(room=team.room.code, key="guess"),
    ):
        with pytest.raises(store.WrongCodeOrKey) as caught:
            store.open_team_room(**typed, device="manager", address="192.0.2.35", engine=db)
        team_said.add(caught.value.text("zh").replace(typed["room"], "CODE"))
    assert len(team_said) == 1
    assert (
        store.open_room(room=room.room.code, key=room.key, **me, engine=db).code == room.room.code
    )


def test_a_code_guessed_through_the_keyed_pages_counts_as_a_miss(
    db: Engine, team: store.CreatedRoom, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLS_MAP_FREE_KEY_MISSES", "3")
    me = {"device": "guesser", "address": "192.0.2.34"}
    for guess in ("AAAAAA", "AAAAAB", "AAAAAC", "AAAAAD"):
        with pytest.raises(store.WrongCodeOrKey):
            store.open_team_room(room=guess, key="k" * 22, **me, engine=db)
    # Held back even for the right code and key: a hit must look like every other try.
    with pytest.raises(store.TooManyRequests):
        store.open_team_room(room=team.room.code, key=team.key, **me, engine=db)
    with pytest.raises(store.TooManyRequests):
        store.open_room(room=team.room.code, key=team.key, kind="team", **me, engine=db)


def test_waits_double_and_stop_at_the_cap(db: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SKILLS_MAP_FREE_CODE_MISSES", "1")
    monkeypatch.setenv("SKILLS_MAP_MAX_BACKOFF_SECONDS", "60")
    now = datetime.now(UTC)
    waits = []
    for i in range(10):
        t = now + timedelta(hours=i / 100)
        with begin_write(store.migrations.ready(db)) as conn:
            limits.record_miss(conn, limits.CODES, t, device="d", address="192.0.2.70")
            who = limits.device_subject(limits.hash_key(conn), "d")
            row = limits._miss_row(conn, limits.CODES, who)
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
            limits.record_miss(conn, limits.CODES, t, device="d", address="192.0.2.80")
        row = limits._miss_row(
            conn, limits.CODES, limits.device_subject(limits.hash_key(conn), "d")
        )
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
        assert limits.subject(KEY, str(address)) == limits.subject(KEY, neighbour)


def test_addresses_are_stored_as_keyed_hashes(
    db: Engine, room: store.CreatedRoom, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert re.fullmatch(r"[0-9a-f]{64}", limits.subject(KEY, "203.0.113.7"))
    assert limits.subject(KEY, "203.0.113.7") != limits.subject(KEY, "203.0.113.8")
    assert limits.subject(KEY, "::ffff:203.0.113.7") == limits.subject(KEY, "203.0.113.7")
    assert limits.subject(KEY, "203.0.113.7") != limits.subject(b"another key", "203.0.113.7")
    _submit(db, room.room.code, "203.0.113.7")
    with pytest.raises(store.RoomNotFound):
        store.get_room(room="AAAAAA", device="d", address="203.0.113.7", engine=db)
    stored = _stored_subjects(db)
    # Not the unkeyed SHA-256 of any spelling of the address: trying every address is no use.
    unkeyed = {
        hashlib.sha256(f"{p}{a}".encode()).hexdigest()
        for p in ("", "skills-map:")
        for a in ("203.0.113.7", "net:203.0.113.7")
    }
    assert stored and not stored & unkeyed
    with db.connect() as conn:
        key = bytes.fromhex(conn.execute(select(settings.c.value)).scalar_one())
    assert limits.subject(key, "203.0.113.7") in stored  # keyed with the store's own key
    monkeypatch.setenv("SKILLS_MAP_SECRET", "a secret shared by the replicas")
    _submit(db, room.room.code, "203.0.113.7")
    assert limits.subject(b"a secret shared by the replicas", "203.0.113.7") in _stored_subjects(db)


def _stored_subjects(db: Engine) -> set[str]:
    with db.connect() as conn:
        return {
            *conn.execute(select(hits.c.subject)).scalars(),
            *conn.execute(select(misses.c.subject)).scalars(),
        }


def test_a_hall_of_1000_phones_behind_one_address_joins_in_a_minute(db: Engine) -> None:
    """Default settings: 1,000 new participants from one venue address within 60 s are all
    admitted (counted as `submit` counts them: an answer and a new participant each)."""
    start = datetime(2030, 1, 1, 10, 0, 30, tzinfo=UTC)  # straddles a window boundary
    with begin_write(store.migrations.ready(db)) as conn:
        for i in range(1000):
            now = start + timedelta(seconds=i * 0.06)
            limits.count(conn, limits.SUBMITS, "198.51.100.77", now)
            limits.count(conn, limits.JOINS, "198.51.100.77", now)
        # and the same phones each change their answer once within that minute
        for i in range(1000):
            limits.count(conn, limits.SUBMITS, "198.51.100.77", start + timedelta(seconds=i * 0.06))


def test_a_hall_joins_a_room_for_real(db: Engine) -> None:
    """The same through `submit`, a hundred phones, default settings: nobody refused."""
    room = store.create_room(title="Hall", engine=db)
    for _ in range(100):
        _submit(db, room.room.code, "198.51.100.78")
    assert store.room_snapshot(room=room.room.code, engine=db).count == 100


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
    monkeypatch.setenv("SKILLS_MAP_FREE_CODE_MISSES", "1")  # per device: the participant
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
