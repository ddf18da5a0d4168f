"""Small helpers for AppTest-based page tests."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path
from typing import Any

import numpy as np
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]


def app(page: str | None = None, **query: str) -> AppTest:
    """The whole app (navigation included), optionally switched to a page, not yet run."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    for k, v in query.items():
        at.query_params[k] = v
    if page:
        at.switch_page(page)
    return at


def html_bodies(at: AppTest) -> list[str]:
    """The bodies of every `st.html` element (style sheets included)."""
    return [h.proto.body for h in at.get("html")]


def figures(at: AppTest) -> list[dict[str, Any]]:
    """Every plotly figure the page sent, as JSON."""
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def values(v: Any) -> list[Any]:
    """Plotly 7 sends numpy arrays as base64 blobs; decode those, pass lists through."""
    if isinstance(v, dict) and "bdata" in v:
        return np.frombuffer(base64.b64decode(v["bdata"]), v["dtype"]).tolist()
    return list(v)


def texts(at: AppTest) -> str:
    """All headings, markdown, captions and alerts of the page, joined, for 'is it on the page'
    checks."""
    parts = [h.value for kind in ("title", "header", "subheader") for h in at.get(kind)]
    parts += [m.value for m in at.markdown] + [c.value for c in at.caption]
    for kind in ("success", "info", "warning", "error"):
        parts += [e.value for e in at.get(kind)]
    return "\n".join(str(p) for p in parts)


_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~$])")


def shown(markdown: str) -> str:
    """Markdown as a person reads it: backslash escapes (of names, codes, file names) undone."""
    return _ESCAPED.sub(r"\1", markdown)


def questionnaire(at: AppTest) -> AppTest:
    """The Me page switched to the questionnaire."""
    at.radio(key="me_mode").set_value("Questionnaire").run()
    return at


def submit_answers(at: AppTest) -> AppTest:
    """Press the questionnaire's "Use these answers"."""
    submit = next(b for b in at.get("form_submit_button") if "Use these answers" in b.label)
    return submit.click().run()
