"""Streamlit's own files, compressed once and served compressed to browsers that take it.

Streamlit 1.67 keeps its static files (`/static/...`, about 23 MB of JavaScript and CSS) and the
root document out of its gzip middleware on purpose: compressing megabytes on every request
costs CPU on each hit. Uncompressed, a phone's first visit downloads 2.8 MB (Join) to 7.7 MB
(Me). Here each file is compressed once, the first time it is asked for, and kept: gzip at
once (0.2 s for the largest file), brotli's best level (several seconds for it) on one
background thread, kept on disk beside the room store (named by the file's content hash, so a
Streamlit upgrade can never serve a stale copy) and in memory. A request then costs a
dictionary look-up and one send.

Served compressed only: a GET or HEAD of a file that exists in Streamlit's static folder, from a
client whose Accept-Encoding takes br or gzip, without a Range header (a range of a compressed
body means nothing to the client). Everything else, including every request for a file not yet
compressed, goes to Streamlit unchanged, with `Vary: Accept-Encoding` added where the answer
depends on it. The compressed answers keep Streamlit's own headers (type, caching, last change)
and carry their own ETag per encoding, so a cache never hands gzip bytes to a client that asked
for brotli; If-None-Match is answered with 304.
"""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import importlib.util
import logging
import threading
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import brotli
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from serving.encodings import decode, preferred

_LOG = logging.getLogger("skills_map")
COMPRESSIBLE = frozenset({".js", ".mjs", ".css", ".html", ".json", ".svg", ".map", ".txt"})
MIN_SIZE = 1024  # below this the headers outweigh the saving
BROTLI_QUALITY = 11
# Headers of Streamlit's answer that describe the uncompressed body.
_DROP = {b"content-length", b"etag", b"accept-ranges", b"content-encoding", b"vary"}


def streamlit_static_dir() -> Path:
    """Streamlit's folder of frontend files (found without importing Streamlit)."""
    spec = importlib.util.find_spec("streamlit")
    assert spec is not None and spec.submodule_search_locations, "streamlit is not installed"
    return Path(next(iter(spec.submodule_search_locations))) / "static"


def default_cache_dir() -> Path:
    """Where compressed copies are kept across restarts: beside the room store."""
    import store

    return store.data_home() / "static-cache"


@dataclass
class Asset:
    """One file: its compressed bodies so far and Streamlit's headers for it."""

    digest: str
    size: int
    headers: list[tuple[bytes, bytes]] | None = None
    bodies: dict[str, bytes] = field(default_factory=dict)


class Compressor:
    """Compressed copies of the files of `static_dir`, made once each and kept."""

    def __init__(self, static_dir: Path, cache_dir: Path | None) -> None:
        self.static_dir = static_dir.resolve()
        self.cache_dir = cache_dir
        self.assets: dict[str, Asset | None] = {}  # relative path -> asset (None: not ours)
        self._lock = threading.Lock()
        self._making: dict[str, threading.Lock] = {}  # one lock per file being prepared
        self._brotli = ThreadPoolExecutor(max_workers=1, thread_name_prefix="brotli")

    def file_for(self, url_path: str) -> Path | None:
        """The static file a URL path names (`/` is index.html), if it is one worth compressing.

        Only names found by listing the folder are served: no path from a request ever reaches
        the file system unchecked."""
        rel = "index.html" if url_path == "/" else url_path.lstrip("/")
        parts = PurePosixPath(rel).parts
        if not parts or any(p in ("", ".", "..") or "\\" in p for p in parts):
            return None
        path = self.static_dir.joinpath(*parts)
        if path.suffix not in COMPRESSIBLE or not path.is_file():
            return None
        if self.static_dir not in path.resolve().parents:
            return None
        return path

    def prepare(self, rel: str, path: Path) -> Asset | None:
        """Read the file and make (or load) its gzip copy now and its brotli copy soon; once,
        however many first requests for it arrive together."""
        with self._lock:
            lock = self._making.setdefault(rel, threading.Lock())
        with lock:
            if rel in self.assets:
                return self.assets[rel]
            return self._prepare(rel, path)

    def _prepare(self, rel: str, path: Path) -> Asset | None:
        raw = path.read_bytes()
        asset = Asset(digest=hashlib.sha256(raw).hexdigest()[:32], size=len(raw))
        if len(raw) >= MIN_SIZE:
            gz = self._load(asset, "gzip") or self._store(asset, "gzip", _gzip(raw))
            if len(gz) < len(raw) * 0.9:
                asset.bodies["gzip"] = gz
                self._brotli.submit(self._make_brotli, asset, raw)
        self.assets[rel] = asset if asset.bodies else None
        return self.assets[rel]

    def _make_brotli(self, asset: Asset, raw: bytes) -> None:
        body = self._load(asset, "br")
        if body is None:
            body = self._store(asset, "br", brotli.compress(raw, quality=BROTLI_QUALITY))
        asset.bodies["br"] = body

    def _cache_file(self, asset: Asset, encoding: str) -> Path | None:
        return None if self.cache_dir is None else self.cache_dir / f"{asset.digest}.{encoding}"

    def _load(self, asset: Asset, encoding: str) -> bytes | None:
        """A kept copy, only if it decodes to exactly this file (a torn write is ignored)."""
        path = self._cache_file(asset, encoding)
        if path is None or not path.is_file():
            return None
        try:
            body = path.read_bytes()
            same = _digest_of(decode(body, encoding)) == asset.digest
        except (OSError, EOFError, zlib.error, brotli.error) as exc:  # made again below
            _LOG.warning("a kept compressed static file was unreadable: %s", exc)
            return None
        return body if same else None

    def _store(self, asset: Asset, encoding: str, body: bytes) -> bytes:
        path = self._cache_file(asset, encoding)
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                part = path.with_name(f".{path.name}.{threading.get_ident()}")
                part.write_bytes(body)
                part.replace(path)  # appears whole or not at all
            except OSError as exc:
                _LOG.warning("could not keep a compressed static file: %s", exc)
        return body


def _gzip(raw: bytes) -> bytes:
    return gzip.compress(raw, compresslevel=9, mtime=0)


def _digest_of(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()[:32]


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return str(value.decode("latin-1"))
    return None


def _etag(asset: Asset, encoding: str) -> bytes:
    return f'"{asset.digest}-{encoding}"'.encode("latin-1")


def _not_modified(scope: Scope, etag: bytes) -> bool:
    wanted = _header(scope, b"if-none-match")
    if wanted is None:
        return False
    tags = [t.strip().removeprefix("W/") for t in wanted.split(",")]
    return "*" in tags or etag.decode("latin-1") in tags


class PrecompressedStaticMiddleware:
    """Pure ASGI middleware: Streamlit's static files and root document, compressed once."""

    def __init__(
        self,
        app: ASGIApp,
        static_dir: Path | None = None,
        cache_dir: Path | bool | None = True,
    ) -> None:
        self.app = app
        cache = default_cache_dir() if cache_dir is True else cache_dir or None
        self.files = Compressor(static_dir or streamlit_static_dir(), cache)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if (
            scope["type"] != "http"
            or scope.get("method") not in ("GET", "HEAD")
            or not (path == "/" or path.startswith("/static/"))
        ):
            await self.app(scope, receive, send)
            return
        file = self.files.file_for(path)
        if file is None:
            await self.app(scope, receive, send)
            return
        rel = file.relative_to(self.files.static_dir).as_posix()
        asset = self.files.assets.get(rel)
        if rel not in self.files.assets:
            asset = await asyncio.to_thread(self.files.prepare, rel, file)
        encoding = None if asset is None else self._encoding(scope, asset)
        if asset is None or encoding is None:
            await self.app(scope, receive, _vary(send) if asset is not None else send)
            return
        if asset.headers is None:
            asset.headers = await self._streamlit_headers(scope)
            if asset.headers is None:
                await self.app(scope, receive, send)
                return
        await self._send(scope, send, asset, encoding)

    def _encoding(self, scope: Scope, asset: Asset) -> str | None:
        if _header(scope, b"range") is not None:
            return None
        return preferred(_header(scope, b"accept-encoding"), available=tuple(asset.bodies))

    async def _streamlit_headers(self, scope: Scope) -> list[tuple[bytes, bytes]] | None:
        """Streamlit's own headers for this file (type, caching, last change): a HEAD request
        to it, once per file, without the client's conditions."""
        keep = [(k, v) for k, v in scope.get("headers", ()) if not k.startswith(b"if-")]
        probe = {**scope, "method": "HEAD", "headers": [(k, v) for k, v in keep if k != b"range"]}
        start: dict[str, Message] = {}

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                start["m"] = message

        asked: list[bool] = []

        async def nothing() -> Message:
            # An empty request, then the client gone (what a server says after the request).
            if asked:
                return {"type": "http.disconnect"}
            asked.append(True)
            return {"type": "http.request", "body": b"", "more_body": False}

        await self.app(probe, nothing, capture)
        message = start.get("m")
        if message is None or message["status"] != 200:
            return None
        return [(k, v) for k, v in message.get("headers", []) if k.lower() not in _DROP]

    async def _send(self, scope: Scope, send: Send, asset: Asset, encoding: str) -> None:
        etag = _etag(asset, encoding)
        common = [
            *(asset.headers or []),
            (b"etag", etag),
            (b"vary", b"Accept-Encoding"),
        ]
        if _not_modified(scope, etag):
            kept = [(k, v) for k, v in common if k.lower() != b"content-type"]
            await send({"type": "http.response.start", "status": 304, "headers": kept})
            await send({"type": "http.response.body", "body": b""})
            return
        body = asset.bodies[encoding]
        headers = [
            *common,
            (b"content-encoding", encoding.encode("latin-1")),
            (b"content-length", str(len(body)).encode("latin-1")),
        ]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        head = scope.get("method") == "HEAD"
        await send({"type": "http.response.body", "body": b"" if head else body})


def _vary(send: Send) -> Send:
    """`send` with `Vary: Accept-Encoding` on the answer: other clients get it compressed."""

    async def with_vary(message: Message) -> None:
        if message["type"] == "http.response.start" and message.get("status") == 200:
            headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"vary"]
            message = {**message, "headers": [*headers, (b"vary", b"Accept-Encoding")]}
        await send(message)

    return with_vary
