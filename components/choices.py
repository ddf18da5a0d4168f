"""What a browser chose, checked against the options the page drew, before a callback acts on it.

Everything a browser sends is untrusted: its WebSocket messages can carry any widget value. A
selectbox, radio, pills or segmented control hands a value that matches none of its options to
callbacks unchanged (a forged "7" reaches a "remove member" callback as the string "7"); a
slider or select_slider replaces an unknown value by its default instead, silently, so a forged
rating would be saved as 0. Callbacks therefore read a choice with `drawn_choice(key, options)`:
the value if it is one of the options drawn, else `NotAnOption` (a SkillsMapError, which the
callback's usual error path shows: nothing changes).

For sliders the default hides the forgery, so `watch_slider(key, options)` (called right after
drawing one) has Streamlit's decoder of that widget note an unknown value first; this reaches
into Streamlit's session internals (`serving.st_internals.watch_widget`), and if they move, the
watch does nothing, tests/serving/test_st_internals.py fails naming it, and so does the
protocol-level test (tests/e2e/test_forged_widgets.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar, cast

import streamlit as st

from components.errors import render_error
from roles.errors import SkillsMapError
from roles.i18n import Msg
from serving.st_internals import watch_widget

T = TypeVar("T")
# Keys of sliders whose last value from the browser was none of their options.
_UNKNOWN = "_choices_unknown"
# A refusal said once on the next draw (callbacks that have no outcome message of their own).
_REFUSED = "_choices_refused"


class NotAnOption(SkillsMapError):
    """A widget value that is none of the options the page drew (a forged or stale request)."""

    def __init__(self) -> None:
        super().__init__(
            Msg(
                "That choice is not one of those on the page, so nothing was changed. Reload the "
                "page and choose again."
            )
        )


def _same(value: object, option: object) -> bool:
    # Types matter: True == 1 and "7" is not 7, and a forged value must not pass as an option.
    return type(value) is type(option) and value == option


def is_option(value: object, options: Sequence[object]) -> bool:
    """True if `value` is one of `options` (each item of a list value, for multiselect)."""
    items = value if isinstance(value, list | tuple) else [value]
    return all(any(_same(v, o) for o in options) for v in items)


def drawn_choice(key: str, options: Sequence[T]) -> T:
    """The value of widget `key` if it is one of the `options` it was drawn with (and, for a
    watched slider, what the browser sent was one of them); else NotAnOption."""
    value = st.session_state.get(key)
    unknown: set[str] = st.session_state.get(_UNKNOWN) or set()
    if key in unknown or not is_option(value, options):
        unknown.discard(key)
        raise NotAnOption()
    return cast(T, value)


def on_choice(key: str, options: Sequence[T], act: Callable[[T], object]) -> None:
    """A widget callback's body: `act` on the choice if it is one of `options`; otherwise do
    nothing and say so at the top of the next draw (`render_refusal`)."""
    try:
        value = drawn_choice(key, options)
    except NotAnOption as exc:
        refuse(exc)
        return
    act(value)


def refuse(exc: NotAnOption) -> None:
    """Say at the top of the next draw that a choice was refused (see `render_refusal`)."""
    st.session_state[_REFUSED] = exc


def render_refusal() -> None:
    """Say (once) that a choice was refused; app.py calls this at the top of every page."""
    refused = st.session_state.pop(_REFUSED, None)
    if refused is not None:
        render_error(refused)


def watch_slider(key: str, options: Sequence[Any], format_func: Callable[[Any], Any] = str) -> None:
    """After drawing the slider or select_slider `key`: note when the browser next sends a value
    that is none of `options`, which Streamlit would replace by the default unseen."""
    unknown: set[str] = st.session_state.setdefault(_UNKNOWN, set())
    labels = {str(format_func(o)) for o in options}
    numbers = {float(o) for o in options if isinstance(o, int | float)}

    def check(sent: Any) -> None:
        # A slider sends a list of numbers, a select_slider a list of its options' labels.
        sent_items = [] if sent is None else list(sent)
        known = all((v in labels) if isinstance(v, str) else (v in numbers) for v in sent_items)
        (unknown.discard if known else unknown.add)(key)

    watch_widget(key, check)
