"""A broken catalog on disk gives every page a clear message instead of a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from roles.caching import clear_all
from tests.app.helpers import ROOT, app, shown


@pytest.fixture
def broken_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    for f in (ROOT / "data").glob("*"):
        (tmp_path / f.name).write_bytes(f.read_bytes())
    text = (tmp_path / "roles.yaml").read_text(encoding="utf-8")
    (tmp_path / "roles.yaml").write_text(text.replace("ml_extent: 2.5", "ml_extent: -1", 1))
    monkeypatch.setenv("SKILLS_MAP_DATA_DIR", str(tmp_path))
    clear_all()  # catalogs and what was computed from them
    yield tmp_path
    clear_all()


def test_broken_role_catalog_names_file_and_field_on_the_page(broken_data_dir: Path) -> None:
    at = app().run()
    assert not at.exception
    message = at.error[0].value
    assert "roles.yaml" in message
    assert "roles[2] (ml_engineer).region.ml_extent" in shown(message)
    assert "Fix these and reload" in message
