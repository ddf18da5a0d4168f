"""A Streamlit browser session at the protocol level: one page over `/_stcore/stream`.

What a browser does, without the browser: `GET` the page (which sets the app's cookies), open
the WebSocket with those cookies, send `BackMsg.rerun_script` with the page's address and the
widgets' values, and read `ForwardMsg`s until the run's `script_finished`. Messages the server
marks cacheable are kept and reported back (`cached_message_hashes`) as the browser does, so the
server may answer with a short reference instead. Auto-reruns of fragments (`run_every`) are
sent on their interval, like the browser's timer.

Used by `bench/bench_room_load.py`, `bench/bench_deploy.py` and by the protocol-level tests
(tests/e2e/protocol.py, tests/deploy).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect


async def http_get(
    url: str,
    headers: dict[str, str],
    timeout: float = 60,
    local_addr: tuple[str, int] | None = None,
) -> dict[str, str]:
    """GET `url` (HTTP/1.1, no body kept); returns the cookies the response sets."""
    parts = urlsplit(url)
    reader, writer = await asyncio.wait_for(
        asyncio.open_connection(parts.hostname, parts.port or 80, local_addr=local_addr), timeout
    )
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    lines = [f"GET {path} HTTP/1.1", f"Host: {parts.netloc}", "Connection: close"]
    lines += [f"{k}: {v}" for k, v in headers.items()]
    writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
    await writer.drain()
    try:
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), timeout)
        await asyncio.wait_for(reader.read(), timeout)  # drain the body, as a browser would
    finally:
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()
    status = head.split(b"\r\n", 1)[0].decode("latin-1")
    if " 200 " not in f"{status} ":
        raise ConnectionError(f"GET {url}: {status}")
    cookies: dict[str, str] = {}
    for line in head.decode("latin-1").split("\r\n")[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "set-cookie":
            pair = value.strip().split(";", 1)[0]
            key, _, val = pair.partition("=")
            cookies[key.strip()] = val.strip()
    return cookies


@dataclass
class Run:
    """What one script run sent: its elements' texts, widgets by user key, and charts."""

    texts: list[str] = field(default_factory=list)
    widgets: dict[str, Any] = field(default_factory=dict)  # user key -> element proto
    charts: list[dict[str, Any]] = field(default_factory=list)
    bytes: int = 0
    status: int = -1
    fragment_ids: set[str] = field(default_factory=set)  # fragments that drew in this run


def _user_key(widget_id: str) -> str:
    # Element ids of keyed widgets end in "-<key>"; unkeyed ones have no useful suffix.
    return widget_id.rsplit("-", 1)[-1] if widget_id.startswith("$$ID") else widget_id


_TEXT_FIELDS = {"markdown": "body", "alert": "body", "toast": "body", "heading": "body"}


class Session:
    """One browser tab on one page of the app."""

    def __init__(
        self,
        base: str,
        page: str,
        query: str,
        *,
        headers: dict[str, str] | None = None,
        cookies: dict[str, str] | None = None,
        on_run: Callable[[Session, Run], None] | None = None,
        local_addr: tuple[str, int] | None = None,
    ) -> None:
        self.base, self.page, self.query = base.rstrip("/"), page, query
        self.local_addr = local_addr  # connect from this loopback address (e.g. 127.0.0.2)
        self.headers = dict(headers or {})
        self.cookies = dict(cookies or {})
        self.on_run = on_run
        self.page_hash = ""
        self.widget_states: dict[str, WidgetState] = {}
        self.bytes_received = 0
        self._cache: dict[str, ForwardMsg] = {}
        self._ws: ClientConnection | None = None
        self._reader: asyncio.Task[None] | None = None
        self._timers: dict[str, asyncio.Task[None]] = {}
        self._run = Run()
        self._done: asyncio.Future[Run] | None = None

    async def open(self, timeout: float = 120) -> Run:
        """Load the page: GET it (cookies), connect, run the script once; returns that run."""
        url = f"{self.base}/{self.page}" + (f"?{self.query}" if self.query else "")
        self.cookies.update(await http_get(url, self._http_headers(), timeout, self.local_addr))
        await self._connect(timeout)
        return await self.rerun(timeout=timeout)

    async def reconnect(self, timeout: float = 120) -> None:
        """A new WebSocket, as a browser opens after its server went away (no run yet).

        The new connection names no earlier session, so the server starts a fresh one that has
        never run the page, as another replica would; the widgets' values stay here and go with
        the next rerun, as a browser's do.
        """
        await self._disconnect()
        await self._connect(timeout)

    async def _connect(self, timeout: float) -> None:
        ws_url = self.base.replace("http", "ws", 1) + "/_stcore/stream"
        self._ws = await asyncio.wait_for(
            connect(
                ws_url,
                subprotocols=["streamlit"],  # type: ignore[list-item]
                additional_headers=self._http_headers(),
                origin=self.base,  # type: ignore[arg-type]
                max_size=None,
                open_timeout=timeout,
                ping_interval=None,
                local_addr=self.local_addr,
            ),
            timeout,
        )
        self._reader = asyncio.create_task(self._read())

    def _http_headers(self) -> dict[str, str]:
        headers = dict(self.headers)
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        return headers

    async def rerun(
        self,
        changes: list[WidgetState] | None = None,
        *,
        fragment_id: str = "",
        timeout: float = 120,
        wait: bool = True,
    ) -> Run:
        """Send the widgets' values (with `changes`) and wait for the run to finish."""
        for state in changes or []:
            if not state.HasField("trigger_value"):
                self.widget_states[state.id] = state
        msg = BackMsg()
        client = msg.rerun_script
        client.query_string = self.query
        client.page_script_hash = self.page_hash
        client.page_name = "" if self.page_hash else self.page
        client.fragment_id = fragment_id
        client.is_auto_rerun = bool(fragment_id)
        client.context_info.timezone = "UTC"
        client.context_info.locale = "en-US"
        client.context_info.url = f"{self.base}/{self.page}?{self.query}"
        client.cached_message_hashes.extend(self._cache)
        client.widget_states.widgets.extend(self.widget_states.values())
        client.widget_states.widgets.extend(s for s in changes or [] if s.HasField("trigger_value"))
        loop = asyncio.get_running_loop()
        if wait:
            self._done = loop.create_future()
        assert self._ws is not None
        await self._ws.send(msg.SerializeToString())
        if not wait:
            return Run()
        assert self._done is not None
        return await asyncio.wait_for(self._done, timeout)

    async def _read(self) -> None:
        assert self._ws is not None
        with contextlib.suppress(Exception):
            async for raw in self._ws:
                data = raw if isinstance(raw, bytes) else raw.encode()
                self.bytes_received += len(data)
                self._run.bytes += len(data)
                msg = ForwardMsg()
                msg.ParseFromString(data)
                self._handle(msg)

    def _handle(self, msg: ForwardMsg) -> None:
        kind = msg.WhichOneof("type")
        if kind == "ref_hash":
            cached = self._cache.get(msg.ref_hash)
            if cached is None:
                return
            kind, msg = cached.WhichOneof("type"), cached
        elif msg.metadata.cacheable and msg.hash:
            self._cache[msg.hash] = msg
        if kind == "new_session":
            self.page_hash = msg.new_session.page_script_hash or self.page_hash
        elif kind == "navigation":
            self.page_hash = msg.navigation.page_script_hash or self.page_hash
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            if msg.delta.fragment_id:
                self._run.fragment_ids.add(msg.delta.fragment_id)
            self._element(msg.delta.new_element)
        elif kind == "auto_rerun":
            self._start_timer(msg.auto_rerun.fragment_id, msg.auto_rerun.interval)
        elif kind == "script_finished":
            self._finish(int(msg.script_finished))

    def _element(self, element: Any) -> None:
        kind = element.WhichOneof("type")
        proto = getattr(element, kind)
        if kind in _TEXT_FIELDS:
            self._run.texts.append(getattr(proto, _TEXT_FIELDS[kind]))
        elif kind == "plotly_chart":
            self._run.charts.append(json.loads(proto.spec))
        widget_id = getattr(proto, "id", "")
        if isinstance(widget_id, str) and widget_id.startswith("$$ID"):
            self._run.widgets[_user_key(widget_id)] = proto

    def _finish(self, status: int) -> None:
        run, self._run = self._run, Run()
        run.status = status
        if self.on_run is not None:
            self.on_run(self, run)
        if status == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
            return
        if self._done is not None and not self._done.done():
            self._done.set_result(run)

    def _start_timer(self, fragment_id: str, interval: float) -> None:
        if fragment_id in self._timers:
            return

        async def tick() -> None:
            while True:
                await asyncio.sleep(interval)
                with contextlib.suppress(Exception):
                    await self.rerun(fragment_id=fragment_id, wait=False)

        self._timers[fragment_id] = asyncio.create_task(tick())

    async def close(self) -> None:
        """Stop the timers and close the WebSocket."""
        await self._disconnect()

    async def _disconnect(self) -> None:
        for task in self._timers.values():
            task.cancel()
        self._timers.clear()
        if self._ws is not None:
            await self._ws.close()
        if self._reader is not None:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await asyncio.wait_for(self._reader, 5)


def widget(key_or_id: str, run: Run, **value: Any) -> WidgetState:
    """A WidgetState for the widget drawn with user key `key_or_id` in `run`."""
    proto = run.widgets[key_or_id]
    state = WidgetState(id=proto.id)
    ((name, v),) = value.items()
    if name in ("double_array_value", "string_array_value"):
        getattr(state, name).data.extend(v)
    else:
        setattr(state, name, v)
    return state


def now() -> float:
    """Wall-clock seconds (the server's timestamps use the same clock)."""
    return time.time()
