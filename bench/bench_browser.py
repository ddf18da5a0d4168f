"""Browser benchmark: the Me page against a bare one-slider, one-chart app, side by side.

    python bench/bench_browser.py [--presses 12] [--loads 6] [--page me|team]

Both apps run under `streamlit run` with the same settings and are driven by Debian's chromium in
the same run, interleaved (a load of one, then of the other; a press in one, then in the other),
so background load hits both alike. Prints (asserts nothing):

1. slider -> map redrawn: from the key press on the first slider to the animation frame in which
   the chart holds the new value (median of --presses presses each).
2. cold load -> map visible: a fresh browser context (empty cache) from navigation start to the
   first frame with the chart drawn (median of --loads loads each).
3. what one key press costs: reruns requested (BackMsgs sent) and bytes received on the socket.

Targets (issue #9): both medians within 1.3x the bare app.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from testsupport.server import CHROMIUM, CHROMIUM_ARGS, start_app, stop_app  # noqa: E402

BARE_APP = """
import plotly.graph_objects as go
import streamlit as st

value = st.slider("ML expertise", 0.0, 10.0, 5.0, 0.5)
st.plotly_chart(go.Figure(go.Scatter(x=[value], y=[value], mode="markers")))
"""
VIEWPORT = {"width": 1440, "height": 900}

# True once some chart on the page holds a one-point trace at x == value and is laid out. The Me
# map's person trace and the bare app's only trace are both one point at the slider's value.
_DRAWN_AT = """(value) => [...document.querySelectorAll('.js-plotly-plot')].some(gd =>
    gd._fullLayout && (gd.data || []).some(t => Array.isArray(t.x) && t.x.length === 1
        && Math.abs(t.x[0] - value) < 1e-9) && gd.querySelector('.scatterlayer .point'))"""
_ANY_DRAWN = """() => [...document.querySelectorAll('.js-plotly-plot')].some(gd =>
    gd._fullLayout && gd.querySelector('.scatterlayer .point'))"""


def _slider_value(page: Any) -> float:
    return float(page.get_by_role("slider").first.evaluate("el => el.value"))


def _socket_counter(page: Any) -> dict[str, int]:
    """Count frames sent and bytes received on the app's WebSocket."""
    counts = {"sent": 0, "received_bytes": 0}

    def on_socket(ws: Any) -> None:
        ws.on("framesent", lambda _: counts.__setitem__("sent", counts["sent"] + 1))
        ws.on(
            "framereceived",
            lambda payload: counts.__setitem__(
                "received_bytes", counts["received_bytes"] + len(payload)
            ),
        )

    page.on("websocket", on_socket)
    return counts


def _open_for_presses(browser: Any, url: str) -> tuple[Any, Any, dict[str, int]]:
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    counts = _socket_counter(page)
    page.goto(url)
    page.wait_for_function(_ANY_DRAWN, polling="raf", timeout=60_000)
    page.get_by_role("slider").first.focus()
    page.wait_for_timeout(500)
    return context, page, counts


def _press(page: Any, counts: dict[str, int], i: int) -> tuple[float, dict[str, int]]:
    """One arrow key press: ms until the map shows the new value, and what it cost."""
    key = "ArrowRight" if (i // 4) % 2 == 0 else "ArrowLeft"
    expected = _slider_value(page) + (0.5 if key == "ArrowRight" else -0.5)
    snapshot = dict(counts)
    start = page.evaluate("() => performance.now()")
    page.keyboard.press(key)
    page.wait_for_function(_DRAWN_AT, arg=expected, polling="raf", timeout=30_000)
    elapsed = page.evaluate("() => performance.now()") - start
    page.wait_for_timeout(400)  # let the run finish its trailing messages
    return elapsed, {k: counts[k] - snapshot[k] for k in counts}


def press_times(
    browser: Any, urls: tuple[str, str], presses: int
) -> tuple[list[list[float]], list[list[dict[str, int]]]]:
    """Key press -> map redrawn, for two apps open side by side, pressed in turn."""
    opened = [_open_for_presses(browser, url) for url in urls]
    times: list[list[float]] = [[], []]
    costs: list[list[dict[str, int]]] = [[], []]
    for i in range(presses):
        for k, (_, page, counts) in enumerate(opened):
            elapsed, cost = _press(page, counts, i)
            times[k].append(elapsed)
            costs[k].append(cost)
    for context, _, _ in opened:
        context.close()
    return times, costs


def cold_load_time(browser: Any, url: str) -> float:
    """Milliseconds from navigation start to the first frame with the chart drawn."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(url)
    page.wait_for_function(_ANY_DRAWN, polling="raf", timeout=60_000)
    elapsed = float(page.evaluate("() => performance.now()"))
    context.close()
    return elapsed


def _report(name: str, app: list[float], bare: list[float], target: float) -> None:
    a, b = statistics.median(app), statistics.median(bare)
    print(
        f"{name:<26} app {a:7.0f} ms   bare {b:7.0f} ms   ratio {a / b:5.2f}x  "
        f"(target <= {target}x; n={len(app)} each)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=12)
    parser.add_argument("--loads", type=int, default=6)
    parser.add_argument("--path", default="/?ml=5&swe=5&comm=5", help="page of the app to load")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        bare_file = Path(tmp) / "bare_app.py"
        bare_file.write_text(BARE_APP)
        app_url, app_proc = start_app(Path(tmp) / "app")
        bare_url, bare_proc = start_app(Path(tmp) / "bare", script=bare_file)
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                for url in (app_url + args.path, bare_url):  # warm the servers' caches
                    cold_load_time(browser, url)
                app_loads, bare_loads = [], []
                for _ in range(args.loads):
                    app_loads.append(cold_load_time(browser, app_url + args.path))
                    bare_loads.append(cold_load_time(browser, bare_url))
                (app_press, bare_press), (app_cost, bare_cost) = press_times(
                    browser, (app_url + args.path, bare_url), args.presses
                )
                browser.close()
        finally:
            stop_app(app_proc)
            stop_app(bare_proc)
    _report("slider -> map redrawn", app_press, bare_press, 1.3)
    _report("cold load -> map visible", app_loads, bare_loads, 1.3)
    for name, cost in (("app", app_cost), ("bare", bare_cost)):
        sent = statistics.median(c["sent"] for c in cost)
        got = statistics.median(c["received_bytes"] for c in cost)
        print(f"per key press ({name:<4})      {sent:.0f} sent, {got / 1024:.1f} KiB received")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    started = time.perf_counter()
    main()
    print(f"({time.perf_counter() - started:.0f} s)")
