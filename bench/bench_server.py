"""Server CPU per rerun under `streamlit run`: the Me page against a blank one-line app.

    python bench/bench_server.py [--runs 500]

`bench/bench_me.py` times reruns with AppTest, in one process: its figure includes AppTest's own
work on every element the script sends (it parses them into a tree for the test to read), a cost
no server pays and one that grows with the page. This benchmark measures what a server spends:
both apps run under `streamlit run` (file watcher off, so nothing else wakes it), each driven
by one protocol-level session (`testsupport/stclient.py`, as a browser tab), and the server
process's CPU time (all its threads: the script, the event loop that serialises and sends) is
read from `/proc` around batches of reruns. Batches alternate between the two servers, so
background load hits both alike. Prints (asserts nothing):

1. a key press on Me: the slider's new value sent as the browser sends it, a rerun of the
   fragment that holds the sliders, map and result;
2. a whole-page rerun of Me (a page load or a change outside the fragment);
3. a blank app's rerun, and each Me figure as a ratio of it (target, issue #9: within 4x).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from testsupport.server import start_app, stop_app  # noqa: E402
from testsupport.stclient import Session, widget  # noqa: E402

BLANK_APP = 'import streamlit as st\nst.write("hello")\n'
BATCH = 50
_TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of a process so far (all its threads)."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _TICK


async def _batch(pid: int, rerun: Any, start: int) -> float:
    """Server CPU seconds per rerun over one batch of BATCH reruns."""
    before = cpu_seconds(pid)
    for i in range(start, start + BATCH):
        await rerun(i)
    return (cpu_seconds(pid) - before) / BATCH


async def measure(urls: dict[str, str], pids: dict[str, int], runs: int) -> dict[str, list[float]]:
    blank = Session(urls["blank"], "", "")
    me = Session(urls["me"], "", "ml=5&swe=5&comm=5")
    await blank.open()
    first = await me.open()
    (fragment,) = first.fragment_ids  # the Me page draws one fragment: sliders, map, result

    async def blank_rerun(i: int) -> None:
        await blank.rerun()

    async def press(i: int) -> None:
        # The value moves every time, as under a finger: 0.5 to 9.5 and back.
        value = float(1 + i % 19) / 2
        await me.rerun([widget("me_ml", first, double_array_value=[value])], fragment_id=fragment)

    async def page(i: int) -> None:
        await me.rerun([widget("me_ml", first, double_array_value=[float(1 + i % 19) / 2])])

    for fn in (blank_rerun, press, page):  # warm-up: imports, caches, bytecode
        for i in range(BATCH):
            await fn(i)
    out: dict[str, list[float]] = {"blank": [], "press": [], "page": []}
    for b in range(max(1, runs // BATCH)):
        out["blank"].append(await _batch(pids["blank"], blank_rerun, b * BATCH))
        out["press"].append(await _batch(pids["me"], press, b * BATCH))
        out["blank"].append(await _batch(pids["blank"], blank_rerun, b * BATCH))
        out["page"].append(await _batch(pids["me"], page, b * BATCH))
    await blank.close()
    await me.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=500, help="reruns of each kind")
    args = parser.parse_args()
    quiet = {"STREAMLIT_SERVER_FILE_WATCHER_TYPE": "none"}
    with tempfile.TemporaryDirectory() as tmp:
        blank_file = Path(tmp) / "blank.py"
        blank_file.write_text(BLANK_APP)
        me_url, me_proc = start_app(Path(tmp) / "me", extra_env=quiet)
        blank_url, blank_proc = start_app(Path(tmp) / "blank", extra_env=quiet, script=blank_file)
        try:
            started = time.perf_counter()
            out = asyncio.run(
                measure(
                    {"me": me_url, "blank": blank_url},
                    {"me": me_proc.pid, "blank": blank_proc.pid},
                    args.runs,
                )
            )
        finally:
            stop_app(me_proc)
            stop_app(blank_proc)
    blank = statistics.median(out["blank"])
    n = len(out["press"]) * BATCH
    print(f"blank app rerun            {blank * 1000:6.2f} ms CPU  (median of batches of {BATCH})")
    for key, name in (("press", "Me key press (fragment)"), ("page", "Me whole-page rerun")):
        m = statistics.median(out[key])
        print(f"{name:<26} {m * 1000:6.2f} ms CPU  ratio {m / blank:5.2f}x  (target <= 4x; n={n})")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
