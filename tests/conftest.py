"""Shared fixtures: the shipped catalogs and a hypothesis profile kept fast for CI."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from roles.catalog import load_catalog
from roles.models import Catalog

ROOT = Path(__file__).resolve().parents[1]

settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("ci")


@pytest.fixture(params=["2021", "2022"])
def any_catalog(request: pytest.FixtureRequest) -> Catalog:
    """Each shipped catalog in turn."""
    return load_catalog(request.param)


@pytest.fixture
def catalog() -> Catalog:
    """The default (2021) catalog."""
    return load_catalog("2021")
