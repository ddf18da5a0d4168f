"""A button press whose callback never ran: once, after a page moved to another server.

Behind a load balancer, a page whose server went down reconnects to another replica, in a new
session. Streamlit reruns such a page at once only when something on it refreshes by itself;
any other page waits for its next click, and that click reaches a session that has not yet
registered the page's callbacks: the button reads as pressed, its callback does not run. A
callback marks that it ran; the page checks after the button and says what happened instead
of dropping the press silently.
"""

from __future__ import annotations

import streamlit as st


def mark_handled(key: str) -> None:
    """Called first thing in a button's callback: this press was handled."""
    st.session_state[key] = True


def missed(pressed: bool, key: str) -> bool:
    """True if the button reads as pressed in this run but its callback did not run."""
    return pressed and not st.session_state.pop(key, False)
