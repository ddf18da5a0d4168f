"""The light join page at the protocol level: the form, Submit, forged and refused requests.

Each refusal must save nothing, say why in the reader's language, and hand the form back as it
was sent; each success must land in the store under the same participant id the Streamlit
Join page gives this device.
"""

from __future__ import annotations

import html
import re

import pytest
from starlette.applications import Starlette

import store
from components.room import identity
from roles.catalog import load_catalog
from roles.models import Profile
from roles.verdict import assess
from roles.verdict_text import headline, ranked_fit
from serving import participant
from tests.serving.light_client import Phone


def _room(title: str = "Hall", **kw: object) -> store.CreatedRoom:
    return store.create_room(title=title, **kw)  # type: ignore[arg-type]


def _entries(code: str) -> list[store.Entry]:
    return store.room_snapshot(room=code).entries


def test_the_form_opens_on_a_room_with_its_level_texts_and_tokens(light: Starlette) -> None:
    code = _room("Demo <b>hall</b>").room.code
    page = Phone(light).open(f"?room={code.lower()}")
    assert page.status == 200
    assert "Demo &lt;b&gt;hall&lt;/b&gt;" in page.text and "<b>hall" not in page.text
    assert "First real model" in page.text and "Platform architect" in page.text
    assert page.hidden["room"] == code and page.hidden["csrf"] and page.hidden["pass"]
    assert page.checked == {"ml": 5, "swe": 5, "comm": 5}
    assert page.headers["cache-control"] == "no-store"
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert "form-action 'self'" in page.headers["content-security-policy"]


def test_without_a_room_the_form_asks_for_the_code(light: Starlette) -> None:
    page = Phone(light).open()
    assert page.status == 200
    assert 'name="room" value=""' in page.text and "room" not in page.hidden


def test_submit_saves_once_per_device_and_answers_with_the_result(light: Starlette) -> None:
    code = _room().room.code
    phone = Phone(light)
    phone.open(f"?room={code}")
    page = phone.send(name="Ana", ml="7", swe="3", comm="6")
    assert page.status == 200
    assert "Saved at" in page.text and "Your dot is on the room" in page.text
    # The Me page's words for ratings alone: the nearest role, fits "of 100", no chance claimed.
    said = assess({}, load_catalog("2021", "en"), profile=Profile(ml=7, swe=3, comm=6))
    assert f'<h2 id="result">{html.escape(headline(said))}</h2>' in page.text
    assert headline(said).startswith("Nearest role on the map: ")
    ranked = re.findall(r"<li>([^<]*)</li>", page.text)
    assert ranked == [html.escape(ranked_fit(f.name, f.fit, "en")) for f in said.fits]
    assert len(ranked) == 6 and all(" of 100" in line for line in ranked)
    assert "%" not in page.text.split('id="result"')[1].split("<form")[0]
    # Under "Saved", before the form: the first screen after Submit shows it.
    assert page.text.index("Saved at") < page.text.index('id="result"') < page.text.index("<form")
    assert "Update my answers" in page.text
    assert page.checked == {"ml": 7, "swe": 3, "comm": 6}
    (entry,) = _entries(code)
    assert (entry.name, entry.ml, entry.swe, entry.comm) == ("Ana", 7, 3, 6)
    # The same phone on the Streamlit Join page is the same participant.
    _info, mine = store.get_room_and_entry(room=code, participant=phone.participant())
    assert mine is not None and mine.entry_id == entry.entry_id
    assert identity.hash_key() == participant.hash_key()
    # Submit again from the answer page: the same entry changes, no second dot.
    phone.send(name="Ana", ml="2", swe="3", comm="6")
    (again,) = _entries(code)
    assert (again.entry_id, again.ml) == (entry.entry_id, 2)


def test_reopening_shows_the_saved_answers_and_result(light: Starlette) -> None:
    code = _room().room.code
    phone = Phone(light)
    phone.open(f"?room={code}")
    phone.send(name="Bo", ml="9", swe="1", comm="4")
    page = phone.open(f"?room={code}")
    assert page.checked == {"ml": 9, "swe": 1, "comm": 4}
    assert 'value="Bo"' in page.text and "Nearest role on the map: " in page.text


@pytest.mark.parametrize(
    "forge",
    [
        {"csrf": ""},  # missing
        {"csrf": "0" * 32},  # made up
    ],
)
def test_a_missing_or_forged_token_saves_nothing_and_keeps_the_form(
    light: Starlette, forge: dict[str, str]
) -> None:
    code = _room().room.code
    phone = Phone(light)
    phone.open(f"?room={code}")
    page = phone.send(name="Cy", ml="8", **forge)
    assert page.status == 403
    assert "was not sent from this page" in page.text
    assert _entries(code) == []
    assert 'value="Cy"' in page.text and page.checked["ml"] == 8
    assert phone.send(name="Cy", ml="8").status == 200  # the page given back works


def test_another_devices_token_does_not_pass(light: Starlette) -> None:
    code = _room().room.code
    mine, theirs = Phone(light), Phone(light)
    mine.open(f"?room={code}")
    stolen = theirs.open(f"?room={code}")
    assert mine.send(csrf=stolen.hidden["csrf"]).status == 403
    assert _entries(code) == []


@pytest.mark.parametrize(
    "headers", [{"Origin": "https://evil.example"}, {"Sec-Fetch-Site": "cross-site"}]
)
def test_a_post_from_another_site_is_refused(light: Starlette, headers: dict[str, str]) -> None:
    code = _room().room.code
    phone = Phone(light)
    form = {**phone.open(f"?room={code}").hidden, "ml": "5", "swe": "5", "comm": "5"}
    response = phone.request("POST", "/j", data=form, headers=headers)
    assert response.status_code == 403 and _entries(code) == []


def test_a_wrong_code_is_said_and_counts_toward_the_back_off(
    light: Starlette, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLS_MAP_FREE_CODE_MISSES", "2")
    good = _room().room.code
    phone = Phone(light)
    open_page = phone.open(f"?room={good}")  # this phone opened a real room first
    page = phone.open("?room=ZZZZZZ")
    assert page.status == 404 and "There is no open room with code ZZZZZZ" in page.text
    assert phone.send(page, room="ZZZZZY", name="Dee").status == 404
    assert phone.send(page, room="ZZZZZX", name="Dee").status == 404  # past 2 free: a wait
    blocked = phone.send(page, room=good, name="Dee")  # typed: checked against the back-off
    assert blocked.status == 429 and "Wait" in blocked.text and 'value="Dee"' in blocked.text
    assert _entries(good) == []
    # The page it already had open (its room pass) keeps working while it backs off.
    assert phone.send(open_page, name="Dee").status == 200
    assert len(_entries(good)) == 1


def test_a_locked_room_says_so_and_keeps_the_answers(light: Starlette) -> None:
    created = _room()
    code = created.room.code
    store.set_room_state(room=code, key=created.key, locked=True)
    phone = Phone(light)
    assert "locked this room for now" in phone.open(f"?room={code}").text
    page = phone.send(name="Eve", ml="6")
    assert page.status == 409 and "is locked" in page.text
    assert 'value="Eve"' in page.text and page.checked["ml"] == 6 and _entries(code) == []


def test_a_full_room_refuses_a_new_device(light: Starlette) -> None:
    code = _room(capacity=1).room.code
    first, second = Phone(light), Phone(light)
    first.open(f"?room={code}")
    assert first.send().status == 200
    second.open(f"?room={code}")
    page = second.send(name="Flo")
    assert page.status == 409 and "is full (1 participants)" in page.text
    assert first.send(ml="1").status == 200  # the one inside can still change their answer


def test_the_device_and_address_limits_hold(
    light: Starlette, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLS_MAP_RATE_LIMIT", "2")
    monkeypatch.setenv("SKILLS_MAP_JOINS_PER_MINUTE", "2")
    code = _room().room.code
    phone = Phone(light)
    phone.open(f"?room={code}")
    assert [phone.send(ml=str(n)).status for n in (1, 2, 3)] == [200, 200, 429]
    assert "Too many submissions from this device" in phone.last.text  # type: ignore[union-attr]
    others = [Phone(light) for _ in range(2)]
    statuses = []
    for other in others:
        other.open(f"?room={code}")
        statuses.append(other.send().status)
    assert statuses == [200, 429]  # the third new participant from this address in a minute
    assert "Too many new participants" in others[1].last.text  # type: ignore[union-attr]
    assert len(_entries(code)) == 2


@pytest.mark.parametrize("bad", [{"ml": "11"}, {"swe": "-1"}, {"comm": "x"}, {"ml": ""}])
def test_a_score_that_is_no_choice_is_refused(light: Starlette, bad: dict[str, str]) -> None:
    code = _room().room.code
    phone = Phone(light)
    phone.open(f"?room={code}")
    page = phone.send(**bad)
    assert page.status == 400 and "Each score must be a number from 0 to 10" in page.text
    assert _entries(code) == []


def test_a_browser_without_cookies_is_one_participant_per_page(light: Starlette) -> None:
    code = _room().room.code
    phone = Phone(light, cookies=False)
    page = phone.open(f"?room={code}")
    assert page.hidden["t"]  # its token rides in the form instead
    assert phone.send(ml="3").status == 200
    assert phone.send(ml="4").status == 200  # from the answer page: the same entry
    (entry,) = _entries(code)
    assert entry.ml == 4


def test_names_are_shown_as_typed_and_long_ones_shortened(light: Starlette) -> None:
    code = _room().room.code
    phone = Phone(light)
    phone.open(f"?room={code}")
    page = phone.send(name="<img src=x onerror=alert(1)>")
    assert "<img src=x" not in page.text and "&lt;img src=x onerror=alert(1)&gt;" in page.text
    long = phone.send(name="Maximilian " * 8)
    assert "Your name was shortened to 40 characters" in long.text
    assert len(_entries(code)[0].name or "") <= store.MAX_NAME


def test_the_page_speaks_the_chosen_then_the_browsers_language(light: Starlette) -> None:
    code = _room().room.code
    chinese = Phone(light, **{"Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8"}).open(f"?room={code}")
    assert '<html lang="zh-Hans">' in chinese.text and "机器学习" in chinese.text
    assert "lang" not in chinese.hidden  # the browser's, not chosen: links stay as they are
    chosen = Phone(light, **{"Accept-Language": "zh-CN"}).open(f"?room={code}&lang=en")
    assert '<html lang="en">' in chosen.text and chosen.hidden["lang"] == "en"
    phone = Phone(light)
    phone.open(f"?room={code}&lang=zh")
    saved = phone.send()
    assert "已于" in saved.text and "保存" in saved.text  # the same message, in Chinese
    wrong = phone.open("?room=ZZZZZZ&lang=zh")
    assert "没有" in wrong.text or "ZZZZZZ" in wrong.text


def test_an_oversized_form_is_refused_unread(light: Starlette) -> None:
    phone = Phone(light)
    phone.open()
    response = phone.request("POST", "/j", content=b"name=" + b"x" * 20_000)
    assert response.status_code == 413


def test_a_form_with_more_fields_than_ours_is_refused_not_an_error(light: Starlette) -> None:
    phone = Phone(light)
    form = {**phone.open().hidden, **{f"x{i}": "1" for i in range(30)}}
    response = phone.request("POST", "/j", data=form, headers={"Origin": "http://testserver"})
    assert response.status_code == 403 and "was not sent from this page" in response.text


@pytest.mark.parametrize(("accept", "coding"), [("gzip", "gzip"), ("br, gzip", "br"), ("", None)])
def test_the_page_comes_compressed_as_the_browser_takes_it(
    light: Starlette, accept: str, coding: str | None
) -> None:
    phone = Phone(light)
    response = phone.request("GET", "/j", headers={"Accept-Encoding": accept})
    assert response.headers.get("content-encoding") == coding
    assert "Accept-Encoding" in response.headers["vary"]
    assert "Room code" in response.text  # decoded by the client: the same page
