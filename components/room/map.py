"""Figures of a workshop room: the crowd on the skills map and the spread of best-fit roles.

Plain functions that return plotly figures, so tests read exactly what the projector shows.
Names are participant input: they are HTML-escaped before they reach plotly, which renders a
small HTML subset in text and hover labels. Per-dot data travels as numeric arrays (sent
packed), not as a string per dot, so a room of 2,000 stays a small message on every refresh.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Protocol

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components.labels import PROJECTOR_SCALES, split_in_two
from components.region_labels import region_label_shapes, region_spots
from components.room.map_names import names_traces, numbers_trace, room_names
from components.skills_map import INK, base_map, bubble_size
from components.text import plot_text
from roles.i18n import DEFAULT_LANG, Lang, ntr, tr
from roles.match import match_many
from roles.models import Catalog

# Enough spread to separate people on the same whole-number answers, small enough that a dot
# never looks like a different answer (neighbouring answers are one unit apart).
JITTER = 0.22
MIN_FOR_BREAKDOWN = 5
# Read from the back of a hall: labels, ticks and axis titles of at least 20 px, dots of 14 px.
PROJECTOR_FONT_PX = 22
# The map's size on a 1280x720 screen, in pixels: the projector draws it at about this size on
# every 16:9 screen and scales it (see `present`), so its labels are placed for this size.
PROJECTOR_PX = (912, 656)
_SCALES = PROJECTOR_SCALES
MIN_DOT_PX = 16.0  # 14 px of dot inside its 1 px white outline
_DOT_RGB = "17,24,39"


def _hover(lang: Lang, *, named: bool) -> str:
    """Plotly's hover template for a dot: the name (or 'Participant 3') and the three scores."""
    who = "%{hovertext}" if named else tr(lang, "Participant {n}", n="%{customdata[3]}")
    scores = tr(
        lang,
        "ML {ml}<br>Software engineering {swe}<br>Communication {comm}",
        ml="%{customdata[0]:.1f}",
        swe="%{customdata[1]:.1f}",
        comm="%{customdata[2]:.1f}",
    )
    return f"<b>{who}</b><br>{scores}<extra></extra>"


class EntryLike(Protocol):
    """What the figures need from a room entry (`store.Entry` has these fields)."""

    # Read-only (properties), so a frozen model with narrower types (`entry_id: int`) fits.
    @property
    def entry_id(self) -> int | str: ...
    @property
    def name(self) -> str | None: ...
    @property
    def ml(self) -> float: ...
    @property
    def swe(self) -> float: ...
    @property
    def comm(self) -> float: ...


def participants_label(n: int, lang: Lang = DEFAULT_LANG) -> str:
    """'1 participant', '12 participants'."""
    return ntr(lang, "{n:,} participant", "{n:,} participants", n)


def jitter(entry_id: int | str) -> tuple[float, float]:
    """A small offset that depends only on the entry, so a dot never jumps between refreshes."""
    digest = hashlib.blake2b(str(entry_id).encode(), digest_size=4).digest()
    dx = (digest[0] * 256 + digest[1]) / 65535 * 2 - 1
    dy = (digest[2] * 256 + digest[3]) / 65535 * 2 - 1
    return JITTER * dx, JITTER * dy


def crowd_style(n: int) -> tuple[float, float]:
    """(bubble size scale, opacity) for n dots: smaller and more see-through as the room fills."""
    if n <= 30:
        return 1.3, 0.9
    return max(0.45, 1.3 * (30 / n) ** 0.3), max(0.35, 0.9 * (30 / n) ** 0.25)


def _hidden_note(fig: go.Figure, n: int, font_size: int, lang: Lang) -> None:
    hidden = tr(lang, "Answers hidden — {participants}", participants=participants_label(n, lang))
    fig.add_annotation(
        x=5,
        y=5,
        text=f"<b>{hidden}</b>",
        showarrow=False,
        font={"size": int(font_size * 1.6), "color": "#1e293b"},
        bgcolor="rgba(255,255,255,0.92)",
        bordercolor="#1e293b",
        borderpad=14,
        name="hidden",
    )


def _projector_layout(fig: go.Figure, font_size: int) -> None:
    # Keep the viewer's zoom across live refreshes instead of snapping back on every one.
    # The map's margins are fixed (no automargin), so room for ticks and titles at this size is
    # made here: with 10 px the tick numbers fell outside the chart and were cut off.
    edge = round(font_size * 2.9)
    fig.update_layout(
        uirevision="room", showlegend=False, margin={"l": edge, "r": 10, "t": 10, "b": edge}
    )
    # Streamlit's chart theme sets small axis fonts; a projector needs them readable from the back.
    axis_fonts = {"tickfont": {"size": font_size}, "title": {"font": {"size": font_size}}}
    fig.update_xaxes(**axis_fonts)
    fig.update_yaxes(**axis_fonts)
    # A projector is wide: let the map fill the screen instead of keeping a square aspect.
    fig.layout.yaxis.scaleanchor = None


def _dot_sizes(entries: Sequence[EntryLike]) -> np.ndarray:
    scale, _ = crowd_style(len(entries))
    sizes = np.maximum(MIN_DOT_PX, [bubble_size(e.comm, scale) for e in entries])
    return sizes.astype(np.float32)


def crowd_trace(
    entries: Sequence[EntryLike], *, show_names: bool, lang: Lang = DEFAULT_LANG
) -> go.Scatter:
    """One bubble per entry, jittered, at least 14 px; names (escaped) in the hover if shown."""
    _, opacity = crowd_style(len(entries))
    offsets = np.array([jitter(e.entry_id) for e in entries]).reshape(-1, 2)
    xs = np.clip(np.array([e.ml for e in entries]) + offsets[:, 0], 0, 10)
    ys = np.clip(np.array([e.swe for e in entries]) + offsets[:, 1], 0, 10)
    # float32 is exact for scores in halves and participant numbers, at half the bytes.
    data = np.array(
        [(e.ml, e.swe, e.comm, i) for i, e in enumerate(entries, start=1)], dtype=np.float32
    ).reshape(-1, 4)
    names = [
        plot_text(e.name or tr(lang, "Participant {n}", n=i)) for i, e in enumerate(entries, 1)
    ]
    return go.Scatter(
        x=xs.astype(np.float32),
        y=ys.astype(np.float32),
        mode="markers",
        customdata=data,
        hovertext=names if show_names else None,
        hovertemplate=_hover(lang, named=show_names),
        marker={
            "size": _dot_sizes(entries),
            "color": f"rgba({_DOT_RGB},{opacity:.2f})",
            "line": {"color": "white", "width": 1},
        },
        name=tr(lang, "Participants"),
        meta={"kind": "crowd"},
    )


def crowd_map(
    catalog: Catalog,
    entries: Sequence[EntryLike],
    *,
    show_names: bool = False,
    hidden: bool = False,
    height: int | None = None,
    font_size: int = PROJECTOR_FONT_PX,
) -> go.Figure:
    """The room on the skills map: one jittered bubble per entry, or a 'hidden' notice.

    Without a `height` the figure takes its container's size (the projector view: about
    `PROJECTOR_PX`, scaled with the screen). Names, when shown, go beside their dots or are
    numbered: `fig.layout.meta` then holds the key ([number, name]), whether the map is drawn
    narrower beside it ("keyed"), and how many names are shown of how many given. Names and
    their lines are drawn under the dots; a number is drawn over its own dot only.
    """
    fig = base_map(catalog, height=height or PROJECTOR_PX[1], font_size=font_size, scales=_SCALES)
    _projector_layout(fig, font_size)
    if height is None:  # the projector view sizes it (about PROJECTOR_PX, scaled)
        fig.layout.height = None
        fig.layout.autosize = True
    spots = region_spots(catalog.model_dump_json(), font_size, (), _SCALES)
    fig.layout.annotations = []
    fig.layout.shapes = [*fig.layout.shapes, *region_label_shapes(catalog, spots, font_size)]
    if hidden:
        _hidden_note(fig, len(entries), font_size, catalog.lang)
    elif entries:
        crowd = crowd_trace(entries, show_names=show_names, lang=catalog.lang)
        names, keyed = (
            room_names([e.name or "" for e in entries], crowd, catalog, font_size)
            if show_names
            else (None, False)
        )
        if names is not None:  # first, so every dot is drawn over the names and their lines
            fig.add_traces(names_traces(names, catalog.lang, font_size))
        fig.add_trace(crowd)
        if names is not None and names.numbers:  # last: a number may sit on its own dot
            fig.add_trace(numbers_trace(names, catalog.lang, font_size))
        if names is not None:
            fig.layout.meta = {
                "key": [list(entry) for entry in names.key],
                "keyed": keyed,
                "shown": names.shown,
                "named": names.named,
            }
    return fig


def best_fit_counts(entries: Sequence[EntryLike], catalog: Catalog) -> dict[str, int]:
    """How many entries have each role as their best fit, in catalog order (zeros included)."""
    counts = dict.fromkeys(catalog.role_ids, 0)
    if not entries:
        return counts
    frame = pd.DataFrame([{"ml": e.ml, "swe": e.swe, "comm": e.comm} for e in entries])
    for role_id, n in match_many(frame, catalog)["best_role"].value_counts().items():
        counts[str(role_id)] = int(n)
    return counts


def _bar_label(name: str, width: int = 14) -> str:
    """A role name beside its bar, on two lines when long: at 22 px "ML product manager" is
    wider than the whole bar column leaves it on a 1280 px projector."""
    lines = split_in_two(name) if len(name) > width else [name]
    return "<br>".join(plot_text(line) for line in lines)


def role_distribution(
    catalog: Catalog,
    entries: Sequence[EntryLike],
    *,
    height: int = 420,
    font_size: int = PROJECTOR_FONT_PX,
) -> go.Figure:
    """Horizontal bars: the number of people whose best fit is each role."""
    counts = best_fit_counts(entries, catalog)
    roles = list(reversed(catalog.roles))  # plotly draws the first bar at the bottom
    values = [counts[r.id] for r in roles]
    fig = go.Figure(
        go.Bar(
            x=values,
            y=[_bar_label(r.short_name) for r in roles],
            orientation="h",
            marker={"color": [r.colour for r in roles]},
            text=[str(v) for v in values],
            textposition="outside",
            textfont={"size": font_size},
            cliponaxis=False,
            hoverinfo="skip",
            meta={"kind": "roles"},
        )
    )
    fig.update_layout(
        height=height,
        # Plotly measures tick labels before the web font loads: room for the wider font.
        margin={"l": 64, "r": 40, "t": 10, "b": 10},
        font={"size": font_size},
        plot_bgcolor="white",
        xaxis={"visible": False, "range": [0, max([*values, 1]) * 1.2]},
        yaxis={"tickfont": {"size": font_size, "color": INK}, "automargin": True},
        uirevision="roles",
    )
    return fig
