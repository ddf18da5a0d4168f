"""Fixtures for the Workshop pages: an empty room store per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import store


@pytest.fixture
def fresh_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """An empty SQLite room store in a temp folder, used by the page and by the test."""
    monkeypatch.setenv("SKILLS_MAP_DATA_HOME", str(tmp_path))
    monkeypatch.delenv("SKILLS_MAP_DATABASE_URL", raising=False)
    monkeypatch.delenv("SKILLS_MAP_PUBLIC_URL", raising=False)
    yield
    store.default_engine().dispose()  # close this test's SQLite connections


@pytest.fixture
def room(fresh_store: None) -> store.CreatedRoom:
    """A new open room in the fresh store."""
    return store.create_room(title="Team offsite")
