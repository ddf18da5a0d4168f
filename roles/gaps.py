"""What stands between a profile and a target role: per-axis shortfalls and learning steps."""

from __future__ import annotations

import math

from pydantic import BaseModel, ConfigDict, Field

from roles.match import above_typical
from roles.models import AXES, Catalog, Profile

# Shortfalls smaller than this are rounding noise, not something to learn.
_NOISE = 0.05
# Scores move in half points (the sliders' step, and the questionnaire rounds to it), so a gap is
# said in whole steps: "+0.1 from 5 to 5.1" is a move nobody can make on the slider.
SCORE_STEP = 0.5


class Gaps(BaseModel):
    """The way from a profile to one role's region."""

    model_config = ConfigDict(frozen=True)

    role: str
    name: str
    shortfall: dict[str, float] = Field(
        description="how far below the region, per measure, in whole score steps (>= 0)"
    )
    within_reach: list[str] = Field(
        description="measures short by less than one score step: no gap worth steps"
    )
    above: dict[str, float] = Field(
        description="measures where the profile is well above the role's typical level; this "
        "lowers the fit but is never a gap"
    )
    nearest: tuple[float, float] = Field(description="nearest point of the region (ml, swe)")
    inside: bool = Field(description="the profile already sits in the region")
    steps: dict[str, list[str]] = Field(
        description="learning steps for the measures that fall short"
    )

    @property
    def total(self) -> float:
        return sum(self.shortfall.values())

    @property
    def only_above(self) -> bool:
        """Outside the region only by being above it: not even part of a step to learn.

        A profile short by less than a step (`within_reach`) has a total of 0 too, but it is
        beside the region, not past it."""
        return not self.inside and self.total == 0 and not self.within_reach


def nearest_point(profile: Profile, catalog: Catalog, role_id: str) -> tuple[float, float, bool]:
    """Where the straight line from the profile to the role's centre enters its region.

    Distances are measured in the region's own extents (the same metric as the fit), so this is
    the nearest point of the region in that metric, and it never asks anyone to un-learn.
    """
    g = catalog.role(role_id).region
    ux = (profile.ml - g.ml) / g.ml_extent
    uy = (profile.swe - g.swe) / g.swe_extent
    d = math.hypot(ux, uy)
    if d <= 1.0:
        return profile.ml, profile.swe, True
    return g.ml + ux / d * g.ml_extent, g.swe + uy / d * g.swe_extent, False


def to_steps(raw: float, step: float = SCORE_STEP) -> float:
    """A shortfall rounded to the nearest whole step; under one step it is 0 (within reach)."""
    if raw < step - 1e-9:
        return 0.0
    return math.floor(raw / step + 0.5) * step


def gaps(profile: Profile, catalog: Catalog, role_id: str) -> Gaps:
    """Per-measure shortfall toward `role_id`, the region's nearest point and the steps to take."""
    role = catalog.role(role_id)
    px, py, inside = nearest_point(profile, catalog, role_id)
    raw = {
        "ml": px - profile.ml,
        "swe": py - profile.swe,
        "comm": role.comm - profile.comm,
    }
    shortfall = {a: to_steps(v) for a, v in raw.items()}
    steps = {a: role.steps.for_axis(a) for a in AXES if shortfall[a] > 0}
    return Gaps(
        role=role.id,
        name=role.name,
        shortfall=shortfall,
        within_reach=[a for a in AXES if shortfall[a] == 0 and raw[a] > _NOISE],
        above={a: round(v, 2) for a, v in above_typical(profile, role).items()},
        nearest=(round(px, 3), round(py, 3)),
        inside=inside,
        steps=steps,
    )
