"""Callbacks act only on options they drew: a rating off the sliders' steps is refused with a
message and changes nothing. AppTest formats every widget value it sends with the widget's
format_func, so it cannot send another room's member id to a selectbox; those forgeries go over
the real WebSocket in tests/e2e/test_forged_widgets.py.
"""

from __future__ import annotations

from typing import Any

from tests.app.helpers import app, shown

REFUSED = "That choice is not one of those on the page, so nothing was changed."


def _said(at: Any) -> str:
    assert not at.exception, [e.value for e in at.exception]
    return shown("\n".join(e.value for e in at.error))


def test_a_rating_off_the_sliders_steps_is_refused_and_the_slider_goes_back(
    fresh_store: None,
) -> None:
    at = app("views/me.py", ml="6").run()
    at.slider(key="me_ml").set_value(3.3).run()
    assert REFUSED in _said(at)
    assert at.slider(key="me_ml").value == 6.0
    at.slider(key="me_ml").set_value(3.5).run()  # a step: taken
    assert not at.error and at.slider(key="me_ml").value == 3.5
