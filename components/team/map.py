"""The team on the skills map: one bubble per person, coloured by best-fit role (pure functions)."""

from __future__ import annotations

import html

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components.skills_map import base_map, bubble_size
from roles.models import Catalog, Profile

# People on the same spot are moved round a small spiral so each stays visible and hoverable.
_SPOT = 0.1  # points closer than this on both axes count as the same spot
_STEP = 0.13  # distance of the first moved copy; later copies spiral out by sqrt(k)
_GOLDEN_ANGLE = 2.399963


def spread_overlaps(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Deterministic offsets for points that share a spot; the first point on a spot stays put."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if len(x) == 0:
        return x, y
    spots = pd.DataFrame({"x": np.round(x / _SPOT), "y": np.round(y / _SPOT)})
    k = spots.groupby(["x", "y"], sort=False).cumcount().to_numpy(dtype=float)
    radius = _STEP * np.sqrt(k)
    return x + radius * np.cos(k * _GOLDEN_ANGLE), y + radius * np.sin(k * _GOLDEN_ANGLE)


def _hover(frame: pd.DataFrame) -> list[str]:
    return [
        f"<b>{html.escape(str(n))}</b><br>{html.escape(str(r))} (fit {f:.0f})"
        f"<br>ML {m:.1f} · Software engineering {s:.1f} · Communication {c:.1f}"
        for n, r, f, m, s, c in zip(
            frame["name"],
            frame["best_role_name"],
            frame["best_fit"],
            frame["ml"],
            frame["swe"],
            frame["comm"],
            strict=True,
        )
    ]


def _marker_scale(n: int) -> float:
    # Big teams get smaller bubbles so the regions stay readable.
    return 0.75 if n <= 60 else 0.45 if n <= 500 else 0.25


def add_team(
    fig: go.Figure, fitted: pd.DataFrame, catalog: Catalog, *, show_names: bool
) -> go.Figure:
    """One trace per best-fit role; hover shows the escaped name and the true scores."""
    x, y = spread_overlaps(fitted["ml"].to_numpy(), fitted["swe"].to_numpy())
    scale = _marker_scale(len(fitted))
    for role in catalog.roles:
        mask = (fitted["best_role"] == role.id).to_numpy()
        if not mask.any():
            continue
        part = fitted.loc[mask]
        fig.add_trace(
            go.Scatter(
                x=x[mask],
                y=y[mask],
                mode="markers+text" if show_names else "markers",
                text=[html.escape(str(n)) for n in part["name"]] if show_names else None,
                textposition="top center",
                textfont={"size": 11},
                hovertext=_hover(part),
                hoverinfo="text",
                marker={
                    "size": bubble_size(0, scale) + 3.2 * scale * part["comm"].to_numpy(),
                    "color": role.colour,
                    "opacity": 0.85,
                    "line": {"color": "rgba(30,30,30,0.8)", "width": 1},
                },
                name=f"{role.short_name} ({int(mask.sum())})",
                legendgroup="team",
                showlegend=True,
                meta={"kind": "team", "role": role.id},
            )
        )
    return fig


def add_marker(
    fig: go.Figure, profile: Profile, *, label: str, kind: str, symbol: str, colour: str
) -> go.Figure:
    """A labelled marker (the team's centre, a job posting) on the map."""
    fig.add_trace(
        go.Scatter(
            x=[profile.ml],
            y=[profile.swe],
            mode="markers+text",
            text=[html.escape(label)],
            textposition="bottom center",
            marker={
                "size": 22,
                "symbol": symbol,
                "color": colour,
                "line": {"color": "white", "width": 2},
            },
            hovertext=[
                f"<b>{html.escape(label)}</b><br>ML {profile.ml:.1f} · Software engineering "
                f"{profile.swe:.1f} · Communication {profile.comm:.1f}"
            ],
            hoverinfo="text",
            name=label,
            showlegend=True,
            meta={"kind": kind},
        )
    )
    return fig


def team_map_figure(
    fitted: pd.DataFrame,
    catalog: Catalog,
    *,
    show_names: bool = False,
    centroid: Profile | None = None,
    posting: Profile | None = None,
    height: int = 620,
) -> go.Figure:
    """The skills map with the whole team, its centre and optionally a job posting's demands."""
    fig = base_map(catalog, height=height)
    for trace in fig.data:  # regions are labelled on the map; the legend is for people
        trace.showlegend = False
    add_team(fig, fitted, catalog, show_names=show_names)
    if centroid is not None:
        add_marker(fig, centroid, label="Team centre", kind="centroid", symbol="x", colour="#222")
    if posting is not None:
        add_marker(
            fig, posting, label="Job posting", kind="posting", symbol="star", colour="#d4a000"
        )
    fig.update_layout(
        showlegend=True,
        legend={
            "orientation": "h",
            "yanchor": "top",
            "y": -0.12,
            "x": 0,
            "title": {"text": "Best fit"},
        },
    )
    return fig
