"""An upload for a session this server does not hold is answered 404, so a proxy tries another.

Behind nginx, a browser's uploads (`PUT /_stcore/upload_file/<session>/<file>`) and media files
(`/media/...`) must reach the replica that holds its session. The device cookie sends them
there, except after a failover: a replica that crashed and came back gets its browsers'
requests again while their sessions now live on the replica they moved to. Streamlit answers
such an upload with 400, which nginx hands to the browser ("Request failed with status code
400"). Answered 404, nginx (`proxy_next_upstream http_404`) tries the next replica, as it does
for a media file this replica does not have, and 404s never count against a replica's health.
Without a proxy, 404 ends the upload as 400 did.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from serving.st_internals import session_is_here

_UPLOAD = re.compile(r"/_stcore/upload_file/([^/]+)/[^/]+$")


class SessionElsewhereMiddleware:
    """Pure ASGI middleware: 404 for an upload whose session is not connected to this server."""

    def __init__(self, app: ASGIApp, is_here: Callable[[str], bool] = session_is_here) -> None:
        self.app = app
        self.is_here = is_here

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("method") in ("PUT", "DELETE"):
            match = _UPLOAD.search(scope.get("path", ""))
            if match and not self.is_here(match.group(1)):
                response = PlainTextResponse("No such session on this server.", status_code=404)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
