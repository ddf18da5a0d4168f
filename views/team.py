"""Team: map a whole team, see covered and missing roles, and whom to hire next."""

import streamlit as st

from components.catalogs import cached_archetypes, cached_catalog
from components.errors import render_error
from components.lang import _
from components.map_text import team_summary
from components.team import input as team_in
from components.team import panels
from components.team.map import team_map_figure
from roles.coverage import analyse_team
from roles.errors import SkillsMapError

team_in.init_team_state()
st.title(_("Team map"))
st.caption(
    _(
        "Put your team on the skills map, see which roles are covered and which are missing, "
        "and what to hire next. The team stays in this browser session: nothing is stored or "
        "logged."
    )
)
with st.sidebar:
    st.radio(_("Chart edition"), ["2021", "2022"], key="team_catalog", horizontal=True)
catalog = cached_catalog(st.session_state.get("team_catalog", "2021"))

team_in.render_sources()
expanded = len(team_in.table_rows()) < 15
with st.expander(_("Team table: edit, add or delete people"), expanded=expanded):
    table = team_in.render_editor()
team_in.render_problems(table)
if table.members.empty:
    st.info(_("Add people to the table, upload a file or load the example team to see the map."))
    st.stop()

threshold, show_names = panels.render_controls()
try:
    book = cached_archetypes()
    chosen = panels.chosen_archetype()
    analysis = analyse_team(
        table.members, catalog, archetype_id=chosen, threshold=threshold, archetypes=book
    )
except SkillsMapError as exc:
    render_error(exc)
    st.stop()

map_slot = st.container()
cover_tab, hire_tab, post_tab, export_tab = st.tabs(
    [_("Coverage"), _("Archetype and hire next"), _("Job posting check"), _("Export")]
)
with cover_tab:
    panels.render_coverage(analysis)
with hire_tab:
    panels.render_archetype(analysis, book)
with post_tab:
    posting = panels.render_posting(catalog, threshold)
demand = posting.demand if posting else None
fig = team_map_figure(
    analysis.fitted, catalog, show_names=show_names, centroid=analysis.centroid, posting=demand
)
with map_slot:
    panels.render_team_map(fig, team_summary(analysis.fitted, catalog, analysis.centroid))
with export_tab:
    panels.render_exports(analysis, catalog, fig)
