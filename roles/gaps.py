"""What stands between a profile and a target role: per-axis shortfalls and learning steps."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from roles.match import SCORE_STEP, past_region, to_steps
from roles.models import AXES, Catalog, Profile
from roles.region import Place, nearest

# Shortfalls smaller than this are rounding noise, not something to learn.
_NOISE = 0.05

__all__ = ["SCORE_STEP", "Gaps", "gaps", "nearest_point", "to_steps"]


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
    past: dict[str, float] = Field(
        description="measures where the profile is past the region in a direction the role is "
        "not open to; this lowers the fit but is never a gap"
    )
    nearest: tuple[float, float] = Field(description="nearest point of the region (ml, swe)")
    place: Place = Field(description="inside the region, beyond it in an open direction, outside")
    steps: dict[str, list[str]] = Field(
        description="learning steps for the measures that fall short"
    )

    @property
    def inside(self) -> bool:
        """In the region: inside it or beyond it in a direction the role is open to."""
        return self.place != "outside"

    @property
    def total(self) -> float:
        return sum(self.shortfall.values())

    @property
    def only_past(self) -> bool:
        """Outside the region only by being past it: not even part of a step to learn.

        A profile short by less than a step (`within_reach`) has a total of 0 too, but it is
        beside the region, not past it."""
        return not self.inside and self.total == 0 and not self.within_reach


def nearest_point(profile: Profile, catalog: Catalog, role_id: str) -> tuple[float, float, bool]:
    """Where the straight line from the profile to the role's centre enters its region, and
    whether the profile is in the region already (inside, or beyond it in an open direction).

    Distances are measured in the region's own extents (the same metric as the fit), so this is
    the nearest point of the region in that metric, and it never asks anyone to un-learn.
    """
    point = nearest(profile, catalog.role(role_id))
    return point.ml, point.swe, point.held


def gaps(profile: Profile, catalog: Catalog, role_id: str) -> Gaps:
    """Per-measure shortfall toward `role_id`, the region's nearest point and the steps to take."""
    role = catalog.role(role_id)
    point = nearest(profile, role)
    raw = {
        "ml": point.ml - profile.ml,
        "swe": point.swe - profile.swe,
        "comm": role.comm - profile.comm,
    }
    shortfall = {a: to_steps(v) for a, v in raw.items()}
    steps = {a: role.steps.for_axis(a) for a in AXES if shortfall[a] > 0}
    return Gaps(
        role=role.id,
        name=role.name,
        shortfall=shortfall,
        within_reach=[a for a in AXES if shortfall[a] == 0 and raw[a] > _NOISE],
        past={a: round(v, 2) for a, v in past_region(profile, role).items()},
        nearest=(round(point.ml, 3), round(point.swe, 3)),
        place=point.place,
        steps=steps,
    )
