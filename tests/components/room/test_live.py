"""The shared view of a room: one read per version for every session, bounded memory."""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import store
from components.room import live
from roles.caching import clear_all
from roles.models import Profile


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("SKILLS_MAP_DATA_HOME", str(tmp_path))
    monkeypatch.delenv("SKILLS_MAP_DATABASE_URL", raising=False)
    clear_all()  # codes and versions of another test's store
    yield tmp_path
    store.default_engine().dispose()


def test_every_session_shares_one_snapshot_and_one_figure_per_version(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    created = store.create_room(title="Shared")
    code = created.room.code
    reads = []
    real = store.room_snapshot
    monkeypatch.setattr(store, "room_snapshot", lambda **kw: reads.append(1) or real(**kw))
    views = [live.room_view(code) for _ in range(20)]  # twenty projector tabs
    assert len(reads) == 1 and all(v is views[0] for v in views)
    assert views[0].crowd_map() is views[5].crowd_map()  # built once
    store.submit(
        room=code,
        participant=store.new_participant_token(),
        profile=Profile(ml=1, swe=2, comm=3),
        name=None,
    )
    live.forget(code)
    newer = live.room_view(code)
    assert newer is not views[0] and newer.snapshot.count == 1 and len(reads) == 2


def test_guessed_codes_do_not_grow_the_cache_without_end(home: Path) -> None:
    for i in range(live.MAX_CODES + 100):
        code = "".join(store.CODE_ALPHABET[(i // 31**k) % 31] for k in range(6))
        with pytest.raises(store.RoomNotFound):
            live.current_version(code)
    assert len(live._version.cache) <= live.MAX_CODES


def test_a_new_answer_is_seen_within_the_version_ttl_without_forgetting(home: Path) -> None:
    code = store.create_room(title="Fresh").room.code
    before = live.room_view(code)
    store.submit(
        room=code,
        participant=store.new_participant_token(),
        profile=Profile(ml=1, swe=2, comm=3),
        name=None,
    )
    assert live.room_view(code) is before  # within the TTL: the shared version still holds
    time.sleep(live.VERSION_TTL_S)
    assert live.room_view(code).snapshot.count == 1


def test_sessions_asking_at_the_same_moment_share_one_read(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = store.create_room(title="Crowd").room.code
    reads = {"version": 0, "snapshot": 0}
    real_version, real_snapshot = store.room_version, store.room_snapshot

    def slow_version(**kw: str) -> int:
        reads["version"] += 1
        time.sleep(0.05)  # long enough for every thread to arrive while it is read
        return real_version(**kw)

    def slow_snapshot(**kw: str) -> store.Snapshot:
        reads["snapshot"] += 1
        time.sleep(0.05)
        return real_snapshot(**kw)

    monkeypatch.setattr(store, "room_version", slow_version)
    monkeypatch.setattr(store, "room_snapshot", slow_snapshot)
    with ThreadPoolExecutor(max_workers=20) as pool:
        views = list(pool.map(lambda _: live.room_view(code), range(20)))
    assert reads == {"version": 1, "snapshot": 1}
    assert all(v is views[0] for v in views)
