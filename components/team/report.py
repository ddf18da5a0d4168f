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
from roles.i18n import DEFAULT_LANG, LANG_TAGS, N_, Lang, colon, listing, sentences, tr
from roles.models import Catalog

_LOG = logging.getLogger(__name__)
# Chinese text falls back to the reader's Chinese fonts (PingFang, YaHei, Noto Sans CJK).
_STYLE = """
body{font-family:system-ui,-apple-system,Segoe UI,"PingFang SC","Microsoft YaHei",
"Noto Sans CJK SC","Noto Sans SC",sans-serif;max-width:980px;margin:2em auto;
padding:0 1em;color:#111418}
h1{margin-bottom:.2em} .muted{color:#50555d}
table{border-collapse:collapse;width:100%;margin:.5em 0}
th,td{text-align:left;padding:.35em .6em;border-bottom:1px solid #c9ced6;vertical-align:top}
img{max-width:100%;height:auto} .missing{color:#b00020;font-weight:600}
.single{color:#8a4b00;font-weight:600}
"""
STATUS_LABELS = {
    "missing": N_("nobody covers it"),
    "single": N_("one person only"),
    "covered": N_("covered"),
}
IMAGE_SIZE = (820, 760)
_image_lock = threading.Lock()
_server_started = False


def _e(value: object) -> str:
    return html.escape(str(value))


def coverage_table_html(analysis: TeamAnalysis, lang: Lang = DEFAULT_LANG) -> str:
    """Who covers each role, as an HTML table whose names wrap (in `lang`)."""
    rows = []
    for r in analysis.coverage.roles:
        status = f'<span class="{r.status}">{_e(tr(lang, STATUS_LABELS[r.status]))}</span>'
        who = listing(lang, [_e(n) for n in r.members]) or "&mdash;"
        rows.append(
            f"<tr><td>{_e(r.name)}</td><td>{r.count}</td><td>{status}</td><td>{who}</td></tr>"
        )
    heads = [
        tr(lang, "Role"),
        tr(lang, "People in its region"),
        tr(lang, "Status"),
        tr(lang, "Who (best fit first)"),
    ]
    cells = "".join(f'<th scope="col">{_e(h)}</th>' for h in heads)
    return (
        f'<table class="sm-table"><thead><tr>{cells}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _hire_heading(analysis: TeamAnalysis, lang: Lang) -> str:
    goal = analysis.archetype
    if goal is None:
        heading = tr(lang, "Hire next: fill the gaps")
        note = tr(
            lang,
            "No organisation archetype was chosen as the goal, so these are the roles nobody or "
            "one person covers.",
        )
        return f'<h2>{_e(heading)}</h2><p class="muted">{_e(note)}</p>'
    heading = tr(lang, "Hire next for &ldquo;{goal}&rdquo;", goal=_e(goal.name))  # HTML
    return f'<h2>{heading}</h2><p class="muted">{_e(goal.description)}</p>'


def _hire_items(analysis: TeamAnalysis, lang: Lang) -> str:
    if not analysis.hire:
        nothing = tr(lang, "Nothing to add: the team already has what the goal calls for.")
        return f"<p>{_e(nothing)}</p>"
    items = []
    for h in analysis.hire:
        look = tr(
            lang,
            "look for ML about {ml:.1f}, software engineering about {swe:.1f}, communication at "
            "least {comm:.1f}.",
            ml=h.target.ml,
            swe=h.target.swe,
            comm=h.target.comm,
        )
        details = _e(sentences(lang, look, h.reason))
        items.append(f"<li><b>{_e(h.name)}</b>{colon(lang)}{details}</li>")
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


def _map_html(image: bytes | None, alt: str, lang: Lang) -> str:
    if image is None:
        missing = tr(
            lang,
            "The map image could not be made on this server (it needs Chrome or Chromium). The "
            "tables below hold the same information.",
        )
        return f'<p class="muted">{_e(missing)}</p>'
    data = base64.b64encode(image).decode("ascii")
    return f'<img src="data:image/png;base64,{data}" alt="{_e(alt)}" width="{IMAGE_SIZE[0]}">'


def build_report_html(
    analysis: TeamAnalysis,
    catalog: Catalog,
    image: bytes | None,
    *,
    alt: str | None = None,
    title: str | None = None,
) -> str:
    """The report as one small HTML file that opens offline; `image` is the map as PNG. It is
    written in the catalog's language."""
    lang = catalog.lang
    title = title or tr(lang, "Team skills map")
    intro = tr(
        lang,
        "{n} people on the {chart}. A person covers the role that is their best fit when they "
        "are inside its region or beyond it in its open direction. Made with ML Skills Map.",
        n=len(analysis.fitted),
        chart=catalog.title,
    )
    heads = [
        tr(lang, h)
        for h in (
            N_("Name"),
            N_("Best fit"),
            N_("Fit"),
            N_("ML"),
            N_("Software engineering"),
            N_("Communication"),
        )
    ]
    head_row = "".join(f"<th>{_e(h)}</th>" for h in heads)
    # Messages are said before the template: Babel does not look inside f-strings.
    alt = alt or tr(lang, "The team on the skills map.")
    coverage, team = tr(lang, "Coverage"), tr(lang, "Team")
    return f"""<!doctype html>
<html lang="{LANG_TAGS[lang]}"><head><meta charset="utf-8"><title>{_e(title)}</title>
<style>{_STYLE}</style></head><body>
<h1>{_e(title)}</h1>
<p class="muted">{_e(intro)}</p>
{_map_html(image, alt, lang)}
<h2>{_e(coverage)}</h2>
{coverage_table_html(analysis, lang)}
{_hire_heading(analysis, lang)}
{_hire_items(analysis, lang)}
<h2>{_e(team)}</h2>
<table><tr>{head_row}</tr>{_member_rows(analysis)}</table>
</body></html>
"""
