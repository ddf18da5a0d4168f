"""Where a profile stands against one role's region: inside it, beyond it in a direction the role
is open to, or outside it; and the nearest point of the region.

One geometry for every screen. Distances are in the region's own extents (the fit's metric). On
an axis the role is open to (`Role.open`), being past the centre that way counts as no distance
at all, so the region reaches the edge of the map in that direction:

    u_ml = (ml - centre_ml) / extent_ml, set to 0 past the centre in an open direction
    (the same for software engineering);  d_open = hypot(u_ml, u_swe)

- **inside**: within the drawn ellipse (the distance without the open directions is at most 1);
- **beyond**: past the ellipse only in open directions (d_open <= 1): the fit is as high as
  inside, and the page says "beyond the region";
- **outside**: d_open > 1.

"In the region" (what the heading, coverage and the CLI count) means inside or beyond. The
communication bar is a separate statement: it does not change where a person stands.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from roles.models import Profile, Role

Place = Literal["inside", "beyond", "outside"]
POSITION_AXES: tuple[str, str] = ("ml", "swe")


def _open_offset(u: float, opens: int) -> float:
    """An offset in extents with the open side counted as nothing."""
    if opens > 0:
        return min(u, 0.0)
    if opens < 0:
        return max(u, 0.0)
    return u


def offsets(profile: Profile, role: Role) -> dict[str, float]:
    """Per position axis, the offset from the region's centre in extents, open sides as 0."""
    g = role.region
    raw = {
        "ml": (profile.ml - g.ml) / g.ml_extent,
        "swe": (profile.swe - g.swe) / g.swe_extent,
    }
    return {a: _open_offset(u, role.opens(a)) for a, u in raw.items()}


def placement(profile: Profile, role: Role) -> Place:
    """Inside the drawn region, beyond it in an open direction, or outside it."""
    g = role.region
    closed = math.hypot((profile.ml - g.ml) / g.ml_extent, (profile.swe - g.swe) / g.swe_extent)
    if closed <= 1.0:
        return "inside"
    u = offsets(profile, role)
    return "beyond" if math.hypot(u["ml"], u["swe"]) <= 1.0 else "outside"


def in_region(profile: Profile, role: Role) -> bool:
    """Inside the region or beyond it in an open direction: where the role counts as held."""
    return placement(profile, role) != "outside"


@dataclass(frozen=True)
class Nearest:
    """The nearest point of a region (in its own metric) and where the profile stands."""

    ml: float
    swe: float
    place: Place

    @property
    def held(self) -> bool:
        return self.place != "outside"


def nearest(profile: Profile, role: Role) -> Nearest:
    """Where the straight line from the profile toward the centre enters the region.

    On an open axis the profile already counts as at the centre, so the line never asks anyone
    to have less of what the role is open to; it never asks anyone to un-learn.
    """
    place = placement(profile, role)
    if place != "outside":
        return Nearest(profile.ml, profile.swe, place)
    g = role.region
    u = offsets(profile, role)
    d = math.hypot(u["ml"], u["swe"])
    # On an open axis whose offset was set to 0 the profile keeps its own value.
    ml = profile.ml if u["ml"] == 0 else g.ml + u["ml"] / d * g.ml_extent
    swe = profile.swe if u["swe"] == 0 else g.swe + u["swe"] / d * g.swe_extent
    return Nearest(ml, swe, place)
