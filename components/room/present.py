"""The projector view of a room: big type, the live map, the count and the role breakdown.

Only `render_live_room` refreshes on a timer (a fragment), so the title and the QR code are
drawn once and the map updates in place. Charts have fixed keys, which lets the browser update
the existing chart instead of replacing it (no flicker).
"""

from __future__ import annotations

import streamlit as st

import store
from components.catalogs import cached_catalog
from components.errors import render_error
from components.room.map import (
    MIN_FOR_BREAKDOWN,
    crowd_map,
    md_escape,
    participants_label,
    role_distribution,
)
from components.room.qr import join_link, qr_png
from roles.catalog import DEFAULT_CATALOG
from roles.errors import SkillsMapError

# A new dot must be on screen within 3 s even when the submit lands just after a refresh and
# the machine is busy (2.9 s was seen at 1.5 s under full CPU load); one read costs ~10 ms
# at 1,000 participants, so refreshing every second is cheap.
REFRESH = 1.0
# Fits under the header on a 1280x800 or 1920x1080 projector without scrolling.
MAP_HEIGHT = 640
_CHART_CONFIG = {"displayModeBar": False, "scrollZoom": False}


# Static CSS (no user data): a projector needs the map above the fold, not Streamlit's top margin.
_COMPACT = "<style>[data-testid='stMainBlockContainer']{padding-top:3.5rem;}</style>"


def render_present_header(info: store.RoomInfo, base: str | None) -> None:
    """Room title and join address, with the QR code in the top-right corner."""
    st.html(_COMPACT)
    left, right = st.columns([6, 1], vertical_alignment="center")
    with left:
        st.header(md_escape(info.title), anchor=False)
        where = f"{base}/join" if base else "**Join a room** in this app"
        st.markdown(f"### Join at {where} · code **{info.code}**")
    with right:
        if base:
            st.image(qr_png(join_link(base, info.code)), output_format="PNG", width=170)


def render_breakdown(snapshot: store.Snapshot) -> None:
    """Best-fit roles as bars, once enough people answered that no one is singled out."""
    catalog = cached_catalog(DEFAULT_CATALOG)
    if snapshot.room.hidden:
        st.markdown("### Roles appear after the reveal")
        return
    if snapshot.count < MIN_FOR_BREAKDOWN:
        waiting = MIN_FOR_BREAKDOWN - snapshot.count
        st.markdown(f"### Role breakdown appears at {MIN_FOR_BREAKDOWN} answers ({waiting} to go)")
        return
    st.markdown("### Best-fit roles")
    st.plotly_chart(
        role_distribution(catalog, snapshot.entries, height=340),
        key="present_roles",
        config=_CHART_CONFIG,
    )


@st.fragment(run_every=REFRESH)
def render_live_room(code: str) -> None:
    """Count, map and role breakdown, read from the database every refresh."""
    try:
        snapshot = store.room_snapshot(room=code)
    except SkillsMapError as exc:
        render_error(exc, context=f"Room {code}")
        return
    info = snapshot.room
    catalog = cached_catalog(DEFAULT_CATALOG)
    figure = crowd_map(
        catalog, snapshot.entries, show_names=info.show_names, hidden=info.hidden, height=MAP_HEIGHT
    )
    chart, side = st.columns([3, 1.3], gap="large")
    with chart:
        st.plotly_chart(figure, key="present_map", config=_CHART_CONFIG)
    with side:
        st.markdown(f"# {participants_label(snapshot.count)}")
        if info.locked:
            st.markdown("### 🔒 Answers closed")
        render_breakdown(snapshot)
