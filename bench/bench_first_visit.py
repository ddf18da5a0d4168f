"""A phone's first visit: bytes over the wire and the server's CPU, compressed and not.

    python bench/bench_first_visit.py [--visits 5]

Starts a fresh `streamlit run app.py` and opens each page in a new chromium context at 390x844
(an empty cache, as a phone scanning the QR code has): the light join page (/j) until Submit can
be pressed, the Streamlit Join page likewise, and the Me page until its map is drawn. Bytes are
what chromium counts on the wire (`encodedDataLength`: headers and bodies as sent) plus the
WebSocket's frames; server CPU is read from /proc around each visit.

"uncompressed" asks with `Accept-Encoding: identity`, which the server answers as Streamlit 1.67
does by itself (its static files as they are); "gzip" is chromium's own header: over plain HTTP
it asks for gzip only (brotli, about a quarter smaller on plotly.js, only over HTTPS, and it will
not take an override of the header). Every file is compressed before the visits measured (the
first visits after a start pay for that once). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import base64
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

import store  # noqa: E402
from testsupport.server import CHROMIUM, CHROMIUM_ARGS, start_app, stop_app  # noqa: E402

PAGES = {
    "light join page (/j)": ("/j?room={code}", "button[type=submit]"),
    "Streamlit Join page": ("/join?room={code}", "[data-testid=stFormSubmitButton] button"),
    "Me page, map drawn": ("/", ".js-plotly-plot .scatterlayer .point"),
}


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def settle(pid: int, timeout: float = 180) -> None:
    """Wait until the server is idle: its brotli copies are made on a background thread after
    the first visits, and would be counted against the visits measured next."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        before = _cpu_seconds(pid)
        time.sleep(1.0)
        if _cpu_seconds(pid) - before < 0.03:
            return


def visit(browser: Any, url: str, ready: str, *, coding: str | None) -> int:
    """One cold visit at phone size; the bytes chromium received until `ready` is on screen."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    if coding is not None:  # the Accept-Encoding chromium sends (None: its own)
        cdp.send("Network.setExtraHTTPHeaders", {"headers": {"Accept-Encoding": coding}})
    got: list[int] = []
    cdp.on("Network.loadingFinished", lambda e: got.append(int(e["encodedDataLength"])))

    def frame(e: dict[str, Any]) -> None:
        data = e["response"]["payloadData"]
        got.append(len(base64.b64decode(data)) if e["response"]["opcode"] == 2 else len(data))

    cdp.on("Network.webSocketFrameReceived", frame)
    page.goto(url)
    page.wait_for_selector(ready, timeout=120_000)
    page.wait_for_timeout(1500)  # what the page still fetches after it is usable
    context.close()
    return sum(got)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=5, help="cold visits per page and mode")
    args = parser.parse_args()
    print(f"load average: {os.getloadavg()[0]:.2f}; {args.visits} cold visits each, 390x844")
    with tempfile.TemporaryDirectory() as tmp:
        env = {"SKILLS_MAP_DATA_HOME": f"{tmp}/appdata"}
        os.environ.update(env)
        code = store.create_room(title="First visit").room.code
        store.default_engine().dispose()
        base, proc = start_app(Path(tmp), extra_env=env)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                for path, ready in PAGES.values():  # compress every file once, and warm up
                    visit(browser, base + path.format(code=code), ready, coding="br, gzip")
                settle(proc.pid)
                print("| page | uncompressed: KB | server CPU | gzip: KB | server CPU |")
                print("| --- | ---: | ---: | ---: | ---: |")
                for name, (path, ready) in PAGES.items():
                    cells = []
                    for coding in ("identity", None):
                        sizes, cpus = [], []
                        for _ in range(args.visits):
                            cpu0 = _cpu_seconds(proc.pid)
                            url = base + path.format(code=code)
                            sizes.append(visit(browser, url, ready, coding=coding))
                            cpus.append(_cpu_seconds(proc.pid) - cpu0)
                        cells += [
                            f"{statistics.median(sizes) / 1024:,.0f}",
                            f"{statistics.median(cpus) * 1000:.0f} ms",
                        ]
                    print(f"| {name} | " + " | ".join(cells) + " |", flush=True)
                browser.close()
        finally:
            stop_app(proc)


if __name__ == "__main__":
    main()
