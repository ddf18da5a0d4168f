"""The shared view of a room: one read per version for every session, bounded memory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import store
from components.room import live
from roles.models import Profile


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("SKILLS_MAP_DATA_HOME", str(tmp_path))
    monkeypatch.delenv("SKILLS_MAP_DATABASE_URL", raising=False)
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


def test_guessed_codes_do_not_grow_the_cache_without_end(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(live, "_MAX_CODES", 50)
    monkeypatch.setattr(live, "VERSION_TTL_S", 0.0)
    for i in range(300):
        code = f"{store.CODE_ALPHABET[i % 31]}{store.CODE_ALPHABET[i // 31]}AAAA"
        with pytest.raises(store.RoomNotFound):
            live.current_version(code)
    assert len(live._versions) <= 50
