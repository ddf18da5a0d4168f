"""Uploads for a session another replica holds get 404 (nginx then tries the next replica)."""

from __future__ import annotations

from typing import Any

from serving.affinity import SessionElsewhereMiddleware
from tests.aio import run


async def _streamlit(_scope: Any, _receive: Any, send: Any) -> None:
    await send({"type": "http.response.start", "status": 204, "headers": []})
    await send({"type": "http.response.body", "body": b""})


def _status(method: str, path: str, *, default: bool = False) -> int:
    if default:  # the server's own answer: Streamlit's runtime (serving.st_internals)
        middleware = SessionElsewhereMiddleware(_streamlit)
    else:
        middleware = SessionElsewhereMiddleware(_streamlit, is_here=lambda sid: sid == "mine")
    scope = {"type": "http", "method": method, "path": path, "headers": [], "query_string": b""}
    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    run(middleware(scope, receive, send))
    return int(sent[0]["status"])


def test_an_upload_for_a_session_held_elsewhere_is_not_found_here() -> None:
    assert _status("PUT", "/_stcore/upload_file/theirs/file-1") == 404
    assert _status("DELETE", "/_stcore/upload_file/theirs/file-1") == 404


def test_uploads_for_this_servers_sessions_and_other_requests_pass_through() -> None:
    assert _status("PUT", "/_stcore/upload_file/mine/file-1") == 204
    assert _status("DELETE", "/_stcore/upload_file/mine/file-1") == 204
    assert _status("GET", "/_stcore/upload_file/theirs/file-1") == 204  # Streamlit decides
    assert _status("PUT", "/somewhere/else") == 204


def test_without_a_running_server_streamlit_decides() -> None:
    # No runtime in this process: nothing to compare with, the upload goes on to Streamlit.
    assert _status("PUT", "/_stcore/upload_file/any/file-1", default=True) == 204
