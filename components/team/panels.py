"""The Team page's panels: coverage, archetype and hire-next, job-posting check, exports."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from components.map_text import team_summary
from components.skills_map import PLOT_CONFIG
from components.team.report import build_report_html, coverage_table_html, map_png
from components.text import md_escape
from roles.archetypes import ArchetypeCatalog
from roles.coverage import DEFAULT_THRESHOLD, TeamAnalysis
from roles.export import safe_csv
from roles.models import Catalog, Profile
from roles.posting import PostingCheck, check_posting

THRESHOLD = "team_threshold"
NAMES = "team_names"
ARCHETYPE = "team_archetype"
AUTO = "auto"
POSTING_ON = "team_posting_on"
POSTING_PREFIX = "team_post_"


def render_controls() -> tuple[float, bool]:
    """Threshold slider and the name-label toggle."""
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    threshold = left.slider(
        "A person covers a role when their fit is at least",
        0,
        100,
        value=int(DEFAULT_THRESHOLD),
        step=5,
        key=THRESHOLD,
        help="Fit is 100 at a role's centre, 80 on the edge of its region and falls with distance.",
    )
    names = right.toggle("Show names on the map", key=NAMES)
    return float(threshold), bool(names)


def chosen_archetype() -> str | None:
    """The archetype the manager picked as their goal, or None while none is chosen."""
    value = st.session_state.get(ARCHETYPE, AUTO)
    return None if value == AUTO else str(value)


def _choose(archetype_id: str) -> None:
    st.session_state[ARCHETYPE] = archetype_id


def render_coverage(analysis: TeamAnalysis) -> None:
    """Who covers each role, with warnings for missing and single-person roles."""
    cov = analysis.coverage
    # An HTML table, not a data grid: the names wrap instead of being cut at the column edge.
    st.html(coverage_table_html(analysis))
    st.caption(
        f"A person covers every role they fit at {cov.threshold:g} or more, so one person can "
        "count for several roles. The map's legend counts each person once, under their best fit."
    )
    names = {r.role: r.name for r in cov.roles}
    if cov.missing:
        missing = ", ".join(names[r] for r in cov.missing)
        st.warning(
            f"Missing roles (nobody fits at {cov.threshold:g}): {missing}",
            icon=":material/person_off:",
        )
    if cov.single:
        single = ", ".join(names[r] for r in cov.single)
        st.info(
            f"Covered by one person only, a risk if they leave: {single}", icon=":material/person:"
        )


def render_archetype(analysis: TeamAnalysis, book: ArchetypeCatalog) -> None:
    """The goal the manager picks (the closest archetype only suggested) and the hire-next list."""
    suggested, similarity = analysis.ranking[0]
    labels = {AUTO: "Not chosen yet", **{a.id: a.name for a in book.archetypes}}
    st.selectbox(
        "The organisation you are building",
        list(labels),
        format_func=labels.get,
        key=ARCHETYPE,
        help="Hire next grows the team toward this. Your team's current shape is only a hint: "
        "copying it repeats what the team already is.",
    )
    note, button = st.columns([3, 1], vertical_alignment="center")
    note.caption(
        f"Closest to your team today: {suggested.name} ({similarity:.0%} similar). "
        "That is where the team is, not necessarily where it should go."
    )
    if analysis.archetype is None:
        button.button(
            f"Use {suggested.name}",
            on_click=_choose,
            args=(suggested.id,),
            key="team_use_suggested",
        )
    a = analysis.archetype
    if a is not None:
        st.markdown(f"**{a.name}** (stage {a.stage} of 5). {a.description}")
        pros, cons = st.columns(2)
        pros.markdown("**Advantages**\n" + "".join(f"\n- {x}" for x in a.advantages))
        cons.markdown("**Drawbacks**\n" + "".join(f"\n- {x}" for x in a.drawbacks))
        with st.expander("Where it stands on the three design choices"):
            for choice in book.design_choices:
                st.markdown(f"**{choice.name}**: {a.design[choice.id]}")
    st.subheader("Hire next" if a else "Hire next: fill the gaps")
    if not analysis.hire:
        st.success(
            "Every role is covered by at least two people."
            if a is None
            else "The team already has this archetype's mix of roles."
        )
    for i, h in enumerate(analysis.hire, 1):
        t = h.target
        st.markdown(
            f"{i}. **{h.name}**: look for ML about {t.ml:.1f}, software engineering about "
            f"{t.swe:.1f}, communication at least {t.comm:.1f}. {h.reason}"
        )


def render_posting(catalog: Catalog, threshold: float) -> PostingCheck | None:
    """Levels a job posting demands, the roles it matches and the unicorn warning."""
    if not st.toggle("Check a job posting", key=POSTING_ON):
        return None
    values = {
        axis: st.slider(label, 0.0, 10.0, value=default, step=0.5, key=f"{POSTING_PREFIX}{axis}")
        for axis, label, default in (
            ("ml", "ML expertise the posting asks for", 8.0),
            ("swe", "Software engineering it asks for", 8.0),
            ("comm", "Communication it asks for", 5.0),
        )
    }
    result = check_posting(Profile(**values), catalog, threshold)
    names = {r.id: r.name for r in catalog.roles}
    if result.matched:
        st.success("Matches: " + ", ".join(names[r] for r in result.matched))
    elif result.unicorn:
        st.error(
            "A unicorn posting: it asks for more than any role on the map, so almost nobody "
            "meets it.\n\n" + "\n".join(f"- {s}" for s in result.suggestions),
            icon=":material/warning:",
        )
    else:
        best = result.fits[0]
        st.info(f"No role fits at {threshold:g}; the closest is {best.name} (fit {best.fit:.0f}).")
    return result


def render_exports(
    analysis: TeamAnalysis, catalog: Catalog, fig: go.Figure, *, title: str = "Team skills map"
) -> None:
    """Coverage CSV, team CSV with best-fit roles, and the one-page HTML report (`title` heads
    it: the team room's name and round when the team comes from one)."""
    team = analysis.fitted[["name", "title", "ml", "swe", "comm", "best_role_name", "best_fit"]]
    team = team.rename(columns={"best_role_name": "best_fit_role"}).round({"best_fit": 1})
    a, b, c = st.columns(3)
    a.download_button(
        "Coverage (CSV)",
        safe_csv(analysis.coverage.as_frame()),
        file_name="team-coverage.csv",
        mime="text/csv",
    )
    b.download_button(
        "Team with best roles (CSV)", safe_csv(team), file_name="team-roles.csv", mime="text/csv"
    )
    alt = team_summary(analysis.fitted, catalog, analysis.centroid)
    c.download_button(
        "One-page report (HTML)",
        lambda: build_report_html(analysis, catalog, map_png(fig), alt=alt, title=title),
        file_name="team-report.html",
        mime="text/html",
    )


def render_team_map(fig: go.Figure, summary: str) -> None:
    """The team map, described for screen readers, with anyone left unlabelled listed below."""
    config = {**PLOT_CONFIG, "toImageButtonOptions": {"filename": "team-skills-map", "scale": 2}}
    st.plotly_chart(fig, key="team_map", theme=None, height="stretch", config=config, alt=summary)
    unlabelled = (fig.layout.meta or {}).get("unlabelled", [])
    if unlabelled:
        st.caption(
            "No room on the map for these names (tap or point at a marker to see who it is): "
            + ", ".join(md_escape(n) for n in unlabelled)
        )
