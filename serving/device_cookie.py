"""The device cookie: one random token per browser, set on the first page load.

Streamlit reads cookies from the WebSocket handshake (`st.context.cookies`), which comes after
the page itself, so a cookie set on the page's response is there for the very first script run,
and every tab of the same browser sends the same one. The token never appears in a URL, so a
shared link carries no identity; it is HttpOnly (page scripts cannot read it) and SameSite=Lax.
"""

from __future__ import annotations

import re
import secrets
from http.cookies import SimpleCookie

from starlette.types import ASGIApp, Message, Receive, Scope, Send

COOKIE = "skills_map_device"
# Browsers keep a cookie at most about 400 days; a phone back next year is still the same one.
MAX_AGE_S = 400 * 24 * 3600
NEW_TOKEN = "skills_map_new_device_token"  # where a request's new token is, in scope["state"]
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{32}$")
# Streamlit's own endpoints and assets: only pages need the cookie.
_SKIP_PREFIXES = ("/_stcore/", "/static/", "/media/", "/component/", "/favicon")


def valid_token(value: object) -> bool:
    """True if `value` looks like a token this middleware made."""
    return isinstance(value, str) and bool(_TOKEN.match(value))


def _request_cookie(scope: Scope) -> str | None:
    for name, value in scope.get("headers", []):
        if name == b"cookie":
            jar: SimpleCookie = SimpleCookie()
            try:
                jar.load(value.decode("latin-1"))
            except Exception:
                return None
            morsel = jar.get(COOKIE)
            return morsel.value if morsel else None
    return None


def set_cookie_header(token: str, *, secure: bool) -> bytes:
    """The Set-Cookie header value for a new device token."""
    parts = [f"{COOKIE}={token}", "Path=/", f"Max-Age={MAX_AGE_S}", "HttpOnly", "SameSite=Lax"]
    if secure:
        parts.append("Secure")
    return "; ".join(parts).encode("latin-1")


class DeviceCookieMiddleware:
    """Pure ASGI middleware: a page response to a browser without a valid cookie sets one."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if (
            scope["type"] != "http"
            or scope.get("method") != "GET"
            or path.startswith(_SKIP_PREFIXES)
            or valid_token(_request_cookie(scope))
        ):
            await self.app(scope, receive, send)
            return
        token = secrets.token_urlsafe(24)
        header = set_cookie_header(token, secure=scope.get("scheme") == "https")
        # A page made by the server itself (the light join page) binds its form to this token.
        scope.setdefault("state", {})[NEW_TOKEN] = token

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {
                    **message,
                    "headers": [*message.get("headers", []), (b"set-cookie", header)],
                }
            await send(message)

        await self.app(scope, receive, send_with_cookie)
