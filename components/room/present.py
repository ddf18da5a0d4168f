"""The projector view of a room, sized from the screen: a joining screen and a map screen.

The facilitator picks the screen on the Host page. *Joining*: the room code in letters readable
from the back of a hall, a big QR code and the short join address. *Map*: the map fills the
screen, with the code and a small QR code kept in a corner. Sizes are in viewport units, so the
page fits a 1280x720 projector as well as a 4K screen without scrolling.

The page is drawn by a full run only when the room changed: a tiny fragment asks for the room's
version twice a second (one shared read for all projectors, see `live`) and reruns the page
when it moved, so an idle room sends nothing but that check.
"""

from __future__ import annotations

import html

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

import store
from components.lang import _, current_lang
from components.room.live import RoomView, current_version
from components.room.map import MIN_FOR_BREAKDOWN, participants_label
from components.room.present_key import render_key
from components.room.qr import join_link, qr_png, short_address
from roles.errors import SkillsMapError

# Twice a second: a new answer is on screen within about half a second plus one run.
REFRESH_S = 0.5
_CHART_CONFIG = {"displayModeBar": False, "scrollZoom": False, "staticPlot": False}
DRAWN_VERSION = "present_drawn_version"
# Map, key and side columns when names are keyed: the side keeps its quarter of the width and
# the key takes 0.7 of the map's (its plot is `map_names.KEYED_PLOT_PX` wide at 1280x720).
KEYED_COLUMNS = [2.3, 0.7, 1]

# Static CSS (no user data). Streamlit's header, sidebar and its chevron are chrome a hall does
# not need; sizes use vh/vw so the same page fits every projector. The charts draw in pixels, so
# each is drawn at its size on a 1280x720 screen (`map.PROJECTOR_PX` there) and scaled with the
# screen (x3 at 3840x2160): its text grows with the page's instead of staying 22 px on a 4K
# projector, and its labels are placed for the size it is drawn at. Streamlit sizes a chart from
# its box as seen on screen (transform included), so the box is made 1/zoom^2 of the room: seen
# at 1/zoom, the chart is drawn at 1/zoom of the room, overflowing its box, and the transform
# brings it to the full room.
_CSS = """<style>
header[data-testid="stHeader"], [data-testid="stSidebar"], [data-testid="stExpandSidebarButton"],
[data-testid="stSidebarCollapsedControl"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 1.2vh 1.6vw 0 1.6vw !important;
  max-width: 100% !important; }
[data-testid="stMain"] [data-testid="stVerticalBlock"] { gap: 0.8vh; }
.room-title { font-size: max(20px, 3.6vh); font-weight: 700; margin: 0; line-height: 1.2;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.room-join { font-size: max(20px, 4.4vh); margin: 0; line-height: 1.25; }
.room-join b { font-weight: 800; }
.room-code { font-size: max(40px, 15vh); font-weight: 800; letter-spacing: 0.06em;
  line-height: 1.05; margin: 0; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
.room-count { font-size: max(22px, 6vh); font-weight: 700; margin: 0; line-height: 1.2; }
.room-side { font-size: max(20px, 2.6vh); margin: 0; line-height: 1.3; }
.room-side .code { font-size: max(28px, 5vh); font-weight: 800; letter-spacing: 0.05em;
  font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
.st-key-present_qr_big img { width: min(58vh, 40vw) !important; height: auto !important;
  image-rendering: pixelated; }
.st-key-present_qr_small img { width: min(20vh, 14vw) !important; height: auto !important;
  image-rendering: pixelated; }
.st-key-present_map, .st-key-present_side { height: calc(100vh - max(20px, 3.6vh) * 1.2 - 4.5vh)
  !important; flex: 0 0 auto !important; overflow: hidden; }
.st-key-present_roles { flex: 0 0 auto !important; height: calc(100vh - max(20px, 3.6vh) * 1.2
  - min(20vh, 14vw) - max(20px, 2.6vh) * 1.3 - max(28px, 5vh) * 1.3 - max(22px, 4.5vh) * 1.2
  - 12vh) !important; }
:root { --chart-zoom: min(100vw / 1280px, 100vh / 720px);
  --map-h: calc(100vh - max(20px, 3.6vh) * 1.2 - 4.5vh);
  --roles-h: calc(100vh - max(20px, 3.6vh) * 1.2 - min(20vh, 14vw) - max(20px, 2.6vh) * 1.3
    - max(28px, 5vh) * 1.3 - max(22px, 4.5vh) * 1.2 - 12vh); }
:is(.st-key-present_map_chart, .st-key-present_roles_chart) { transform: scale(var(--chart-zoom));
  transform-origin: top left; width: calc(100% / var(--chart-zoom) / var(--chart-zoom))
  !important; }
.st-key-present_map_chart { height: calc(var(--map-h) / var(--chart-zoom) / var(--chart-zoom)); }
.st-key-present_roles_chart {
  height: calc(var(--roles-h) / var(--chart-zoom) / var(--chart-zoom)); }
:is(.st-key-present_map_chart, .st-key-present_roles_chart) :is([data-testid="stFullScreenFrame"],
  [data-testid="stPlotlyChart"], .js-plotly-plot) { height: 100% !important;
  overflow: visible !important; }
.st-key-present_side .room-count { font-size: max(22px, 4.5vh); }
.st-key-present_joining { min-height: 96vh; justify-content: center; gap: 4vh !important; }
.st-key-present_joining .room-title { font-size: max(28px, 6.5vh); white-space: normal; }
</style>"""


def _text(css_class: str, content: str) -> None:
    """A line of page text; `content` must already be escaped."""
    st.html(f'<p class="{css_class}">{content}</p>')


def render_title(title: str) -> None:
    """The room title, shown exactly as typed (escaped, never read as Markdown or HTML)."""
    st.html(f'<h1 class="room-title">{html.escape(title)}</h1>')


def _qr(base: str | None, info: store.RoomInfo, key: str) -> None:
    if base:
        with st.container(key=key):
            link = join_link(base, info.code, info.lang)
            st.image(qr_png(link), output_format="PNG", alt=_("QR code for {link}", link=link))


def _join_at(base: str | None) -> str:
    """'Go to maps.org/join and enter the code' (HTML, escaped)."""
    if base:
        where = f"<b>{html.escape(short_address(base))}</b>"
        return _("Go to {where} and enter the code", where=where)
    page = "<b>" + html.escape(_("Join a room")) + "</b>"
    return _("Open {page} in this app and enter the code", page=page)


def render_joining(view: RoomView, base: str | None) -> None:
    """The joining screen: join address, the room code in big letters, a big QR code."""
    with st.container(key="present_joining"):
        _render_joining_body(view, base)


def _render_joining_body(view: RoomView, base: str | None) -> None:
    info = view.snapshot.room
    render_title(info.title)
    words, code = st.columns([1.25, 1], vertical_alignment="center", gap="large")
    with words:
        _text("room-join", _join_at(base))
        _text("room-code", f"{info.code[:3]} {info.code[3:]}")
        count = participants_label(view.snapshot.count, current_lang())
        joined = _("{participants} joined", participants=count)
        _text("room-count", joined + (_(" · answers closed") if info.locked else ""))
    with code:
        _qr(base, info, "present_qr_big")
    if not base:
        st.markdown(_("Set SKILLS_MAP_PUBLIC_URL to show a QR code for the join link."))


def render_map_screen(view: RoomView, base: str | None) -> None:
    """The map screen: the map fills the screen; code, QR code and counts in a side column;
    with numbered names, their key in a column between the two (the map is placed for it)."""
    info, count = view.snapshot.room, view.snapshot.count
    render_title(info.title)
    fig = view.crowd_map()
    meta = dict(fig.layout.meta or {})
    if meta.get("keyed"):
        chart, key, side = st.columns(KEYED_COLUMNS, gap="medium")
        with key, st.container(key="present_key"):
            render_key(meta)
    else:
        chart, side = st.columns([3, 1], gap="medium")
    with chart, st.container(key="present_map"):
        st.plotly_chart(
            fig,
            key="present_map_chart",
            config=_CHART_CONFIG,
            width="stretch",
            height="stretch",
        )
    with side, st.container(key="present_side"):
        _qr(base, info, "present_qr_small")
        where = html.escape(short_address(base)) if base else html.escape(_("Join a room"))
        shown = '<span class="code">' + info.code + "</span>"
        code = _("code {code}", code=shown)
        _text("room-side", f"{where}<br>{code}")
        _text("room-count", participants_label(count, current_lang()))
        _render_breakdown(view, count)


def _render_breakdown(view: RoomView, count: int) -> None:
    info = view.snapshot.room
    if info.locked:
        closed = _("Answers closed")  # outside the f-string, where Babel finds it
        _text("room-side", f"<b>{closed}</b>")
    if info.hidden:
        _text("room-side", _("Roles appear after the reveal"))
    elif count < MIN_FOR_BREAKDOWN:
        waiting = MIN_FOR_BREAKDOWN - count
        _text(
            "room-side",
            _(
                "Role breakdown at {n} answers ({waiting} to go)",
                n=MIN_FOR_BREAKDOWN,
                waiting=waiting,
            ),
        )
    else:
        with st.container(key="present_roles"):
            st.plotly_chart(
                view.breakdown(),
                key="present_roles_chart",
                config=_CHART_CONFIG,
                width="stretch",
                height="stretch",
            )


def render_projector(view: RoomView, base: str | None) -> None:
    """The projector page for this version of the room, on the screen the host chose."""
    st.html(_CSS)
    if view.snapshot.room.screen == "map":
        render_map_screen(view, base)
    else:
        render_joining(view, base)
    st.session_state[DRAWN_VERSION] = view.version


@st.fragment(run_every=REFRESH_S)
def watch_room(code: str) -> None:
    """Rerun the page when the room has a new version (or is gone); otherwise do nothing."""
    try:
        changed = current_version(code) != st.session_state.get(DRAWN_VERSION)
    except (SkillsMapError, SQLAlchemyError):
        changed = True  # gone or unreadable: the full run shows why, with advice
    if changed:
        st.rerun()
