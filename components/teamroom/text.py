"""Text people typed (team names, member names), shown as typed: never as Markdown or HTML."""

from __future__ import annotations

import re

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md(text: object) -> str:
    """`text` escaped for st.markdown: every Markdown special character taken literally."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", str(text))


def spaced_code(code: str) -> str:
    """A room code as people read it aloud: 'K7M Q2P'."""
    return f"{code[:3]} {code[3:]}"
