"""A one-page, self-contained HTML team report: the map, coverage and hire-next (pure function)."""

from __future__ import annotations

import html

import plotly.graph_objects as go

from roles.coverage import TeamAnalysis
from roles.models import Catalog

_STYLE = """
body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;max-width:980px;margin:2em auto;
padding:0 1em;color:#222}
h1{margin-bottom:.2em} .muted{color:#666} table{border-collapse:collapse;width:100%;margin:.5em 0}
th,td{text-align:left;padding:.35em .6em;border-bottom:1px solid #ddd;vertical-align:top}
.missing{color:#b00020;font-weight:600} .single{color:#a15c00;font-weight:600}
"""
STATUS_LABELS = {"missing": "nobody fits", "single": "one person only", "covered": "covered"}


def _e(value: object) -> str:
    return html.escape(str(value))


def _coverage_rows(analysis: TeamAnalysis) -> str:
    rows = []
    for r in analysis.coverage.roles:
        status = f'<span class="{r.status}">{STATUS_LABELS[r.status]}</span>'
        who = ", ".join(_e(n) for n in r.members) or "&mdash;"
        rows.append(
            f"<tr><td>{_e(r.name)}</td><td>{r.count}</td><td>{status}</td><td>{who}</td></tr>"
        )
    return "".join(rows)


def _hire_heading(analysis: TeamAnalysis) -> str:
    goal = analysis.archetype
    if goal is None:
        return (
            '<h2>Hire next: fill the gaps</h2><p class="muted">No organisation archetype '
            "was chosen as the goal, so these are the roles nobody or one person covers.</p>"
        )
    return (
        f"<h2>Hire next for &ldquo;{_e(goal.name)}&rdquo;</h2>"
        f'<p class="muted">{_e(goal.description)}</p>'
    )


def _hire_items(analysis: TeamAnalysis) -> str:
    if not analysis.hire:
        return "<p>Nothing to add: the team already has what the goal calls for.</p>"
    items = [
        f"<li><b>{_e(h.name)}</b>: look for ML about {h.target.ml:.1f}, software engineering "
        f"about {h.target.swe:.1f}, communication at least {h.target.comm:.1f}. {_e(h.reason)}</li>"
        for h in analysis.hire
    ]
    return "<ol>" + "".join(items) + "</ol>"


def _member_rows(analysis: TeamAnalysis) -> str:
    return "".join(
        f"<tr><td>{_e(m['name'])}</td><td>{_e(m['best_role_name'])}</td>"
        f"<td>{m['best_fit']:.0f}</td><td>{m['ml']:.1f}</td><td>{m['swe']:.1f}</td>"
        f"<td>{m['comm']:.1f}</td></tr>"
        for m in analysis.fitted.to_dict("records")
    )


def build_report_html(
    analysis: TeamAnalysis, catalog: Catalog, fig: go.Figure, *, title: str = "Team skills map"
) -> str:
    """The report as one HTML file that opens offline (plotly.js is embedded)."""
    chart = fig.to_html(full_html=False, include_plotlyjs=True, config={"displaylogo": False})
    cov = analysis.coverage
    size = len(analysis.fitted)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{_e(title)}</title>
<style>{_STYLE}</style></head><body>
<h1>{_e(title)}</h1>
<p class="muted">{size} people on the {_e(catalog.title)}. A person covers a role when their fit
is at least {cov.threshold:g} out of 100. Made with ML Skills Map.</p>
{chart}
<h2>Coverage</h2>
<table><tr><th>Role</th><th>People</th><th>Status</th><th>Who</th></tr>{_coverage_rows(analysis)}</table>
{_hire_heading(analysis)}
{_hire_items(analysis)}
<h2>Team</h2>
<table><tr><th>Name</th><th>Best fit</th><th>Fit</th><th>ML</th><th>Software engineering</th>
<th>Communication</th></tr>{_member_rows(analysis)}</table>
</body></html>
"""
