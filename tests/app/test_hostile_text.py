"""Text people type or send is shown as typed, never as Markdown or HTML: a participant named
`![](//ev.il/x)` makes no browser fetch that address when the facilitator removes them, and a
crafted `?room=`, `?target=` or `?catalog=` puts no link or image into an error box.

Each test draws a page where such text appears and scans everything the page sends that
Streamlit renders as Markdown (text, alerts, toasts, captions, labels, help, radio options,
expander and tab labels) and as HTML (`st.html`): a single place that forgot to escape fails.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

import store
from roles.models import Profile
from tests.app.helpers import app, shown

# A name of at most 40 characters that is an image in Markdown and an image in HTML.
NAME = "![](//ev.il/x)<img src=//ev.il/y>"
MARKDOWN_IMAGE, HTML_IMAGE = "![](//ev.il/x)", "<img src=//ev.il/y>"
_RAW_TAG = re.compile(r"(?<!\\)<img")  # an escaped "\<img" is shown as text
_MARKDOWN_FIELDS = ("body", "label", "help", "placeholder")


def _nodes(node: Any) -> Iterator[Any]:
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _nodes(child)


def _sources(at: AppTest) -> tuple[list[str], list[str]]:
    """Everything the page sent that is rendered as Markdown, and its `st.html` bodies."""
    markdown, html = [], []
    for node in _nodes(at._tree):
        proto = getattr(node, "proto", None)
        if proto is None:
            continue
        if node.type == "html":
            html.append(proto.body)
            continue
        for field in _MARKDOWN_FIELDS:
            value = getattr(proto, field, None)
            if isinstance(value, str) and value:
                markdown.append(value)
        if node.type == "radio":
            markdown += list(proto.options)
        for block in ("expandable", "tab"):
            if hasattr(proto, "HasField") and _has(proto, block):
                markdown.append(getattr(proto, block).label)
    return markdown, html


def _has(proto: Any, field: str) -> bool:
    try:
        return bool(proto.HasField(field))
    except ValueError:
        return False


def assert_shown_as_typed(at: AppTest, typed: str = NAME) -> None:
    """The page shows `typed` somewhere, and nowhere as Markdown or HTML."""
    assert not at.exception, [e.value for e in at.exception]
    markdown, html = _sources(at)
    assert [m for m in markdown if "![](//ev.il/" in m or _RAW_TAG.search(m)] == []
    assert [h for h in html if HTML_IMAGE in h] == []
    charts = [c.proto.spec for c in at.get("plotly_chart")]
    assert [c for c in charts if HTML_IMAGE in json.loads(json.dumps(c))] == []
    assert any(typed in shown(m) for m in markdown) or any(
        typed.replace("<", "&lt;").replace(">", "&gt;") in h for h in html
    ), "the text under test is not on the page"


def _button(at: AppTest, label: str) -> Any:
    return next(b for b in at.button if b.label == label)


def _answer(code: str, name: str, ml: float = 5) -> int:
    return store.submit_team_answer(
        room=code,
        participant=store.new_participant_token(),
        name=name,
        profile=Profile(ml=ml, swe=5, comm=5),
        method="sliders",
    ).member_id


def test_a_participants_name_on_the_host_page_and_when_removed(fresh_store: None) -> None:
    room = store.create_room(title="Hall")
    entry = store.submit(
        room=room.room.code,
        participant=store.new_participant_token(),
        profile=Profile(ml=1, swe=2, comm=3),
        name=NAME,
    )
    at = app("views/host.py", room=room.room.code, key=room.key).run()
    at.selectbox(key="host_remove_choice").set_value(entry.entry_id).run()
    _button(at, "Remove entry").click().run()
    assert store.room_snapshot(room=room.room.code).count == 0
    assert_shown_as_typed(at)  # "Removed #1 ![](//ev.il/x)<img ...> (ML 1, ...)."


@pytest.fixture
def team_with_hostile_member(fresh_store: None) -> tuple[store.CreatedRoom, int]:
    """A team room in round 2: the hostile name answered round 1 only (so the round's status
    lists it as not answered yet) and is rated by the manager; Bo answered both rounds."""
    team = store.create_team_room(title="Team")
    code = team.room.code
    hostile = _answer(code, NAME, ml=8)
    bo = store.new_participant_token()
    for _ in range(2):
        store.submit_team_answer(
            room=code,
            participant=bo,
            name="Bo",
            profile=Profile(ml=2, swe=5, comm=5),
            method="sliders",
        )
        if _ == 0:
            store.rate_member(room=code, key=team.key, member_id=hostile, round_number=1, ml=3)
            store.open_next_round(room=code, key=team.key)
    return team, hostile


def test_a_members_name_on_the_managers_page_and_when_removed(
    team_with_hostile_member: tuple[store.CreatedRoom, int],
) -> None:
    team, hostile = team_with_hostile_member
    at = app("views/team.py", room=team.room.code, key=team.key).run()
    assert_shown_as_typed(at)  # round 2: "not yet: ![](...)"
    at.selectbox(key="teamroom_round").set_value(1).run()
    assert_shown_as_typed(at)  # round 1: the table, the rating, self vs manager
    at.selectbox(key="teamroom_remove_choice").set_value(hostile).run()
    _button(at, "Remove member").click().run()
    assert [m.name for m in store.team_snapshot(room=team.room.code, key=team.key).members] == [
        "Bo"
    ]
    assert_shown_as_typed(at)  # "Removed ![](...) and all their answers."


def test_a_taken_name_is_quoted_as_typed(fresh_store: None) -> None:
    team = store.create_team_room(title="Team")
    _answer(team.room.code, NAME)
    at = app("views/my_team.py", room=team.room.code).run()
    at.radio(key="tm_mode").set_value("Quick sliders").run()
    at.text_input(key="tm_name").set_value(NAME)
    at.button(key="tm_submit").click().run()
    assert "already answers as" in shown(at.error[0].value)
    assert_shown_as_typed(at)


@pytest.mark.parametrize("page", ["views/join.py", "views/my_team.py", "views/present.py"])
def test_a_crafted_room_code_in_the_address(fresh_store: None, page: str) -> None:
    at = app(page, room=MARKDOWN_IMAGE).run()
    assert at.error
    assert_shown_as_typed(at, MARKDOWN_IMAGE)


def test_a_crafted_host_link(fresh_store: None) -> None:
    at = app("views/host.py", room=MARKDOWN_IMAGE, key="k").run()
    assert at.error
    assert_shown_as_typed(at, MARKDOWN_IMAGE)


@pytest.mark.parametrize("param", ["target", "catalog", "ml"])
def test_a_crafted_me_link(fresh_store: None, param: str) -> None:
    at = app("views/me.py", **{param: MARKDOWN_IMAGE}).run()
    assert at.warning
    assert_shown_as_typed(at, MARKDOWN_IMAGE)


def test_names_and_a_file_name_from_an_uploaded_team(fresh_store: None) -> None:
    at = app("views/team.py").run()
    rows = f"name,ml,swe,comm\n{NAME},5,8,5\nBo,9,2,6\n".encode()
    at.file_uploader(key="team_upload").set_value(("![](//ev.il/f).csv", rows, "text/csv")).run()
    at.toggle(key="team_names").set_value(True).run()
    assert_shown_as_typed(at)
    assert "![](//ev.il/f).csv" in shown(" ".join(c.value for c in at.caption))
