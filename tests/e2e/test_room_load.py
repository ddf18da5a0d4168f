"""A small room at protocol level (Streamlit's own WebSocket): nothing lost, one projector
keeps up, and per-address limits believe X-Forwarded-For only from a trusted proxy.

Bounded: at most 30 simulated phones for a few seconds, all on 127.0.0.x. Speed figures live in
`bench/bench_room_load.py`; these tests check behaviour.
"""

from __future__ import annotations

import asyncio
import base64
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.proto.WidgetStates_pb2 import WidgetState

import store
from tests.aio import run
from testsupport.server import start_app, stop_app
from testsupport.stclient import Run, Session

pytestmark = pytest.mark.e2e


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("SKILLS_MAP_DATA_HOME", str(tmp_path / "appdata"))
    monkeypatch.delenv("SKILLS_MAP_DATABASE_URL", raising=False)
    yield tmp_path
    store.default_engine().dispose()


async def _phone(base: str, code: str, name: str, **session: object) -> Run:
    phone = Session(base, "join", f"room={code}", **session)  # type: ignore[arg-type]
    try:
        page = await phone.open(timeout=60)
        states = [
            WidgetState(id=page.widgets["join_name"].id, string_value=name),
            WidgetState(id=page.widgets["join_submit"].id, trigger_value=True),
        ]
        return await phone.rerun(states, timeout=60)
    finally:
        await phone.close()


def _crowd(run: Run) -> int | None:
    for chart in run.charts:
        for trace in chart["data"]:
            if trace.get("meta", {}).get("kind") == "crowd":
                x = trace["x"]
                return len(base64.b64decode(x["bdata"])) // 4
    return None


def test_thirty_phones_in_three_seconds_lose_nothing(data_home: Path) -> None:
    created = store.create_room(title="Small hall")
    code = created.room.code
    store.set_room_state(room=code, key=created.key, screen="map")
    url, proc = start_app(data_home)
    shown: list[int] = []

    async def scenario() -> list[Run]:
        projector = Session(
            url,
            "present",
            f"room={code}",
            on_run=lambda _s, r: shown.extend(n for n in [_crowd(r)] if n is not None),
        )
        await projector.open(timeout=60)

        async def later(i: int) -> Run:
            await asyncio.sleep(i * 0.1)
            headers = {"X-Forwarded-For": f"198.18.0.{i + 1}"}
            return await _phone(url, code, f"Phone {i}", headers=headers)

        runs = await asyncio.gather(*(later(i) for i in range(30)))
        for _ in range(40):  # the projector notices within a few refreshes
            if shown and shown[-1] == 30:
                break
            await asyncio.sleep(0.25)
        await projector.close()
        return list(runs)

    try:
        runs = run(scenario())
    finally:
        stop_app(proc)
    assert all(any("Saved" in t for t in r.texts) for r in runs)
    names = sorted(e.name or "" for e in store.room_snapshot(room=code).entries)
    assert names == sorted(f"Phone {i}" for i in range(30))
    assert shown and shown[-1] == 30


def test_forwarded_addresses_count_only_behind_a_trusted_proxy(data_home: Path) -> None:
    code = store.create_room(title="Proxy").room.code
    url, proc = start_app(data_home, extra_env={"SKILLS_MAP_JOINS_PER_MINUTE": "2"})

    async def three(local: str) -> list[str]:
        texts = []
        for i in range(3):
            run = await _phone(
                url,
                code,
                f"{local} {i}",
                headers={"X-Forwarded-For": f"198.18.1.{i + 1}"},
                local_addr=(local, 0),
            )
            texts.append(" ".join(run.texts))
        return texts

    try:
        # From 127.0.0.1, a trusted proxy by default: three different forwarded addresses.
        trusted = run(three("127.0.0.1"))
        # From 127.0.0.2, not trusted: the header is ignored, all three are one address.
        untrusted = run(three("127.0.0.2"))
    finally:
        stop_app(proc)
    assert all("Saved" in t for t in trusted)
    assert ["Saved" in t for t in untrusted] == [True, True, False]
    assert "Too many new participants from your network" in untrusted[2]
