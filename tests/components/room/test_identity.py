"""Which key turns a device cookie into a participant id: the same on every replica that shares it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit import config

import store
from components.room import identity
from serving import participant


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("SKILLS_MAP_DATA_HOME", str(tmp_path))
    monkeypatch.delenv("SKILLS_MAP_DATABASE_URL", raising=False)
    monkeypatch.delenv(identity.ENV_SECRET, raising=False)
    participant._key.cache_clear()
    yield tmp_path
    participant._key.cache_clear()
    store.default_engine().dispose()


def test_the_secret_setting_wins(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(identity.ENV_SECRET, "shared by every replica")
    assert identity.hash_key() == b"shared by every replica"


def test_streamlits_cookie_secret_is_used_when_set(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(config, "is_manually_set", lambda name: name == "server.cookieSecret")
    monkeypatch.setattr(config, "get_option", lambda name: "from config.toml")
    assert identity.hash_key() == b"from config.toml"


def test_without_settings_the_key_lives_in_the_store(home: Path) -> None:
    key = identity.hash_key()
    assert key == store.device_key() and len(key) == 32
    participant._key.cache_clear()
    assert identity.hash_key() == key  # a restart reads the same key back
