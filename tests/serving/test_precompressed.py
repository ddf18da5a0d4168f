"""Static files compressed once: the right coding for each client, the same bytes after decoding,
headers that caches can trust, and Streamlit's own answer wherever compression does not apply.

Streamlit's static route is stood in for by Starlette's StaticFiles on a folder of our own (the
same class Streamlit's handler extends), driven as plain ASGI.
"""

from __future__ import annotations

import asyncio
import gzip
import os
import time
from pathlib import Path
from typing import Any

import brotli
import pytest
from starlette.applications import Starlette
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from serving.encodings import decode, preferred
from serving.precompressed import PrecompressedStaticMiddleware
from tests.aio import run

SCRIPT = b"function f(){return 'hello world';}\n" * 400  # 14 KB, very compressible


@pytest.fixture
def site(tmp_path: Path) -> Path:
    static = tmp_path / "static"
    (static / "static" / "js").mkdir(parents=True)
    (static / "static" / "js" / "app.abc123.js").write_bytes(SCRIPT)
    (static / "static" / "js" / "tiny.js").write_bytes(b"var a=1;")
    (static / "static" / "media" / "font.woff2").parent.mkdir(parents=True)
    (static / "static" / "media" / "font.woff2").write_bytes(os.urandom(4096))
    (static / "index.html").write_bytes(b"<!doctype html><title>x</title>" + b"<p>hi</p>" * 300)
    return static


def _app(site: Path, cache: Path | None = None) -> PrecompressedStaticMiddleware:
    inner = Starlette(routes=[Mount("/", StaticFiles(directory=site, html=True))])
    return PrecompressedStaticMiddleware(inner, static_dir=site, cache_dir=cache or False)


def _get(
    app: Any, path: str, method: str = "GET", **headers: str
) -> tuple[int, dict[str, str], bytes]:
    raw = [(k.lower().replace("_", "-").encode(), v.encode()) for k, v in headers.items()]
    scope = {
        "type": "http",
        "method": method,
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": raw,
        "scheme": "http",
        "server": ("testserver", 80),
        "http_version": "1.1",
    }
    sent: list[dict[str, Any]] = []
    asked: list[bool] = []

    async def receive() -> dict[str, Any]:
        if asked:  # as a server does: the next message is the client going away
            await asyncio.Event().wait()
        asked.append(True)
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    run(app(scope, receive, send))
    head = {k.decode().lower(): v.decode() for k, v in sent[0]["headers"]}
    body = b"".join(m.get("body", b"") for m in sent[1:])
    return sent[0]["status"], head, body


def _wait_for_brotli(app: PrecompressedStaticMiddleware, rel: str) -> None:
    deadline = time.monotonic() + 30
    while "br" not in (app.files.assets[rel].bodies if app.files.assets.get(rel) else {}):
        assert time.monotonic() < deadline, "no brotli copy within 30 s"
        time.sleep(0.02)


JS = "/static/js/app.abc123.js"


def test_each_client_gets_a_coding_it_takes_and_the_same_bytes(site: Path) -> None:
    app = _app(site)
    status, head, body = _get(app, JS, accept_encoding="gzip, deflate")
    assert status == 200 and head["content-encoding"] == "gzip"
    assert gzip.decompress(body) == SCRIPT and int(head["content-length"]) == len(body)
    assert head["vary"] == "Accept-Encoding"
    assert head["content-type"].startswith("text/javascript")  # Streamlit's own headers kept
    assert "last-modified" in head and "accept-ranges" not in head
    _wait_for_brotli(app, "static/js/app.abc123.js")
    _, br_head, br_body = _get(app, JS, accept_encoding="gzip, br")
    assert br_head["content-encoding"] == "br" and brotli.decompress(br_body) == SCRIPT
    assert len(br_body) < len(body) < len(SCRIPT) // 10
    assert br_head["etag"] != head["etag"]  # one tag per representation


@pytest.mark.parametrize("accept", [None, "identity", "gzip;q=0", "deflate"])
def test_a_client_that_takes_no_coding_of_ours_gets_the_file_as_it_is(
    site: Path, accept: str | None
) -> None:
    app = _app(site)
    headers = {} if accept is None else {"accept_encoding": accept}
    status, head, body = _get(app, JS, **headers)
    assert status == 200 and "content-encoding" not in head and body == SCRIPT
    assert head["vary"] == "Accept-Encoding"  # a cache must not hand this to a gzip client


def test_a_range_request_is_streamlits_own_answer(site: Path) -> None:
    status, head, body = _get(_app(site), JS, accept_encoding="gzip", range="bytes=0-9")
    assert status == 206 and body == SCRIPT[:10] and "content-encoding" not in head


def test_if_none_match_with_the_coded_tag_is_not_modified(site: Path) -> None:
    app = _app(site)
    _, head, _ = _get(app, JS, accept_encoding="gzip")
    status, again, body = _get(app, JS, accept_encoding="gzip", if_none_match=head["etag"])
    assert status == 304 and body == b"" and again["etag"] == head["etag"]
    assert again["vary"] == "Accept-Encoding"
    status, _, body = _get(app, JS, accept_encoding="gzip", if_none_match='"other"')
    assert status == 200 and gzip.decompress(body) == SCRIPT


def test_head_says_what_get_would_send(site: Path) -> None:
    app = _app(site)
    _, got, body = _get(app, JS, accept_encoding="gzip")
    status, head, nothing = _get(app, JS, "HEAD", accept_encoding="gzip")
    assert status == 200 and nothing == b""
    assert head["content-length"] == got["content-length"] == str(len(body))


def test_the_root_document_is_compressed_and_stays_uncached(site: Path) -> None:
    status, head, body = _get(_app(site), "/", accept_encoding="gzip")
    assert status == 200 and head["content-encoding"] == "gzip"
    assert gzip.decompress(body) == (site / "index.html").read_bytes()


@pytest.mark.parametrize(
    "path",
    [
        "/static/js/tiny.js",  # too small to gain
        "/static/media/font.woff2",  # already compressed
        "/static/js/missing.js",  # not a file: Streamlit decides
        "/static/../index.html",
        "/static/js/%2e%2e/app.abc123.js",
    ],
)
def test_other_paths_are_left_to_streamlit(site: Path, path: str) -> None:
    _status, head, _ = _get(_app(site), path, accept_encoding="gzip, br")
    assert "content-encoding" not in head


def test_copies_are_kept_on_disk_and_a_damaged_copy_is_made_again(
    site: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    first = _app(site, cache)
    _get(first, JS, accept_encoding="gzip")
    _wait_for_brotli(first, "static/js/app.abc123.js")
    kept = sorted(p.suffix for p in cache.iterdir())
    assert kept == [".br", ".gzip"]
    gz_copy = next(cache.glob("*.gzip"))
    gz_copy.write_bytes(gzip.compress(b"something else"))  # a stale or torn copy
    _, _head, body = _get(_app(site, cache), JS, accept_encoding="gzip")
    assert gzip.decompress(body) == SCRIPT
    assert decode(gz_copy.read_bytes(), "gzip") == SCRIPT  # written again, correct


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("gzip, deflate, br", "br"),
        ("gzip;q=1, br;q=0.5", "gzip"),
        ("br;q=0, gzip", "gzip"),
        ("*", "br"),
        ("*;q=0, gzip", "gzip"),
        ("identity", None),
        ("", None),
        ("gzip;q=abc", None),
    ],
)
def test_the_preferred_coding_follows_the_clients_weights(
    header: str, expected: str | None
) -> None:
    assert preferred(header) == expected


def test_many_first_requests_at_once_compress_a_file_once(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import serving.precompressed as pre

    made: list[int] = []
    real = pre._gzip
    monkeypatch.setattr(pre, "_gzip", lambda raw: made.append(1) or real(raw))
    app = _app(site)

    async def together() -> None:
        async def one() -> None:
            await asyncio.to_thread(_get, app, JS, accept_encoding="gzip")

        await asyncio.gather(*(one() for _ in range(8)))

    run(together())
    assert made == [1]
