"""Saved results for the progress tests: a point as the Me page saves it, from ratings alone."""

from __future__ import annotations

from datetime import datetime

from roles.catalog import load_catalog
from roles.models import Profile
from roles.progress import ProgressPoint, make_point


def progress_point(
    profile: Profile, when: datetime, *, target: str | None = "ml_engineer"
) -> ProgressPoint:
    """The point the 2021 chart's Me page saves for `profile` at `when` (sliders, no answers)."""
    return make_point(
        profile,
        load_catalog("2021", "en"),
        catalog_id="2021",
        target=target,
        answers={},
        when=when,
    )
