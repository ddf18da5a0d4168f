"""Turning domain errors into a message a person can act on, never a traceback."""

from __future__ import annotations

import streamlit as st

from roles.errors import CatalogError, SkillsMapError


def render_error(exc: SkillsMapError, *, context: str = "") -> None:
    """Show a domain error as an `st.error` with advice."""
    prefix = f"{context}: " if context else ""
    if isinstance(exc, CatalogError):
        items = "\n".join(f"- {p}" for p in exc.problems)
        st.error(
            f"{prefix}the catalog file `{exc.path}` is not valid. Fix these and reload:\n\n{items}",
            icon=":material/error:",
        )
        return
    st.error(f"{prefix}{exc}", icon=":material/error:")
