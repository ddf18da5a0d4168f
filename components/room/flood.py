"""Removing a flood: every entry that joined after a time, in one confirmed action.

Someone who scripts fake participants into a room fills it at most to its capacity; the
facilitator then removes everything that joined after the flood began, keeping the people who
joined before. Times are the facilitator's own clock (the browser's time zone).
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

import streamlit as st

import store
from components.lang import _, current_lang
from components.room.controls import KEY, ROOM, run_action
from components.room.live import forget
from components.room.map import participants_label
from roles.i18n import Msg

TIME = "host_flood_time"
SURE = "host_flood_confirm"


def _browser_zone() -> tzinfo:
    """The facilitator's time zone as the browser reports it, else UTC."""
    name = st.context.timezone
    try:
        return ZoneInfo(name) if isinstance(name, str) and name else UTC
    except (ValueError, KeyError, OSError):  # a name no zone database knows
        return UTC


def since_moment(chosen: time, now: datetime, zone: tzinfo) -> datetime:
    """The latest moment at `chosen` o'clock (in `zone`) that is not after `now`."""
    local_now = now.astimezone(zone)
    moment = datetime.combine(local_now.date(), chosen, tzinfo=zone)
    if moment > local_now:
        moment = datetime.combine(local_now.date() - timedelta(days=1), chosen, tzinfo=zone)
    return moment


def _remove(since: datetime, label: str) -> None:
    def action() -> Msg:
        room, key = st.session_state[ROOM], st.session_state[KEY]
        gone = store.remove_entries_since(room=room, key=key, since=since)
        forget(room)
        return Msg(
            "Removed {participants} that joined after {time}.",
            participants=participants_label(gone, current_lang()),
            time=label,
        )

    st.session_state[SURE] = False
    run_action(action)


def render_remove_since(snapshot: store.Snapshot) -> None:
    """A time, a confirmation naming how many entries joined since, and the button."""
    if not snapshot.entries:
        return
    zone = _browser_zone()
    now = datetime.now(UTC)
    if TIME not in st.session_state:
        start = (now - timedelta(minutes=10)).astimezone(zone)
        st.session_state[TIME] = start.time().replace(second=0, microsecond=0)
    with st.expander(_("Remove a flood of entries"), icon=":material/delete_sweep:"):
        st.markdown(
            _(
                "If fake participants flooded the room, remove every entry that joined after a "
                "time; the people who joined before stay."
            )
        )
        chosen = st.time_input(_("Joined after"), key=TIME, step=60, width=200)
        if not isinstance(chosen, time):
            return
        since = since_moment(chosen, now, zone)
        label = since.strftime("%H:%M")
        if since.date() != now.astimezone(zone).date():
            label = _("{time} yesterday", time=label)
        count = sum(1 for e in snapshot.entries if e.joined_at and e.joined_at >= since)
        who = participants_label(count, current_lang())
        sure = st.checkbox(
            _(
                "Yes, remove the {participants} that joined after {time}",
                participants=who,
                time=label,
            ),
            key=SURE,
            disabled=count == 0,
        )
        st.button(
            _("Remove them"),
            key="host_flood_remove",
            disabled=not (sure and count),
            on_click=_remove,
            args=(since, label),
        )
