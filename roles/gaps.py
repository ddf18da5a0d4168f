"""What stands between a profile and a target role: per-axis shortfalls and learning steps."""

from __future__ import annotations

import math

from pydantic import BaseModel, ConfigDict, Field

from roles.models import AXES, Catalog, Profile

# Shortfalls smaller than this are rounding noise, not something to learn.
_NOISE = 0.05


class Gaps(BaseModel):
    """The way from a profile to one role's region."""

    model_config = ConfigDict(frozen=True)

    role: str
    name: str
    shortfall: dict[str, float] = Field(description="how far below the region, per measure (>= 0)")
    nearest: tuple[float, float] = Field(description="nearest point of the region (ml, swe)")
    inside: bool = Field(description="the profile already sits in the region")
    steps: dict[str, list[str]] = Field(
        description="learning steps for the measures that fall short"
    )

    @property
    def total(self) -> float:
        return sum(self.shortfall.values())


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


def gaps(profile: Profile, catalog: Catalog, role_id: str) -> Gaps:
    """Per-measure shortfall toward `role_id`, the region's nearest point and the steps to take."""
    role = catalog.role(role_id)
    px, py, inside = nearest_point(profile, catalog, role_id)
    raw = {
        "ml": px - profile.ml,
        "swe": py - profile.swe,
        "comm": role.comm - profile.comm,
    }
    shortfall = {a: round(v, 2) if v > _NOISE else 0.0 for a, v in raw.items()}
    steps = {a: role.steps.for_axis(a) for a in AXES if shortfall[a] > 0}
    return Gaps(
        role=role.id,
        name=role.name,
        shortfall=shortfall,
        nearest=(round(px, 3), round(py, 3)),
        inside=inside,
        steps=steps,
    )
