"""A phone on the light join page, at the HTTP level: the routes and the device cookie
middleware as the server mounts them, on a fresh store, through httpx's ASGI transport."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.middleware import Middleware

from serving import participant
from serving.device_cookie import COOKIE, DeviceCookieMiddleware
from serving.join_page import routes
from tests.aio import run

_HIDDEN = re.compile(r'<input type="hidden" name="(\w+)" value="([^"]*)">')
_TEXT = re.compile(r'<input type="text" id="\w+" name="(\w+)" value="([^"]*)"')
_CHECKED = re.compile(r'name="(ml|swe|comm)" value="(\d+)" checked')


def light_app() -> Starlette:
    """The light page as `app.py` serves it (routes plus the device cookie)."""
    return Starlette(routes=routes(), middleware=[Middleware(DeviceCookieMiddleware)])


@dataclass
class Page:
    """One answer from the light page: status, HTML and the form's hidden fields."""

    status: int
    text: str
    headers: Any

    @property
    def hidden(self) -> dict[str, str]:
        return {k: html.unescape(v) for k, v in _HIDDEN.findall(self.text)}

    @property
    def fields(self) -> dict[str, str]:
        """What the browser sends: the hidden fields and the text fields as filled in."""
        return {**self.hidden, **{k: html.unescape(v) for k, v in _TEXT.findall(self.text)}}

    @property
    def checked(self) -> dict[str, int]:
        return {k: int(v) for k, v in _CHECKED.findall(self.text)}


class Phone:
    """One browser: its own cookie jar; `open` a room, `send` the form."""

    def __init__(self, app: Starlette, *, cookies: bool = True, **headers: str) -> None:
        self.app, self.headers, self.cookies = app, headers, cookies
        self.jar = httpx.Cookies()
        self.last: Page | None = None

    def request(self, method: str, path: str, **kw: Any) -> httpx.Response:
        """One request with this browser's cookies (kept unless it refuses them)."""

        async def go() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(
                transport=transport, base_url="http://testserver", headers=self.headers
            ) as client:
                client.cookies = httpx.Cookies(self.jar)
                response = await client.request(method, path, **kw)
                if self.cookies:
                    self.jar = httpx.Cookies(client.cookies)
                return response

        return run(go())

    def _page(self, response: httpx.Response) -> Page:
        self.last = Page(response.status_code, response.text, response.headers)
        return self.last

    def open(self, query: str = "") -> Page:
        return self._page(self.request("GET", f"/j{query}"))

    def send(self, page: Page | None = None, **fields: str) -> Page:
        """Submit the form of `page` (default: the last one) with `fields` changed."""
        form = {**(page or self.last or Page(0, "", {})).fields}
        form.update({"ml": "5", "swe": "5", "comm": "5", "name": ""} | fields)
        headers = {"Origin": "http://testserver"}
        return self._page(self.request("POST", "/j", data=form, headers=headers))

    @property
    def token(self) -> str | None:
        return self.jar.get(COOKIE)

    def participant(self) -> str:
        assert self.token is not None
        return participant.participant_id(self.token)
