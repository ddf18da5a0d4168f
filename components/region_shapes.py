"""A role's region as map shapes: its ellipse, and a dashed band that continues it to the edge of
the map in each direction the role is open to (`Role.open`), the same geometry as
`roles.region`: past the centre that way, distance counts as nothing."""

from __future__ import annotations

import math
from typing import Any

from components.colours import rgba
from components.labels import AXIS_RANGE
from roles.models import Role

FILL_ALPHA = 0.16
# An open band is lighter than its ellipse: the ellipse is where the role's people typically
# are; the band says only that going further that way never lowers the fit.
BAND_ALPHA = 0.07
_ARC_POINTS = 12  # per quarter of the ellipse
_QUADRANTS = ((1, 1), (-1, 1), (-1, -1), (1, -1))  # counter-clockwise from the +ML axis


def region_shape(role: Role) -> dict[str, Any]:
    """The ellipse where people in the role typically sit."""
    g = role.region
    return {
        "type": "circle",  # an ellipse in data coordinates (plotly's default x and y axes)
        "x0": g.ml - g.ml_extent,
        "x1": g.ml + g.ml_extent,
        "y0": g.swe - g.swe_extent,
        "y1": g.swe + g.swe_extent,
        "fillcolor": rgba(role.colour, FILL_ALPHA),
        "line": {"color": rgba(role.colour, 0.85), "width": 1.5},
        "layer": "below",
        "name": f"region:{role.id}",
    }


def _edge(centre: float, extent: float, sign: int) -> float:
    """The map's edge on one side, in the region's extents from its centre."""
    return ((AXIS_RANGE[1] if sign > 0 else AXIS_RANGE[0]) - centre) / extent


def _quadrant(role: Role, sa: int, sb: int) -> list[tuple[float, float]]:
    """The region's outline in one quadrant (in extents), from its ML ray to its SWE ray."""
    g = role.region
    open_a, open_b = role.opens("ml") == sa, role.opens("swe") == sb
    far_a, far_b = _edge(g.ml, g.ml_extent, sa), _edge(g.swe, g.swe_extent, sb)
    if open_a and open_b:
        return [(far_a, 0.0), (far_a, far_b), (0.0, far_b)]
    if open_a:
        return [(far_a, 0.0), (far_a, float(sb)), (0.0, float(sb))]
    if open_b:
        return [(float(sa), 0.0), (float(sa), far_b), (0.0, far_b)]
    start = 0.0 if sa > 0 else math.pi
    turn = (math.pi / 2) * (1 if sa * sb > 0 else -1)
    return [
        (math.cos(start + turn * i / _ARC_POINTS), math.sin(start + turn * i / _ARC_POINTS))
        for i in range(_ARC_POINTS + 1)
    ]


def _outline(role: Role) -> list[tuple[float, float]]:
    """The whole region (ellipse and open bands) as map points, counter-clockwise."""
    g, points = role.region, []
    for sa, sb in _QUADRANTS:
        piece = _quadrant(role, sa, sb)
        # Quadrants II and IV run from the SWE ray to the ML ray: walk them backwards.
        points += piece if sa * sb > 0 else piece[::-1]
    return [(g.ml + a * g.ml_extent, g.swe + b * g.swe_extent) for a, b in points]


def _ellipse(role: Role) -> list[tuple[float, float]]:
    g, n = role.region, 4 * _ARC_POINTS
    return [
        (
            g.ml + g.ml_extent * math.cos(2 * math.pi * i / n),
            g.swe + g.swe_extent * math.sin(2 * math.pi * i / n),
        )
        for i in range(n)
    ]


def _path(points: list[tuple[float, float]]) -> str:
    return "M " + " L ".join(f"{x:.3f},{y:.3f}" for x, y in points) + " Z"


def open_band(role: Role) -> dict[str, Any] | None:
    """The part of the region beyond its ellipse (None when the role is open nowhere): the
    outline with the ellipse cut out (even-odd fill), dashed."""
    if not role.open:
        return None
    return {
        "type": "path",
        "path": _path(_outline(role)) + " " + _path(_ellipse(role)),
        "fillrule": "evenodd",
        "fillcolor": rgba(role.colour, BAND_ALPHA),
        "line": {"color": rgba(role.colour, 0.55), "width": 1.2, "dash": "dash"},
        "layer": "below",
        "name": f"open:{role.id}",
    }


def region_shapes(role: Role) -> list[dict[str, Any]]:
    """The role's ellipse, then its open band when it has one."""
    band = open_band(role)
    return [region_shape(role), *([band] if band else [])]
