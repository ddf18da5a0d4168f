"""The skills map as a plotly figure: role regions, people and arrows.

Figures are built by plain functions so tests can inspect them and every mode (Me, Team,
Workshop) draws the same map.
"""

from __future__ import annotations

import html

import numpy as np
import plotly.graph_objects as go

from roles.models import Catalog, Profile, Role

_ELLIPSE_POINTS = 72
AXIS_RANGE = (-0.3, 10.3)


def _hex_to_rgba(colour: str, alpha: float) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def ellipse_outline(role: Role) -> tuple[np.ndarray, np.ndarray]:
    """Closed outline of a role's region, clipped to the 0-10 frame."""
    t = np.linspace(0, 2 * np.pi, _ELLIPSE_POINTS)
    g = role.region
    x = np.clip(g.ml + g.ml_extent * np.cos(t), 0, 10)
    y = np.clip(g.swe + g.swe_extent * np.sin(t), 0, 10)
    return x, y


def bubble_size(comm: float, scale: float = 1.0) -> float:
    """Marker diameter in pixels for a communication score (the lecture's bubble size)."""
    return float(scale * (12 + 3.2 * comm))


def base_map(catalog: Catalog, *, height: int = 560, font_size: int = 13) -> go.Figure:
    """An empty skills map: axes, and each role's region as a labelled translucent ellipse."""
    fig = go.Figure()
    for role in catalog.roles:
        x, y = ellipse_outline(role)
        hover = (
            f"<b>{html.escape(role.name)}</b><br>"
            f"ML {role.region.ml:.1f} ± {role.region.ml_extent:.1f}<br>"
            f"Software engineering {role.region.swe:.1f} ± {role.region.swe_extent:.1f}<br>"
            f"Communication bar {role.comm:.1f}"
        )
        fig.add_trace(
            go.Scatter(
                x=x,
                y=y,
                mode="lines",
                fill="toself",
                fillcolor=_hex_to_rgba(role.colour, 0.18),
                line={"color": _hex_to_rgba(role.colour, 0.8), "width": 1.5},
                name=role.name,
                legendgroup="roles",
                hoveron="fills",
                hoverinfo="text",
                text=hover,
                meta={"kind": "region", "role": role.id},
            )
        )
        fig.add_annotation(
            x=role.region.ml,
            y=min(role.region.swe + 0.15, 9.9),
            text=f"<b>{html.escape(role.short_name)}</b>",
            showarrow=False,
            font={"size": font_size, "color": role.colour},
        )
    fig.update_layout(
        height=height,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        xaxis={"title": "ML expertise →", "range": list(AXIS_RANGE), "dtick": 2, "zeroline": False},
        yaxis={
            "title": "Software engineering →",
            "range": list(AXIS_RANGE),
            "dtick": 2,
            "zeroline": False,
            "scaleanchor": "x",
            "scaleratio": 1,
        },
        legend={"orientation": "h", "yanchor": "top", "y": -0.12, "x": 0},
        hoverlabel={"namelength": -1},
        plot_bgcolor="white",
        font={"size": font_size},
    )
    fig.update_xaxes(showgrid=True, gridcolor="#eee", constrain="domain")
    fig.update_yaxes(showgrid=True, gridcolor="#eee", constrain="domain")
    return fig


def add_person(fig: go.Figure, profile: Profile, *, label: str = "You") -> go.Figure:
    """The person's bubble: position = (ML, software engineering), size = communication."""
    fig.add_trace(
        go.Scatter(
            x=[profile.ml],
            y=[profile.swe],
            mode="markers+text",
            text=[html.escape(label)],
            textposition="top center",
            marker={
                "size": bubble_size(profile.comm),
                "color": "rgba(20,20,20,0.85)",
                "line": {"color": "white", "width": 2},
            },
            name=label,
            hovertemplate=(
                f"<b>{html.escape(label)}</b><br>ML %{{x:.1f}}<br>Software engineering %{{y:.1f}}"
                f"<br>Communication {profile.comm:.1f}<extra></extra>"
            ),
            meta={"kind": "person"},
        )
    )
    return fig


def add_arrow(
    fig: go.Figure, start: tuple[float, float], end: tuple[float, float], *, colour: str
) -> go.Figure:
    """An arrow from the person toward a target region."""
    fig.add_annotation(
        x=end[0],
        y=end[1],
        ax=start[0],
        ay=start[1],
        xref="x",
        yref="y",
        axref="x",
        ayref="y",
        showarrow=True,
        arrowhead=3,
        arrowsize=1.4,
        arrowwidth=2.5,
        arrowcolor=colour,
        text="",
        name="path",
    )
    return fig
