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
    """Me's sliders are select sliders over the half steps (the value announced is the level
    text): AppTest cannot send a value that is not an option, so the forged label goes through
    the same guard a browser's message reaches."""
    from components.choices import _UNKNOWN  # the guard's record of forged values

    at = app("views/me.py", ml="6").run()
    slider = at.select_slider(key="me_ml")
    assert slider.options[12] == "6 · " + slider.options[12].split(" · ", 1)[1]
    assert at.session_state[_UNKNOWN] == set()
    at.select_slider(key="me_ml").set_value(3.5).run()  # a step: taken
    assert not at.error and at.select_slider(key="me_ml").value == 3.5
