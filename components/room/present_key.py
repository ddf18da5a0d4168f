"""The projector's key to numbered dots, and its word on names it could not show.

A name with no room beside its dot is a number on the map (`name_key`); the key, in a column
between the map and the side column, says whose each number is ("3 Wang Fang"), in text the
size of the chart's (it scales with the screen the same way). Names are participant input:
escaped before they go into the page's HTML.
"""

from __future__ import annotations

import html
from typing import Any

import streamlit as st

from components.lang import _
from components.room.name_key import MAX_NAMED_DOTS

# Static CSS (no user data). The chart's text is 22 px on a 1280x720 screen, scaled by
# --chart-zoom (see `present`); the key's is the same, so it reads from as far as the ticks.
KEY_CSS = """<style>
.st-key-present_key { height: var(--map-h); flex: 0 0 auto !important; overflow: hidden; }
.room-key-title { font-size: calc(22px * var(--chart-zoom)); font-weight: 700; margin: 0;
  line-height: 1.25; }
.room-key { list-style: none; margin: 0; padding: 0; font-size: calc(22px * var(--chart-zoom));
  line-height: 1.25; }
.room-key li { margin: 0; padding-left: 1.6em; text-indent: -1.6em; }
.room-key b { display: inline-block; min-width: 1.6em; text-indent: 0; }
.room-names-note { font-size: calc(22px * var(--chart-zoom)); line-height: 1.25; margin: 0; }
</style>"""


def key_entries(meta: dict[str, Any]) -> list[tuple[int, str]]:
    """The key's (number, name) pairs from the map figure's meta (none if names are off)."""
    return [(int(number), str(name)) for number, name in meta.get("key", [])]


def names_note(meta: dict[str, Any]) -> str:
    """What the screen says when not every name is on it ('' when all are, or names are off)."""
    shown, named = int(meta.get("shown", 0)), int(meta.get("named", 0))
    if shown >= named:
        return ""
    if named > MAX_NAMED_DOTS:
        return _(
            "Names are drawn for up to {cap} named participants; this room has {named}. "
            "Everyone sees their own result on their phone.",
            cap=MAX_NAMED_DOTS,
            named=named,
        )
    return _(
        "Names shown for {shown} of {named}. Everyone sees their own result on their phone.",
        shown=shown,
        named=named,
    )


def render_key(meta: dict[str, Any]) -> None:
    """The key to the numbers on the map, and the note on names not shown, if any."""
    st.html(KEY_CSS)
    entries = key_entries(meta)
    if entries:
        title = html.escape(_("Numbers on the map"))
        items = "".join(f"<li><b>{n}</b> {html.escape(name)}</li>" for n, name in entries)
        st.html(f'<p class="room-key-title">{title}</p><ul class="room-key">{items}</ul>')
    note = names_note(meta)
    if note:
        st.html(f'<p class="room-names-note">{html.escape(note)}</p>')
