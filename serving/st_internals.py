"""Every use of Streamlit's internals, in one place: what the public API does not offer.

Written against Streamlit 1.67 (pyproject pins `streamlit>=1.67,<1.68`). Each function below is
one trick; `tests/serving/test_st_internals.py` checks each against the installed Streamlit and
fails naming the trick when an upgrade moves what it relies on, so raising the pin is a matter
of running that file. Nothing else in the app imports `streamlit.*` beyond `streamlit as st`
(and the `DeltaGenerator` type). At run time a trick whose internals moved degrades to what the
public API does, never to a traceback on a person's screen.

Layering: the server (affinity) and the pages (components) both use these, so they live below
the UI, in `serving`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from plotly.basedatatypes import BaseFigure


def session_is_here(session_id: str) -> bool:
    """True when this server holds the browser session `session_id` (the runtime's session
    manager), or when no runtime runs in this process (then Streamlit's own route decides)."""
    from streamlit.runtime import Runtime

    return not Runtime.exists() or Runtime.instance().is_active_session(session_id)


def cookie_secret_set() -> str | None:
    """`server.cookieSecret` when the operator set it (config file, flag or environment); None
    for the random one Streamlit makes at each start, which replicas would not share."""
    from streamlit import config

    if not config.is_manually_set("server.cookieSecret"):
        return None
    return str(config.get_option("server.cookieSecret"))


def is_lost_upload(value: object) -> bool:
    """True for a file uploader's value that names a file this server does not hold (the page
    reconnected to another replica, or the server restarted): Streamlit's `DeletedFile`."""
    from streamlit.runtime.uploaded_file_manager import DeletedFile

    return isinstance(value, DeletedFile)


def watch_widget(key: str, check: Callable[[Any], object]) -> bool:
    """Have Streamlit's decoder of the widget `key`, drawn in this script run, pass what the
    browser sends to `check` first. False when nothing is watched: no such widget was drawn,
    or the session internals moved (a new Streamlit).

    A slider or select_slider replaces a value that is none of its options by its default
    before any callback sees it, so the decoder is the only place a forged value shows."""
    state = _session_state()
    widget_id = state and state._key_id_mapper.get_id_from_key(key, None)
    metadata = widget_id and state._new_widget_state.widget_metadata.get(widget_id)
    if not metadata:
        return False
    decode = metadata.deserializer

    def checked(sent: Any) -> Any:
        check(sent)
        return decode(sent)

    state._new_widget_state.set_widget_metadata(dataclasses.replace(metadata, deserializer=checked))
    return True


def _session_state() -> Any:
    """Streamlit's SessionState of this script run, or None where it has moved."""
    try:
        from streamlit.runtime.state import get_session_state

        state = get_session_state()._state
        state._key_id_mapper.get_id_from_key  # noqa: B018 (the attributes watch_widget uses)
        state._new_widget_state.widget_metadata  # noqa: B018
        state._new_widget_state.set_widget_metadata  # noqa: B018
    except (AttributeError, ImportError):
        return None
    return state


class SentAsIs(BaseFigure):  # type: ignore[misc]
    """A finished figure spec for `st.plotly_chart`, sent without plotly building a figure.

    st.plotly_chart turns a go.Figure into a dict with `to_dict()`, which deep-copies every
    trace, shape and annotation, and it validates a plain dict property by property. On the Me
    page building and copying the map was about a third of a rerun's CPU
    (`bench/bench_me.py`). The spec is the one `components.skills_map.figure()` wraps for tests
    and exports, and st.plotly_chart only serialises what `to_dict()` returns, so nothing is
    lost by skipping the copy. Deliberately no `super().__init__()`: none of plotly's figure
    state is needed.
    """

    def __init__(self, spec: dict[str, Any]) -> None:
        self._spec = spec

    def to_dict(self) -> dict[str, Any]:
        return self._spec
