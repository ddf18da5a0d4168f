"""Pages driven over Streamlit's own WebSocket (testsupport/stclient.py), for tests that send what no
browser would: a widget value that is none of the options drawn."""

from __future__ import annotations

from typing import Any

from streamlit.proto.WidgetStates_pb2 import WidgetState

from tests.aio import run
from testsupport.stclient import Run, Session


def sent(run_: Run, key: str, **value: Any) -> WidgetState:
    """The widget `key` of a drawn page with the value given (`string_value=...`,
    `trigger_value=True`, `string_array_value=[...]`), whatever the page offered."""
    state = WidgetState(id=run_.widgets[key].id)
    ((field, v),) = value.items()
    if field.endswith("_array_value"):
        getattr(state, field).data.extend(v)
    else:
        setattr(state, field, v)
    return state


def open_and_send(
    url: str, page: str, query: str, make: Any, *, cookies: dict[str, str] | None = None
) -> tuple[Run, Run]:
    """Open `page?query`, then send the widget states `make(first_run)` returns; both runs."""

    async def scenario() -> tuple[Run, Run]:
        tab = Session(url, page, query, cookies=cookies)
        try:
            first = await tab.open(timeout=60)
            return first, await tab.rerun(make(first), timeout=60)
        finally:
            await tab.close()

    return run(scenario())


def page_text(run_: Run) -> str:
    """Everything a run said (Markdown, alerts, toasts, headings), joined."""
    return "\n".join(run_.texts)
