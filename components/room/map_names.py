"""The names on the projector's map: placed beside their dots, on leader lines, or numbered.

Names are participant input: every text is escaped for plotly (`plot_text`), which renders a
small HTML subset. The placing itself is in `labels` and `name_key`; this module turns it into
traces drawn under the dots (names, leader lines) and over them (numbers).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import plotly.graph_objects as go

from components.label_shapes import label_box
from components.labels import AXIS_RANGE, PROJECTOR_SCALES
from components.region_labels import region_label_shapes, region_spots
from components.room.labels import PLOT_PX
from components.room.name_key import MAX_NAMED_DOTS, RoomNames, label_room
from components.text import plot_text
from roles.i18n import Lang, tr
from roles.models import Catalog

# At most this many names beside their dots (the rest are numbered, see `name_key`).
MAX_NAME_LABELS = 40
# The map's plot on a 1280x720 screen when a key of numbered names stands beside it (measured:
# the chart is 691 px wide, its plot 617), and without one (`labels.PLOT_PX`).
KEYED_PLOT_PX = (617.0, 582.0)
INK = "#111827"


def name_labels(
    names: Sequence[str],
    crowd: go.Scatter,
    catalog: Catalog,
    font_size: int,
    role_spots: Sequence[dict[str, Any] | None],
    plot_px: tuple[float, float] = PLOT_PX,
) -> RoomNames:
    """Where each short name goes, touching no dot, no role name and no other name, or the
    number that stands for it and the key (`name_key`), for a plot of `plot_px`."""
    lo, hi = AXIS_RANGE
    scale = (plot_px[0] / (hi - lo), plot_px[1] / (hi - lo))
    roles = [
        label_box(shape, scale) for shape in region_label_shapes(catalog, role_spots, font_size)
    ]
    return label_room(
        [
            (float(x), float(y), float(d))
            for x, y, d in zip(crowd.x, crowd.y, crowd.marker.size, strict=True)
        ],
        names,
        axis_range=AXIS_RANGE,
        font_px=font_size,
        plot_px=plot_px,
        limit=MAX_NAME_LABELS,
        keep_clear=[
            (b[0] - lo * scale[0], b[1] - lo * scale[1], b[2] - lo * scale[0], b[3] - lo * scale[1])
            for b in roles
        ],
    )


def room_names(
    names: Sequence[str], crowd: go.Scatter, catalog: Catalog, font_size: int
) -> tuple[RoomNames, bool]:
    """The names for the whole-width map, or, when some need the key, for the narrower map
    beside it (True): the key's column is taken from the map, so names are placed again."""
    spots = region_spots(catalog.model_dump_json(), font_size, (), PROJECTOR_SCALES)
    found = name_labels(names, crowd, catalog, font_size, spots)
    if not found.key and found.shown == found.named:
        return found, False
    if found.named > MAX_NAMED_DOTS:  # no names to place: the key's column says why
        return found, True
    return name_labels(names, crowd, catalog, font_size, spots, KEYED_PLOT_PX), True


def names_traces(names: RoomNames, lang: Lang, font_size: int) -> list[go.Scatter]:
    """The names as text, and thin lines joining the names set further out to their dots;
    the numbers (in bold) are a separate trace, drawn over the dots (`numbers_trace`)."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    for lb in [*names.labels, *names.numbers]:
        if lb.leader:
            xs += [lb.leader[0], lb.leader[2], None]
            ys += [lb.leader[1], lb.leader[3], None]
    leaders = go.Scatter(
        x=xs,
        y=ys,
        mode="lines",
        line={"color": INK, "width": 1.5},
        hoverinfo="skip",
        name=tr(lang, "Names"),
        meta={"kind": "leaders"},
    )
    text = go.Scatter(
        x=[lb.x for lb in names.labels],
        y=[lb.y for lb in names.labels],
        text=["<br>".join(plot_text(line) for line in lb.lines) for lb in names.labels],
        mode="text",
        textfont={"size": font_size, "color": INK},
        hoverinfo="skip",
        name=tr(lang, "Names"),
        meta={"kind": "names"},
    )
    return [leaders, text] if xs else [text]


def numbers_trace(names: RoomNames, lang: Lang, font_size: int) -> go.Scatter:
    """The numbers of the names in the key, beside their dots (ink) or on them (white)."""
    return go.Scatter(
        x=[lb.x for lb in names.numbers],
        y=[lb.y for lb in names.numbers],
        text=[lb.text for lb in names.numbers],
        mode="text",
        textfont={
            "size": font_size,
            "weight": "bold",
            "color": ["#ffffff" if lb.on_dot else INK for lb in names.numbers],
        },
        hoverinfo="skip",
        name=tr(lang, "Numbers"),
        meta={"kind": "numbers"},
    )
