"""Showing text people typed (names, room titles) exactly as typed, in Markdown and in charts."""

from __future__ import annotations

import html
import re

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")


def md_escape(text: str) -> str:
    """Text for `st.markdown`: shown as typed, never as Markdown, HTML or a link."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text)


def plot_text(value: object) -> str:
    """Text for plotly labels: `<`, `>` and `&` escaped; quotes kept, since plotly shows
    `&quot;` literally (html.escape's default made names like Ann "Boss" read `&quot;`)."""
    return html.escape(str(value), quote=False)
