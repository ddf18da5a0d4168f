"""The Team page's panels: coverage, archetype and hire-next, job-posting check, exports."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from components.choices import watch_slider
from components.lang import _, current_lang
from components.map_text import team_summary
from components.me.rating import STEPS
from components.skills_map import PLOT_CONFIG
from components.team.map import NARROW_BELOW_PX
from components.team.report import build_report_html, coverage_table_html, map_png
from components.text import md_escape
from roles.archetypes import ArchetypeCatalog, HireSuggestion
from roles.coverage import TeamAnalysis
from roles.export import safe_csv
from roles.i18n import listing, sentences
from roles.models import Catalog, Profile
from roles.posting import PostingCheck, check_posting

NAMES = "team_names"
ARCHETYPE = "team_archetype"
AUTO = "auto"
POSTING_ON = "team_posting_on"
POSTING_PREFIX = "team_post_"


def render_controls() -> tuple[bool, bool]:
    """The map's two toggles side by side: names on the map, and the job posting check (one
    click away, its inputs drawn beside the map)."""
    names, posting = st.columns(2)
    with names:
        show = bool(st.toggle(_("Show names on the map"), key=NAMES))
    with posting:
        check = bool(st.toggle(_("Check a job posting"), key=POSTING_ON))
    return show, check


def _half(value: float) -> str:
    """A score as people write it: "8" or "7.5", never "8.00"."""
    return f"{value:g}"


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
    st.html(coverage_table_html(analysis, current_lang()))
    st.caption(
        _(
            "A person covers the role that is their best fit when they are inside its region "
            "or beyond it in its open direction (where more never lowers that role's fit), so "
            "coverage counts each person once, as the map's legend does."
        )
    )
    outside = analysis.fitted[~analysis.fitted["in_region"].astype(bool)]
    if len(outside):
        who = [
            _("{name} (best fit: {role})", name=md_escape(str(r["name"])), role=r["best_role_name"])
            for r in outside.to_dict("records")
        ]
        st.caption(
            _(
                "Outside the region of their best fit, so covering no role yet: {people}",
                people=listing(current_lang(), who),
            )
        )
    names = {r.role: r.name for r in cov.roles}
    lang = current_lang()
    if cov.missing:
        missing = listing(lang, [names[r] for r in cov.missing])
        st.warning(
            _("Missing roles (nobody covers them): {roles}", roles=missing),
            icon=":material/person_off:",
        )
    if cov.single:
        single = listing(lang, [names[r] for r in cov.single])
        st.info(
            _("Covered by one person only, a risk if they leave: {roles}", roles=single),
            icon=":material/person:",
        )


def render_archetype(analysis: TeamAnalysis, book: ArchetypeCatalog) -> None:
    """The goal the manager picks (the closest archetype only suggested) and the hire-next list."""
    suggested, similarity = analysis.ranking[0]
    labels = {AUTO: _("Not chosen yet"), **{a.id: a.name for a in book.archetypes}}
    st.selectbox(
        _("The organisation you are building"),
        list(labels),
        format_func=lambda choice: labels.get(choice, str(choice)),
        key=ARCHETYPE,
        help=_(
            "Hire next grows the team toward this. Your team's current shape is only a hint: "
            "copying it repeats what the team already is."
        ),
    )
    note, button = st.columns([3, 1], vertical_alignment="center")
    note.caption(
        _(
            "Closest to your team today: {name} ({similarity:.0%} similar). That is where the "
            "team is, not necessarily where it should go.",
            name=suggested.name,
            similarity=similarity,
        )
    )
    if analysis.archetype is None:
        button.button(
            _("Use {name}", name=suggested.name),
            on_click=_choose,
            args=(suggested.id,),
            key="team_use_suggested",
        )
    a = analysis.archetype
    if a is not None:
        stage = _("**{name}** (stage {stage} of 5).", name=a.name, stage=a.stage)
        st.markdown(sentences(current_lang(), stage, a.description))
        pros, cons = st.columns(2)
        pros.markdown(_("**Advantages**") + "\n" + "".join(f"\n- {x}" for x in a.advantages))
        cons.markdown(_("**Drawbacks**") + "\n" + "".join(f"\n- {x}" for x in a.drawbacks))
        with st.expander(_("Where it stands on the three design choices")):
            for choice in book.design_choices:
                st.markdown(
                    _("**{choice}**: {stand}", choice=choice.name, stand=a.design[choice.id])
                )
    st.subheader(_("Hire next") if a else _("Hire next: fill the gaps"))
    if not analysis.hire:
        st.success(
            _("Every role is covered by at least two people.")
            if a is None
            else _("The team already has this archetype's mix of roles.")
        )
    for i, h in enumerate(analysis.hire, 1):
        st.markdown(f"{i}. " + hire_line(h))


def hire_line(h: HireSuggestion) -> str:
    """One hire: the role, the profile to look for and why (Markdown)."""
    look = _(
        "**{role}**: look for ML about {ml:.1f}, software engineering about {swe:.1f}, "
        "communication at least {comm:.1f}.",
        role=h.name,
        ml=h.target.ml,
        swe=h.target.swe,
        comm=h.target.comm,
    )
    return sentences(current_lang(), look, h.reason)


def render_posting(catalog: Catalog) -> PostingCheck:
    """Levels a job posting demands (in half steps), the roles it matches and the unicorn
    warning: drawn beside the map, where its star appears."""
    st.markdown("**" + _("Job posting check") + "**")
    values = {}
    for axis, label, default in (
        ("ml", _("ML expertise the posting asks for"), 8.0),
        ("swe", _("Software engineering it asks for"), 8.0),
        ("comm", _("Communication it asks for"), 5.0),
    ):
        key = f"{POSTING_PREFIX}{axis}"
        if key not in st.session_state:
            st.session_state[key] = default
        values[axis] = float(st.select_slider(label, options=STEPS, key=key, format_func=_half))
        watch_slider(key, STEPS, _half)
    result = check_posting(Profile(**values), catalog)
    names = {r.id: r.name for r in catalog.roles}
    if result.matched:
        matches = listing(current_lang(), [names[r] for r in result.matched])
        st.success(_("Matches: {roles}", roles=matches))
    elif result.unicorn:
        st.error(
            _(
                "A unicorn posting: it asks for more than any role on the map, so almost nobody "
                "meets it."
            )
            + "\n\n"
            + "\n".join(f"- {s}" for s in result.suggestions),
            icon=":material/warning:",
        )
    else:
        best = result.fits[0]
        st.info(
            _(
                "No role's region holds this posting; the closest is {role} (fit {fit:.0f}).",
                role=best.name,
                fit=best.fit,
            )
        )
    return result


def render_exports(
    analysis: TeamAnalysis, catalog: Catalog, fig: go.Figure, *, title: str | None = None
) -> None:
    """Coverage CSV, team CSV with best-fit roles, and the one-page HTML report (`title` heads
    it: the team room's name and round when the team comes from one)."""
    team = analysis.fitted[["name", "title", "ml", "swe", "comm", "best_role_name", "best_fit"]]
    team = team.rename(columns={"best_role_name": "best_fit_role"}).round({"best_fit": 1})
    a, b, c = st.columns(3)
    a.download_button(
        _("Coverage (CSV)"),
        safe_csv(analysis.coverage.as_frame()),
        file_name="team-coverage.csv",
        mime="text/csv",
    )
    b.download_button(
        _("Team with best roles (CSV)"),
        safe_csv(team),
        file_name="team-roles.csv",
        mime="text/csv",
    )
    alt = team_summary(analysis.fitted, catalog, analysis.centroid)
    c.download_button(
        _("One-page report (HTML)"),
        lambda: build_report_html(analysis, catalog, map_png(fig), alt=alt, title=title),
        file_name="team-report.html",
        mime="text/html",
    )


# The map placed for a phone is shown only where the map's column is narrow, the desktop one
# elsewhere (a container query: the column's width, not the screen's, decides). Static CSS.
_WIDTH_CSS = f"""<style>
.st-key-team_maps {{ container-type: inline-size; }}
@container (max-width: {NARROW_BELOW_PX - 1}px) {{ .st-key-team_map_wide {{ display: none; }} }}
@container (min-width: {NARROW_BELOW_PX}px) {{ .st-key-team_map_narrow {{ display: none; }} }}
</style>"""


def render_team_map(figs: list[go.Figure], summary: str) -> None:
    """The team map, described for screen readers, with the key to any numbered markers below;
    with a second (narrow) figure, each is shown where the map's column fits it."""
    config = {**PLOT_CONFIG, "toImageButtonOptions": {"filename": "team-skills-map", "scale": 2}}
    if len(figs) > 1:
        st.html(_WIDTH_CSS)
    with st.container(key="team_maps"):
        for fig, where in zip(figs, ("wide", "narrow"), strict=False):
            chart = "team_map" if where == "wide" else "team_map_phone"
            with st.container(key=f"team_map_{where}"):
                st.plotly_chart(
                    fig, key=chart, theme=None, height="stretch", config=config, alt=summary
                )
                _render_key(fig)


def _render_key(fig: go.Figure) -> None:
    numbered = (fig.layout.meta or {}).get("numbered", [])
    if numbered:
        names = [f"**{number}** {md_escape(name)}" for number, name in numbered]
        st.caption(
            _(
                "Numbers on the map (no room for these names beside their markers): {names}",
                names=listing(current_lang(), names),
            )
        )
