"""Where the role names go on the map: beside each region's centre marker, clear of the marks
that matter more (a person's own bubble), in a colour readable on the label's light box.

Placement is cached per place a person stands, so a rerun that moves nobody reuses it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from components.colours import TEXT_CONTRAST, darken_to
from components.label_shapes import LABEL_BOX, label_shape
from components.labels import AXIS_RANGE, SCALES, Mark, covers, place_labels
from components.text import plot_text
from roles.caching import memoize
from roles.models import Catalog

# Labels sit on a nearly opaque white box (LABEL_BOX); its colour over the darkest stack of
# region fills is never darker than this, so a label colour that reaches 4.5:1 here is readable
# anywhere.
_LABEL_GROUND = "#e6e6e6"
CENTRE_RADIUS = 6.0  # pixels: the open marker at each region's centre


@memoize(maxsize=64)
def label_colour(colour: str) -> str:
    """A role colour darkened just enough for text on the map (4.5:1 on a label box)."""
    return darken_to(colour, _LABEL_GROUND, TEXT_CONTRAST)


def region_label_marks(catalog: Catalog, font_size: int = 13) -> list[Mark]:
    """Where each role's name goes: beside the marker at the region's centre."""
    return [
        Mark(
            r.region.ml,
            r.region.swe,
            r.short_name,
            CENTRE_RADIUS,
            font_size,
            bold=True,
            may_cover_markers=True,  # a region's name matters more than a clear view of a dot
            # Failing a spot beside the centre, anywhere well inside the region will do.
            fallbacks=tuple(
                (
                    r.region.ml + f * r.region.ml_extent * dx,
                    r.region.swe + f * r.region.swe_extent * dy,
                )
                for f in (0.3, 0.5, 0.7, 0.9)
                for dx, dy in (
                    (0, 1),
                    (0, -1),
                    (-1, 0),
                    (1, 0),
                    (-0.7, 0.7),
                    (0.7, 0.7),
                    (-0.7, -0.7),
                    (0.7, -0.7),
                )
            ),
        )
        for r in catalog.roles
    ]


def label_annotation(
    spot: dict[str, Any], *, font: dict[str, Any], name: str, bold: bool = False
) -> dict[str, Any]:
    """An annotation for a label placed by `place_labels`: escaped, on a light box."""
    # Zero shifts are plotly's defaults: left out, the figure is smaller to copy and send.
    fields = {
        k: v for k, v in spot.items() if k != "lines" and not (k.endswith("shift") and v == 0)
    }
    text = "<br>".join(plot_text(line) for line in spot["lines"])
    return {
        **fields,
        "text": f"<b>{text}</b>" if bold else text,
        "font": font,
        "bgcolor": LABEL_BOX,
        "name": name,
    }


def _region_labels(
    catalog: Catalog, spots: Sequence[dict[str, Any] | None], font_size: int
) -> list[tuple[dict[str, Any], dict[str, Any], str]]:
    """(spot, font, name) of each role's name; a name that found no free spot still goes above
    its centre."""
    return [
        (
            spot
            or {
                "x": r.region.ml,
                "y": r.region.swe,
                "yshift": 10,
                "showarrow": False,
                "lines": [r.short_name],
            },
            {"size": font_size, "color": label_colour(r.colour)},
            f"region:{r.id}",
        )
        for r, spot in zip(catalog.roles, spots, strict=True)
    ]


def region_annotations(
    catalog: Catalog, spots: Sequence[dict[str, Any] | None], font_size: int = 13
) -> list[dict[str, Any]]:
    """The role names as annotations at the given spots (from `place_labels`)."""
    return [
        label_annotation(spot, font=font, name=name, bold=True)
        for spot, font, name in _region_labels(catalog, spots, font_size)
    ]


def region_label_shapes(
    catalog: Catalog, spots: Sequence[dict[str, Any] | None], font_size: int = 13
) -> list[dict[str, Any]]:
    """The role names as boxed labels under the traces (see `components.label_shapes`), for
    maps whose markers matter more than the names: the Team map and the projector."""
    return [
        label_shape(spot, font=font, name=name, bold=True)
        for spot, font, name in _region_labels(catalog, spots, font_size)
    ]


@memoize(maxsize=16)
def _region_marks(catalog_json: str, font_size: int) -> tuple[Mark, ...]:
    return tuple(region_label_marks(Catalog.model_validate_json(catalog_json), font_size))


@memoize(maxsize=2048)  # a few hundred bytes each; one per place a person has stood
def region_spots(
    catalog_json: str,
    font_size: int,
    keep_clear: tuple[tuple[float, float, float], ...],
    scales: tuple[float, ...] = SCALES,
) -> tuple[dict[str, Any] | None, ...]:
    # Places to keep clear (a person's bubble) go first, with no text: the role names avoid them.
    clear = [Mark(x, y, "", radius, never_cover=True) for x, y, radius in keep_clear]
    marks = [*clear, *_region_marks(catalog_json, font_size)]
    return tuple(place_labels(marks, AXIS_RANGE, scales=scales)[len(clear) :])


def needed_clearance(
    catalog_json: str,
    font_size: int,
    keep_clear: tuple[tuple[float, float, float], ...],
    scales: tuple[float, ...] = SCALES,
) -> tuple[tuple[float, float, float], ...]:
    """`keep_clear` if a role name in its usual place covers one of them, else nothing: the
    names stay put (and the cached map serves) unless the person is under one."""
    if not keep_clear:
        return ()
    usual = region_spots(catalog_json, font_size, (), scales)
    if covers(usual, _region_marks(catalog_json, font_size), keep_clear, scales):
        return keep_clear
    return ()
