"""Fixtures of the serving tests: the light join page on a store of its own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.applications import Starlette

import store
from serving import participant
from tests.serving.light_client import light_app


@pytest.fixture
def light(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Starlette]:
    """The light page on a store of its own, every limit at its default."""
    for name in ("SKILLS_MAP_DATABASE_URL", "SKILLS_MAP_PUBLIC_URL", "SKILLS_MAP_SECRET"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SKILLS_MAP_DATA_HOME", str(tmp_path / "appdata"))
    participant._key.cache_clear()
    yield light_app()
    participant._key.cache_clear()
    store.default_engine().dispose()
