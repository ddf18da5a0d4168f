"""Database faults on the pages: a full disk and a lock held past the busy timeout are said
plainly (nothing was saved, what was typed stays), with no database path and no traceback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import store
from store import engine as store_engine
from tests.app.helpers import app, shown
from tests.faults import fill, small_disk, write_lock


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The app's data folder on a small disk of its own."""
    with small_disk() as folder:
        monkeypatch.setenv("SKILLS_MAP_DATA_HOME", str(folder))
        monkeypatch.delenv("SKILLS_MAP_DATABASE_URL", raising=False)
        try:
            yield folder
        finally:
            store.default_engine().dispose()


def _errors(at: AppTest) -> str:
    assert not at.exception, [e.value for e in at.exception]
    return shown("\n".join(e.value for e in at.error))


def _join(code: str) -> AppTest:
    at = app("views/join.py", room=code).run()
    at.text_input(key="join_name").set_value("Ada")
    at.select_slider(key="join_ml").set_value(8.0)
    return at


def _join_and_submit(code: str) -> AppTest:
    return _join(code).button(key="join_submit").click().run()


def _member_submit(code: str) -> AppTest:
    at = app("views/my_team.py", room=code).run()
    at.radio(key="tm_mode").set_value("Quick sliders").run()
    at.text_input(key="tm_name").set_value("Bo")
    return at.button(key="tm_submit").click().run()


def test_a_full_disk_on_join_and_on_a_team_members_form(disk: Path) -> None:
    room = store.create_room(title="Hall")
    team = store.create_team_room(title="Team")
    _join_and_submit(room.room.code)  # a device key and an entry, before the disk fills
    fill(disk)
    for at in (_join_and_submit(room.room.code), _member_submit(team.room.code)):
        said = _errors(at)
        assert "Not saved: The room database is full, so nothing was saved" in said
        assert str(disk) not in said and "rooms.sqlite" not in said
    assert at.text_input(key="tm_name").value == "Bo"  # what was typed stays on the page
    assert store.room_snapshot(room=room.room.code).count == 1


def test_a_held_lock_on_join_and_on_the_host_page(
    fresh_store: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_engine, "BUSY_TIMEOUT_S", 0.2)
    store.default_engine().dispose()  # new connections get the short timeout
    room = store.create_room(title="Hall")
    host = app("views/host.py", room=room.room.code, key=room.key).run()
    joined = _join(room.room.code)  # pages open before the lock is taken
    with write_lock(tmp_path / store_engine.SQLITE_FILE):
        joined.button(key="join_submit").click().run()
        next(b for b in host.button if b.label == "Lock room").click().run()
    for at in (joined, host):
        said = _errors(at)
        assert "busy for more than 0.2 seconds, so nothing was saved" in said
        assert str(tmp_path) not in said
    assert store.room_snapshot(room=room.room.code).count == 0
    assert not store.get_room(room=room.room.code).locked
