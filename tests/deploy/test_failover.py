"""A replica dies mid-workshop: what recovers by itself through nginx, what is lost, and how the
pages say so. deploy/replicas.sh restarts the killed replica; the browsers that moved stay on
the replica they moved to, and their uploads and media still reach it.
"""

from __future__ import annotations

import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from streamlit.proto.WidgetStates_pb2 import WidgetState

import store
from components.room.join import NAME
from components.team.input import LOST_UPLOAD
from roles.models import Profile
from serving.device_cookie import COOKIE
from tests.aio import run
from tests.deploy.conftest import PHONE
from tests.deploy.test_replicas import _BUBBLES, _TEAM_POINTS, TEAM, _room
from testsupport.server import start_app, stop_app
from testsupport.stack import Stack, upstream_port
from testsupport.stclient import Session

pytestmark = [pytest.mark.e2e, pytest.mark.deploy]

MOVED = "Not saved: your phone's connection moved to another server"


def _answer(stack: Stack, code: str, *, ml: float) -> None:
    """A new participant's answer, written straight into the shared database."""
    store.submit(
        room=code,
        participant=store.new_participant_token(),
        profile=Profile(ml=ml, swe=3, comm=5),
        name=None,
        engine=stack.engine,
    )


def test_pages_on_a_killed_replica_recover_through_nginx(  # type: ignore[no-untyped-def]
    up: Stack, open_page, tmp_path: Path
) -> None:
    created = _room(up, "Failover", screen="map")
    code = created.room.code
    _answer(up, code, ml=2)
    doomed, survivor = up.ports
    (token,) = up.tokens_for(doomed)  # every page below lives on the replica that dies
    team_file = tmp_path / "team.csv"
    team_file.write_text(TEAM, encoding="utf-8")

    projector = open_page(f"/present?room={code}", token=token)
    projector.get_by_text("1 participant", exact=True).wait_for()
    team = open_page("/team", token=token)
    team.locator("input[type=file]").set_input_files(str(team_file))
    team.wait_for_function(f"({_TEAM_POINTS})() === 3")
    phone = open_page(f"/join?room={code}", token=token, viewport=PHONE)
    phone.get_by_placeholder("Leave empty to stay anonymous").fill("Typed before the crash")
    host = open_page(f"/host?room={code}&key={created.key}", token=token)
    host.get_by_text("Entries: 1 participant").wait_for()

    up.kill_replica(doomed)
    killed = time.monotonic()
    _answer(up, code, ml=8)
    # The projector reconnects through nginx to the other replica and shows the new answer.
    projector.get_by_text("2 participants", exact=True).wait_for(timeout=15_000)
    projector.wait_for_function(f"({_BUBBLES}) === 2", timeout=15_000)
    print(f"projector showed the new answer {time.monotonic() - killed:.1f} s after the kill")
    # The Host page redraws itself on the new replica, a new session: the key is never in the
    # address (it would show on a hall's screen), so the page says how to get back in, with
    # the code filled in; the key typed again brings the controls back.
    host.get_by_text(f"Room {code}: the facilitator key is not kept").wait_for(timeout=15_000)
    assert host.get_by_label("Room code").input_value() == code
    host.get_by_label("Facilitator key").fill(created.key)
    host.get_by_role("button", name="Take control").click()
    host.get_by_text("Entries: 2 participants").wait_for(timeout=15_000)

    # The phone's first press reaches a session that never drew its form: it is told so.
    phone.get_by_role("button", name="Submit").click()
    phone.get_by_text(MOVED, exact=False).wait_for(timeout=15_000)
    phone.get_by_role("button", name="Submit").click()
    phone.get_by_text("Saved at", exact=False).first.wait_for()
    assert store.room_snapshot(room=code, engine=up.engine).count == 3
    host.get_by_role("button", name="Lock room").click()
    host.get_by_text("Room locked", exact=False).first.wait_for()
    assert store.get_room(room=code, engine=up.engine).locked

    # The Team page lost its upload with the old session, and says so on the next click.
    team.get_by_text("Show names on the map").click()
    team.get_by_text(LOST_UPLOAD).wait_for(timeout=15_000)
    assert team.locator("[data-testid=stException]").count() == 0

    # The killed replica is back (deploy/replicas.sh restarted it) and nginx sends its browsers
    # there again; these pages' sessions live on the survivor, and still get what is theirs.
    up.wait_all_up()
    up.log_lines()
    team.locator("input[type=file]").set_input_files(str(team_file))
    team.wait_for_function(f"({_TEAM_POINTS})() === 3")
    (put,) = [ln for ln in up.log_until('"PUT /_stcore/upload_file/') if "upload_file" in ln]
    assert upstream_port(put) == survivor
    # The projector's QR code image lives in the survivor's memory; asked for with the cookie
    # that points at the returned replica, nginx finds it on the survivor.
    qr = projector.evaluate("document.querySelector('.st-key-present_qr_small img').src")
    up.log_lines()
    request = urllib.request.Request(qr, headers={"Cookie": f"{COOKIE}={token}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200 and response.read().startswith(b"\x89PNG")
    # The projector may fetch the same image meanwhile (its map refreshes), so the log can hold
    # more than one line for it: ours is the one nginx tried on the returned replica first.
    path = urllib.parse.urlsplit(qr).path
    retried = f"upstream=127.0.0.1:{doomed}, 127.0.0.1:{survivor} "
    seen: list[str] = []
    deadline = time.monotonic() + 10
    while not any(path in ln and retried in ln for ln in seen):
        assert time.monotonic() < deadline, f"no GET of {path} tried on {doomed} first: {seen}"
        time.sleep(0.05)
        seen += up.log_lines()


def test_a_press_that_reaches_a_fresh_session_is_reported_not_dropped(tmp_path: Path) -> None:
    """At protocol level, on one server: a new WebSocket is what another replica would see."""
    url, proc = start_app(tmp_path)
    engine = store.make_engine(f"sqlite:///{tmp_path}/appdata/rooms.sqlite")
    try:
        code = store.create_room(title="Fresh", engine=engine).room.code

        async def scenario() -> tuple[str, str]:
            phone = Session(url, "join", f"room={code}")
            try:
                page = await phone.open(timeout=60)
                name = WidgetState(id=page.widgets[NAME].id, string_value="Typed")
                phone.widget_states[name.id] = name
                await phone.reconnect(timeout=60)
                press = WidgetState(id=page.widgets["join_submit"].id, trigger_value=True)
                lost = await phone.rerun([press], timeout=60)
                again = await phone.rerun([press], timeout=60)
                return " ".join(lost.texts), " ".join(again.texts)
            finally:
                await phone.close()

        lost, again = run(scenario())
    finally:
        engine.dispose()
        stop_app(proc)
    assert MOVED in lost and "Saved at" not in lost
    assert "Saved at" in again
