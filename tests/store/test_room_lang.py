"""The projector's language: chosen at creation, switched by the facilitator, upgraded into."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

import store
from store import migrations


def test_a_room_keeps_the_projector_language_it_was_created_with(db: Engine) -> None:
    created = store.create_room(title="工作坊", lang="zh", engine=db)
    assert created.room.lang == "zh"
    assert store.get_room(room=created.room.code, engine=db).lang == "zh"


def test_the_facilitator_switches_the_projector_language(
    room: store.CreatedRoom, db: Engine
) -> None:
    code = room.room.code
    before = store.get_room(room=code, engine=db)
    after = store.set_room_state(room=code, key=room.key, lang="zh", engine=db)
    assert (before.lang, after.lang) == ("en", "zh")
    assert after.version > before.version  # projectors redraw in the new language


@pytest.mark.parametrize("bad", ["fr", "ZH", "zh-CN", ""])
def test_an_unknown_projector_language_is_refused(bad: str, db: Engine) -> None:
    with pytest.raises(store.InvalidRoomSettings) as caught:
        store.create_room(title="Workshop", lang=bad, engine=db)
    assert "en, zh" in str(caught.value)
    assert "en、zh" in caught.value.text("zh") or "en, zh" in caught.value.text("zh")


def test_a_version_3_store_gets_the_projector_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store made by main's v3 (team rooms, no language column) upgrades to v4 in place."""
    engine = store.make_engine(f"sqlite:///{tmp_path / 'v3.sqlite'}")
    full = list(migrations.MIGRATIONS)
    monkeypatch.setattr(migrations, "MIGRATIONS", full[:3])
    # v1 creates `rooms` from today's table; drop the column v4 adds so the file is as v3 left it.
    migrations.migrate(engine)
    with engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE rooms DROP COLUMN lang")
        conn.exec_driver_sql(
            "INSERT INTO rooms (code, title, key_hash, created_at, expires_at, locked, hidden,"
            " show_names, capacity, version, screen, kind) VALUES ('K7MQ2P', 'Old', 'x',"
            " '2025-01-01 00:00:00', '2999-01-01 00:00:00', 0, 0, 0, 50, 3, 'join', 'workshop')"
        )
    monkeypatch.setattr(migrations, "MIGRATIONS", full)
    assert migrations.migrate(engine) == len(full)
    assert store.get_room(room="K7MQ2P", engine=engine).lang == "en"
    with engine.connect() as conn:
        versions = conn.exec_driver_sql("SELECT version FROM schema_version").scalars().all()
    assert sorted(versions) == list(range(1, len(full) + 1))
    engine.dispose()
