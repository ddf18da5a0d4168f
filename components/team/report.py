"""A one-page, self-contained HTML team report: the map as an image, coverage and hire-next.

The report is meant to be e-mailed, so the map is a static PNG made by kaleido (with the
machine's Chrome or Chromium) rather than 4.8 MB of embedded plotly.js.
"""

from __future__ import annotations

import atexit
import base64
import html
import logging
import threading

import plotly.graph_objects as go

from roles.coverage import TeamAnalysis
from roles.models import Catalog

_LOG = logging.getLogger(__name__)
_STYLE = """
body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;max-width:980px;margin:2em auto;
padding:0 1em;color:#111418}
h1{margin-bottom:.2em} .muted{color:#50555d}
table{border-collapse:collapse;width:100%;margin:.5em 0}
th,td{text-align:left;padding:.35em .6em;border-bottom:1px solid #c9ced6;vertical-align:top}
img{max-width:100%;height:auto} .missing{color:#b00020;font-weight:600}
.single{color:#8a4b00;font-weight:600}
"""
STATUS_LABELS = {"missing": "nobody fits", "single": "one person only", "covered": "covered"}
IMAGE_SIZE = (820, 760)
_image_lock = threading.Lock()
_server_started = False


def _e(value: object) -> str:
    return html.escape(str(value))


def coverage_table_html(analysis: TeamAnalysis) -> str:
    """Who fits each role at the threshold, as an HTML table whose names wrap."""
    t = f"{analysis.coverage.threshold:g}"
    rows = []
    for r in analysis.coverage.roles:
        status = f'<span class="{r.status}">{STATUS_LABELS[r.status]}</span>'
        who = ", ".join(_e(n) for n in r.members) or "&mdash;"
        rows.append(
            f"<tr><td>{_e(r.name)}</td><td>{r.count}</td><td>{status}</td><td>{who}</td></tr>"
        )
    return (
        '<table class="sm-table"><thead><tr><th scope="col">Role</th>'
        f'<th scope="col">People with fit &ge; {t}</th><th scope="col">Status</th>'
        f'<th scope="col">Who (fit &ge; {t}, best first)</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


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


def map_png(fig: go.Figure) -> bytes | None:
    """The figure as a PNG, or None when no Chrome or Chromium can draw it here.

    The first image starts a browser for that one call, which reports a missing or broken
    browser as an error; after that a kaleido server keeps one open (~0.3 s an image).
    """
    import kaleido

    global _server_started
    width, height = IMAGE_SIZE
    spec = fig.to_dict()
    spec["layout"].update(width=width, height=height)
    opts = {"format": "png", "width": width, "height": height, "scale": 1.5}
    with _image_lock:
        try:
            if _server_started:
                return bytes(kaleido.calc_fig_sync(spec, opts=opts))
            image = bytes(kaleido.calc_fig_sync(spec, opts=opts, kopts={"mathjax": False}))
            kaleido.start_sync_server(silence_warnings=True, mathjax=False)
            # Stopped at exit: left running, its browser profile folder is cleaned up by the
            # interpreter's shutdown with a ResourceWarning (a traceback at the end of a run).
            atexit.register(kaleido.stop_sync_server, silence_warnings=True)
            _server_started = True
            return image
        except (RuntimeError, OSError, TimeoutError) as exc:  # no browser, or it failed
            _LOG.warning("map image for the team report failed: %s", exc)
            return None


def _map_html(image: bytes | None, alt: str) -> str:
    if image is None:
        return (
            '<p class="muted">The map image could not be made on this server (it needs '
            "Chrome or Chromium). The tables below hold the same information.</p>"
        )
    data = base64.b64encode(image).decode("ascii")
    return f'<img src="data:image/png;base64,{data}" alt="{_e(alt)}" width="{IMAGE_SIZE[0]}">'


def build_report_html(
    analysis: TeamAnalysis,
    catalog: Catalog,
    image: bytes | None,
    *,
    alt: str = "The team on the skills map.",
    title: str = "Team skills map",
) -> str:
    """The report as one small HTML file that opens offline; `image` is the map as PNG."""
    cov = analysis.coverage
    size = len(analysis.fitted)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{_e(title)}</title>
<style>{_STYLE}</style></head><body>
<h1>{_e(title)}</h1>
<p class="muted">{size} people on the {_e(catalog.title)}. A person covers a role when their fit
is at least {cov.threshold:g} out of 100. Made with ML Skills Map.</p>
{_map_html(image, alt)}
<h2>Coverage</h2>
{coverage_table_html(analysis)}
{_hire_heading(analysis)}
{_hire_items(analysis)}
<h2>Team</h2>
<table><tr><th>Name</th><th>Best fit</th><th>Fit</th><th>ML</th><th>Software engineering</th>
<th>Communication</th></tr>{_member_rows(analysis)}</table>
</body></html>
"""
