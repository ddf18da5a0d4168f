"""Turning domain errors into a message a person can act on, never a traceback."""

from __future__ import annotations

import streamlit as st

from components.lang import _, current_lang
from components.text import md_escape
from roles.errors import CatalogError, SkillsMapError
from roles.i18n import escaping
from store.errors import StoreFault


def error_text(exc: SkillsMapError, *, context: str = "") -> str:
    """The error in the page's language as Markdown, after `context` (what was being done) if
    given. What people typed or sent (a name, a code, a file name) is escaped in it; a database
    fault is said without the database's file or server, which only the log names."""
    lang = current_lang()
    with escaping(md_escape):
        if isinstance(exc, CatalogError):
            items = "\n".join(f"- {p}" for p in exc.problem_texts(lang))
        elif isinstance(exc, StoreFault):
            text = exc.public_text(lang)
        else:
            text = exc.text(lang)
    if isinstance(exc, CatalogError):
        text = _(
            "The catalog file `{path}` is not valid. Fix these and reload:\n\n{items}",
            path=exc.path,
            items=items,
        )
    return _("{context}: {message}", context=context, message=text) if context else text


def render_error(exc: SkillsMapError, *, context: str = "") -> None:
    """Show a domain error as an `st.error` with advice."""
    st.error(error_text(exc, context=context), icon=":material/error:")
