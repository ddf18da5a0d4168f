"""Turning domain errors into a message a person can act on, never a traceback."""

from __future__ import annotations

import streamlit as st

from components.lang import _, current_lang
from roles.errors import CatalogError, SkillsMapError


def error_text(exc: SkillsMapError, *, context: str = "") -> str:
    """The error in the page's language, after `context` (what was being done) if given."""
    lang = current_lang()
    if isinstance(exc, CatalogError):
        items = "\n".join(f"- {p}" for p in exc.problem_texts(lang))
        text = _(
            "The catalog file `{path}` is not valid. Fix these and reload:\n\n{items}",
            path=exc.path,
            items=items,
        )
    else:
        text = exc.text(lang)
    return _("{context}: {message}", context=context, message=text) if context else text


def render_error(exc: SkillsMapError, *, context: str = "") -> None:
    """Show a domain error as an `st.error` with advice."""
    st.error(error_text(exc, context=context), icon=":material/error:")
