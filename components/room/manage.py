"""What workshop rooms (Host) and team rooms (Team) manage alike: the invitation's QR code,
removing one person, and deleting the room once its code is typed.

Each page draws these with its own words and its own widget keys (`{prefix}_remove_choice`,
`{prefix}_remove`, `{prefix}_confirm_delete`, `{prefix}_delete`), and hands in its store call and
its `run_action`, which shows the outcome once at the top of the next draw. Controls run as
callbacks, so the draw after a click already shows the new state.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

import store
from components.choices import drawn_choice
from components.lang import _
from components.room.qr import is_local, qr_png
from roles.errors import SkillsMapError
from roles.i18n import Msg

RunAction = Callable[[Callable[[], str | Msg]], None]
QR_WIDTH = 240  # px: scanned from a phone held at arm's length from a laptop screen


def render_invite_qr(base: str | None, link: str, *, no_address: str) -> None:
    """The QR code that opens `link`; without a known public address (none to put in a QR
    code), `no_address` says how to get one."""
    if base:
        alt = _("QR code for {link}", link=link)
        st.image(qr_png(link), output_format="PNG", width=QR_WIDTH, alt=alt)
    else:
        st.info(no_address)


def warn_if_local(base: str | None, *, unreachable: str) -> None:
    """Say `unreachable` when the address only works on this computer (phones cannot open it)."""
    if is_local(base):
        st.warning(unreachable, icon=":material/phonelink_off:")


def render_remove_one(
    *,
    prefix: str,
    people: dict[int, str],
    label: str,
    button: str,
    remove: Callable[[int, str], Msg],
    run_action: RunAction,
) -> None:
    """Pick one of `people` (id -> label) and remove them: `remove(id, label)` says what it did."""
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    left.selectbox(
        label, list(people), format_func=people.__getitem__, key=f"{prefix}_remove_choice"
    )
    right.button(
        button,
        key=f"{prefix}_remove",
        width="stretch",
        on_click=_remove,
        args=(f"{prefix}_remove_choice", people, remove, run_action),
    )


def _remove(
    key: str, people: dict[int, str], remove: Callable[[int, str], Msg], run_action: RunAction
) -> None:
    # The choice is read here, not bound when the button was drawn: it is what the person
    # sees, and it must be one of those drawn (a forged id of another room never is).
    def action() -> Msg:
        chosen = drawn_choice(key, list(people))
        return remove(chosen, people[chosen])

    run_action(action)


def render_delete(
    *,
    prefix: str,
    code: str,
    label: str,
    button: str,
    delete: Callable[[], Msg],
    run_action: RunAction,
) -> None:
    """Delete the room: the button works once the room's code is typed (in any case, with or
    without the dash); `delete()` deletes it, leaves it and says so."""
    confirm = f"{prefix}_confirm_delete"
    typed = st.text_input(label, key=confirm)
    st.button(
        button,
        key=f"{prefix}_delete",
        type="primary",
        disabled=not same_code(typed, code),
        on_click=_delete,
        args=(confirm, delete, run_action),
    )


def _delete(confirm: str, delete: Callable[[], Msg], run_action: RunAction) -> None:
    def action() -> Msg:
        done = delete()
        st.session_state[confirm] = ""  # the next room starts with an empty confirmation
        return done

    run_action(action)


def same_code(typed: str, code: str) -> bool:
    """True when `typed` is `code` as a person may type it."""
    try:
        return store.normalise_code(typed) == code
    except SkillsMapError:
        return False  # still typing, or a typo: the button stays disabled
