"""The recipe as a deployer runs it: PostgreSQL, two replicas (deploy/replicas.sh) and nginx with
deploy/nginx/skills-map.conf, driven through nginx by chromium and by protocol-level phones.

Everything listens on 127.0.0.1 and is stopped by the fixtures, also when a test fails.
"""

from __future__ import annotations

import gzip
import re
import secrets
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

import pytest

import store
from tests.aio import run
from tests.deploy.conftest import PHONE, stack_for
from tests.e2e.test_room_load import _phone as protocol_phone
from testsupport.stack import Stack, upstream_port

pytestmark = [pytest.mark.e2e, pytest.mark.deploy]

# Region outlines are lines; only the crowd trace draws marker points.
_BUBBLES = "document.querySelectorAll('.js-plotly-plot .scatterlayer path.point').length"
_TEAM_POINTS = """() => {
  const plot = document.querySelector('.js-plotly-plot');
  return plot ? (plot._fullData || []).filter(t => t.meta && t.meta.kind === 'team')
                  .reduce((n, t) => n + t.x.length, 0) : 0;
}"""
STREAM = '"GET /_stcore/stream"'
TEAM = "name,ML expertise,Software engineering,Communication\nAna,7,6,5\nBen,2,8,4\nChloé,5,2,8\n"


def _room(stack: Stack, title: str, **state: object) -> store.CreatedRoom:
    created = store.create_room(title=title, engine=stack.engine)
    if state:
        store.set_room_state(room=created.room.code, key=created.key, engine=stack.engine, **state)
    return created


def _streams(lines: list[str]) -> Counter[int]:
    """Replica port -> WebSockets it served, from access log lines (written when they close)."""
    return Counter(upstream_port(ln) for ln in lines if STREAM in ln)


def test_nginx_keeps_each_device_on_one_replica_and_spreads_devices(up: Stack) -> None:
    tokens = [secrets.token_urlsafe(24) for _ in range(24)]
    first = [up.upstream_for(t) for t in tokens]
    assert [up.upstream_for(t) for t in tokens] == first  # the same device, the same replica
    # One address (a venue's Wi-Fi) with many devices still reaches every replica.
    assert set(first) == set(up.ports)
    # Without a cookie yet (the very first page load), the address decides, consistently.
    assert len({up.upstream_for(None) for _ in range(5)}) == 1


def test_a_room_fills_from_phones_on_both_replicas(up: Stack, open_page) -> None:  # type: ignore[no-untyped-def]
    created = _room(up, "Two replicas", screen="map")
    code = created.room.code
    projector = open_page(f"/present?room={code}")
    projector.get_by_text("0 participants", exact=True).wait_for()
    up.log_lines()
    phones = []
    for i, port in enumerate([p for p in up.ports for _ in range(2)]):
        (token,) = up.tokens_for(port)
        phone = open_page(f"/join?room={code}", token=token, viewport=PHONE)
        phone.get_by_placeholder("Leave empty to stay anonymous").fill(f"Phone {i}")
        phone.get_by_role("button", name="Submit").click()
        phone.get_by_text("Saved", exact=False).first.wait_for()
        phones.append(phone)
    projector.get_by_text("4 participants", exact=True).wait_for(timeout=10_000)
    projector.wait_for_function(f"({_BUBBLES}) === 4", timeout=10_000)
    names = sorted(e.name or "" for e in store.room_snapshot(room=code, engine=up.engine).entries)
    assert names == [f"Phone {i}" for i in range(4)]
    for phone in phones:
        phone.context.close()
    served = _streams(up.log_until(STREAM, count=4))
    assert all(served[port] >= 2 for port in up.ports), f"phones' WebSockets per replica: {served}"


def test_a_lock_set_on_one_replica_refuses_phones_on_the_other(up: Stack, open_page) -> None:  # type: ignore[no-untyped-def]
    created = _room(up, "Locked across replicas")
    code = created.room.code
    host_port, phone_port = up.ports
    (host_token,) = up.tokens_for(host_port)
    (phone_token,) = up.tokens_for(phone_port)
    host = open_page(f"/host?room={code}&key={created.key}", token=host_token)
    host.get_by_role("button", name="Lock room").click()
    host.get_by_text("Room locked", exact=False).first.wait_for()
    phone = open_page(f"/join?room={code}", token=phone_token, viewport=PHONE)
    phone.get_by_role("button", name="Submit").click()
    phone.get_by_text("Not saved", exact=False).first.wait_for()
    assert "is locked" in phone.inner_text("body")
    assert store.room_snapshot(room=code, engine=up.engine).count == 0


def test_team_uploads_through_nginx_work_ten_times_out_of_ten(  # type: ignore[no-untyped-def]
    up: Stack, open_page, tmp_path: Path
) -> None:
    team_file = tmp_path / "team.csv"
    team_file.write_text(TEAM, encoding="utf-8")
    # Six first visits (no cookie: the page sets it), then two browsers known to each replica.
    tokens: list[str | None] = [None] * 6 + [t for p in up.ports for t in up.tokens_for(p, 2)]
    uploads: list[tuple[int, int]] = []
    for token in tokens:
        up.log_lines()
        page = open_page("/team", token=token)
        page.locator("input[type=file]").set_input_files(str(team_file))
        page.wait_for_function(f"({_TEAM_POINTS})() === 3")
        page.context.close()  # nginx logs the WebSocket when it closes
        lines = up.log_until(STREAM)
        (put,) = [upstream_port(ln) for ln in lines if '"PUT /_stcore/upload_file/' in ln]
        (stream,) = _streams(lines)
        uploads.append((put, stream))
    assert all(put == stream for put, stream in uploads), uploads  # the session's own replica
    assert {put for put, _ in uploads} == set(up.ports)


def _put(url: str, size: int) -> int:
    request = urllib.request.Request(url, data=b"x" * size, method="PUT")
    request.add_header("Content-Type", "application/octet-stream")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_nginx_passes_uploads_the_app_takes_and_stops_bigger_ones(up: Stack) -> None:
    url = f"{up.url}/_stcore/upload_file/no-such-session/file"
    # Within the app's 5 MB the replica answers itself (no session here: 404), not nginx.
    assert _put(url, 5 * 1024 * 1024) == 404
    assert _put(url, 7 * 1024 * 1024) == 413


def test_phones_count_under_their_own_address_behind_nginx(tmp_path: Path) -> None:
    """Per-address limits see the address nginx saw, not nginx's, and not a forged header."""
    env = {"SKILLS_MAP_JOINS_PER_MINUTE": "2"}
    with stack_for(tmp_path, replicas=1, env=env) as stack:
        code = _room(stack, "Addresses").room.code

        async def join(local: str, forged: str, i: int) -> str:
            result = await protocol_phone(
                stack.url,
                code,
                f"{local} {i}",
                headers={"X-Forwarded-For": forged},
                local_addr=(local, 0),
            )
            return " ".join(result.texts)

        async def scenario() -> tuple[list[str], list[str]]:
            # Three real clients (one each on 127.0.0.3-5): three addresses, all admitted.
            apart = [await join(f"127.0.0.{3 + i}", "198.18.9.9", i) for i in range(3)]
            # One client forging three addresses: nginx appends the real one, which counts.
            forged = [await join("127.0.0.2", f"198.18.1.{i + 1}", i) for i in range(3)]
            return apart, forged

        apart, forged = run(scenario())
        assert all("Saved" in t for t in apart)
        assert ["Saved" in t for t in forged] == [True, True, False]
        assert re.search("Too many new participants from your network", forged[2])


def test_nginx_sends_streamlits_files_gzipped_itself(up: Stack) -> None:
    """From the precompressed copy (gzip_static): no replica is asked for them."""
    index = urllib.request.urlopen(f"{up.url}/", timeout=30).read()
    found = re.search(rb'src="\./(static/js/index\.[^"]+\.js)"', index)
    assert found is not None
    path = "/" + found.group(1).decode()
    up.log_lines()  # only what follows
    request = urllib.request.Request(up.url + path, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=30) as response:
        body, headers = response.read(), response.headers
    plain = urllib.request.urlopen(up.url + path, timeout=30).read()
    assert headers["Content-Encoding"] == "gzip" and "Accept-Encoding" in headers["Vary"]
    assert gzip.decompress(body) == plain and len(body) < len(plain) / 2
    assert "immutable" in headers["Cache-Control"]
    lines = [ln for ln in up.log_until(path, count=2) if path in ln]
    assert all("upstream=-" in ln for ln in lines), lines  # nginx answered both itself
