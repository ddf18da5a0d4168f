"""The device cookie middleware and the server's start/stop hooks, driven as plain ASGI."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import store
from roles.models import Profile
from serving import lifespan as hooks
from serving.device_cookie import COOKIE, DeviceCookieMiddleware, valid_token
from tests.aio import run


async def _page(_scope: Any, _receive: Any, send: Any) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"<html></html>"})


def _get(path: str, cookie: str | None = None, scheme: str = "http") -> dict[str, str]:
    headers = [(b"cookie", cookie.encode())] if cookie else []
    scope = {"type": "http", "method": "GET", "path": path, "headers": headers, "scheme": scheme}
    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    async def receive() -> dict[str, Any]:
        return {"type": "http.request"}

    run(DeviceCookieMiddleware(_page)(scope, receive, send))
    return {k.decode(): v.decode() for k, v in sent[0]["headers"]}


def test_first_page_load_sets_an_httponly_lax_cookie() -> None:
    header = _get("/join")["set-cookie"]
    name, _, rest = header.partition("=")
    token = rest.split(";")[0]
    assert name == COOKIE and valid_token(token)
    assert "HttpOnly" in header and "SameSite=Lax" in header and "Path=/" in header
    assert "Secure" not in header
    assert "Secure" in _get("/join", scheme="https")["set-cookie"]


def test_a_browser_with_the_cookie_keeps_it_and_assets_get_none() -> None:
    token = "A" * 32
    assert "set-cookie" not in _get("/join", cookie=f"other=1; {COOKIE}={token}")
    assert "set-cookie" not in _get("/_stcore/health")
    assert "set-cookie" not in _get("/static/js/index.js")
    # A damaged or foreign value is replaced by a fresh token.
    assert "set-cookie" in _get("/join", cookie=f"{COOKIE}=<script>")
    assert "set-cookie" in _get("/join", cookie='bad"cookie;;==')


def test_each_browser_gets_its_own_token() -> None:
    tokens = {_get("/")["set-cookie"].split(";")[0] for _ in range(20)}
    assert len(tokens) == 20


@pytest.fixture
def store_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The default store in a temp folder, and no garbage-collector freeze (the test process
    goes on)."""
    monkeypatch.setenv("SKILLS_MAP_DATA_HOME", str(tmp_path))
    monkeypatch.delenv("SKILLS_MAP_DATABASE_URL", raising=False)
    monkeypatch.setattr(hooks, "_freeze", lambda: None)
    yield tmp_path
    store.default_engine().dispose()


def test_the_apps_warm_up_runs_once_before_the_server_serves(store_home: Path) -> None:
    """The app hands its warm-up to the lifespan (serving imports no pages itself)."""
    calls: list[str] = []

    async def serve() -> None:
        async with hooks.lifespan_with(lambda: calls.append("warm"))(None):
            calls.append("serving")

    run(serve())
    assert calls == ["warm", "serving"]


def test_stopping_the_server_checkpoints_the_store(store_home: Path) -> None:
    tmp_path = store_home

    async def serve() -> None:
        async with hooks.lifespan_with(lambda: None)(None):
            code = store.create_room(title="Stop").room.code
            store.submit(
                room=code,
                participant=store.new_participant_token(),
                profile=Profile(ml=1, swe=1, comm=1),
                name=None,
            )
            assert (tmp_path / "rooms.sqlite-wal").stat().st_size > 0

    run(serve())
    wal = tmp_path / "rooms.sqlite-wal"
    assert not wal.exists() or wal.stat().st_size == 0


def test_expired_rooms_are_purged_on_a_schedule(
    store_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(hooks, "PURGE_EVERY_S", 0.05)
    codes = []

    async def serve() -> None:
        async with hooks.lifespan_with(lambda: None)(None):
            # Made after start (a purge at start cannot see it), expired a moment later.
            codes.append(store.create_room(title="Short", ttl_days=0.000001).room.code)
            await asyncio.sleep(0.4)

    run(serve())
    code = codes[0]
    from sqlalchemy import text

    with store.default_engine().connect() as conn:
        assert (
            conn.execute(text("SELECT count(*) FROM rooms WHERE code = :c"), {"c": code}).scalar()
            == 0
        )
    store.default_engine().dispose()
