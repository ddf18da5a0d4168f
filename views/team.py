"""Team: map a whole team, see covered and missing roles, and whom to hire next."""

import streamlit as st

from components.catalogs import cached_archetypes, cached_catalog
from components.errors import render_error
from components.lang import _
from components.map_text import team_summary
from components.team import input as team_in
from components.team import panels
from components.team.map import team_map_figure
from components.teamroom import page as room_page
from roles.coverage import analyse_team
from roles.errors import SkillsMapError

team_in.init_team_state()
st.title(_("Team map"))
room = room_page.render_room_panel()  # the caption, and the team room this tab manages
with st.sidebar:
    st.radio(_("Chart edition"), ["2021", "2022"], key="team_catalog", horizontal=True)
catalog = cached_catalog(st.session_state.get("team_catalog", "2021"))

table = room_page.render_team_source(room)
team_in.render_problems(table)
if table.members.empty:
    st.info(room_page.empty_hint(room))
    st.stop()

show_names, posting_on = panels.render_controls()
try:
    book = cached_archetypes()
    chosen = panels.chosen_archetype()
    analysis = analyse_team(table.members, catalog, archetype_id=chosen, archetypes=book)
except SkillsMapError as exc:
    render_error(exc)
    st.stop()

# The posting's inputs and verdict sit beside the map, where its star is drawn.
map_slot, post_slot = st.columns([3, 1]) if posting_on else (st.container(), None)
if post_slot is not None:
    with post_slot:
        posting = panels.render_posting(catalog)
demand = posting.demand if post_slot is not None else None
names = [_("Coverage"), _("Archetype and hire next"), _("Export")]
tabs = st.tabs([*names, *room_page.tab_names(room)])
cover_tab, hire_tab, export_tab = tabs[:3]
with cover_tab:
    panels.render_coverage(analysis)
with hire_tab:
    panels.render_archetype(analysis, book)
figs = [
    room_page.with_ratings(
        team_map_figure(
            analysis.fitted,
            catalog,
            show_names=show_names,
            centroid=analysis.centroid,
            posting=demand,
            width=width,
        ),
        room,
        analysis,
    )
    for width in (["wide", "narrow"] if show_names else ["wide"])
]
fig = figs[0]
with map_slot:
    panels.render_team_map(figs, team_summary(analysis.fitted, catalog, analysis.centroid))
with export_tab:
    panels.render_exports(analysis, catalog, fig, title=room_page.report_title(room))
room_page.render_tabs(tabs[3:], room, analysis, catalog)
