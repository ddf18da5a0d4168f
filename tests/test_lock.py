"""The lock files hold every dependency pyproject.toml declares, at a version it allows, and the
app's lock and the tests' lock agree: what runs is what was tested (scripts/lock.sh makes both)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^ ;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")
FIX = "run 'bash scripts/lock.sh' and commit both lock files"
PY311 = {**default_environment(), "python_version": "3.11", "python_full_version": "3.11.2"}


def _pins(name: str) -> dict[str, str]:
    """Package -> version pinned for Python 3.11 on Linux (the lock is for every platform)."""
    pins = {}
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match:
            package, version, marker = match.groups()
            if marker is None or Requirement(f"x; {marker}").marker.evaluate(PY311):  # type: ignore[union-attr]
                pins[canonicalize_name(package)] = version
    return pins


def _declared(*extras: str) -> list[Requirement]:
    found = [Requirement(r) for r in PROJECT["dependencies"]]
    for extra in extras:
        found += [Requirement(r) for r in PROJECT["optional-dependencies"][extra]]
    return found


@pytest.mark.parametrize(
    ("lock", "extras"),
    [("requirements.lock", ("postgres",)), ("requirements-dev.lock", ("dev", "postgres"))],
)
def test_the_lock_pins_every_declared_dependency_within_its_range(
    lock: str, extras: tuple[str, ...]
) -> None:
    pins = _pins(lock)
    wrong = [
        f"{req} (locked: {pins.get(canonicalize_name(req.name), 'missing')})"
        for req in _declared(*extras)
        if not req.specifier.contains(
            pins.get(canonicalize_name(req.name), "0.0.0a0"), prereleases=True
        )
    ]
    assert wrong == [], f"{lock} is out of date with pyproject.toml: {FIX}"


def test_the_app_runs_on_the_versions_the_tests_ran_on() -> None:
    app, dev = _pins("requirements.lock"), _pins("requirements-dev.lock")
    differ = {name: (v, dev.get(name)) for name, v in app.items() if dev.get(name) != v}
    assert differ == {}, f"the two locks disagree: {FIX}"
