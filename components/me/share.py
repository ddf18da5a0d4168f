"""The link that restores a result exactly."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from roles.share import ShareState, encode_share


def share_url(state: ShareState, base: str | None) -> str:
    """Absolute link when the app's address is known, else the query string alone."""
    query = urlencode(encode_share(state))
    return f"{base}?{query}" if base else f"?{query}"


def render_share_link(state: ShareState) -> None:
    """Show the link to copy (the code block has a copy button)."""
    st.markdown("**Share or bookmark this result**")
    st.code(share_url(state, st.context.url), language=None)
