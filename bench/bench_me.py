"""Benchmarks of the Me page and the matcher. Prints figures; asserts nothing.

    python bench/bench_me.py

1. Server-side rerun of the Me page against a blank one-line Streamlit app, both with AppTest in
   this process: median of 60 reruns each, and the ratio (target: within 4x). Wall time and CPU
   time of this process are both printed; the CPU time is the steadier of the two, since
   other work on a shared machine stretches wall time (and AppTest polls with short sleeps).
   Measured twice: as AppTest runs out of the box, and with the scripts' bytecode kept between
   reruns. The second is what `streamlit run` does (one ScriptCache per server, cleared only when
   a file changes); AppTest builds a fresh cache on every run, so it recompiles `app.py` and the
   page (with Streamlit's "magic" AST pass) each time, a cost no server rerun pays.
   Both still count AppTest's own parsing of every element the run sends into its test tree
   (about half of the Me figure), so the issue's target is judged on a real server instead:
   `bench/bench_server.py`.
2. `match_many` on 100,000 profiles against a plain per-row Python loop over `match`
   (target: under 0.5 s).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pandas as pd
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from roles import Profile, load_catalog, match, match_many  # noqa: E402

RUNS = 60


def _timed_run(at: AppTest) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) for one rerun."""
    start, cpu = time.perf_counter(), time.process_time()
    at.run()
    elapsed = time.perf_counter() - start, time.process_time() - cpu
    assert not at.exception, at.exception
    return elapsed


@contextmanager
def _bytecode_kept() -> Iterator[None]:
    """Every AppTest run in the block shares one ScriptCache, as a server's reruns do."""
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    shared = ScriptCache()
    saved = app_test.ScriptCache, local_script_runner.ScriptCache
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared  # type: ignore[assignment]
    try:
        yield
    finally:
        app_test.ScriptCache, local_script_runner.ScriptCache = saved


def bench_pages(label: str) -> None:
    """Blank and Me reruns interleaved, so both see the same background noise."""
    print(f"-- {label}")
    with tempfile.TemporaryDirectory() as tmp:
        blank_file = Path(tmp) / "blank.py"
        blank_file.write_text('import streamlit as st\nst.write("hello")\n')
        blank = AppTest.from_file(str(blank_file), default_timeout=60)
        me = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        for at in (blank, me, blank, me):  # warm-up: imports, caches
            at.run()
        blank_times, me_times = [], []
        for i in range(RUNS):
            blank_times.append(_timed_run(blank))
            me.slider(key="me_ml").set_value(float(i % 20) / 2)
            me_times.append(_timed_run(me))
    for kind, col in (("wall", 0), ("CPU", 1)):
        b = statistics.median(t[col] for t in blank_times)
        m = statistics.median(t[col] for t in me_times)
        print(f"blank app rerun   median {b * 1000:7.1f} ms {kind} (n={RUNS})")
        print(f"Me page rerun     median {m * 1000:7.1f} ms {kind} (slider moved each time)")
        print(f"ratio Me / blank  {m / b:7.2f}x  {kind}")


def bench_match_many(n: int = 100_000) -> None:
    catalog = load_catalog()
    rng = np.random.default_rng(0)
    frame = pd.DataFrame(rng.uniform(0, 10, size=(n, 3)), columns=["ml", "swe", "comm"])
    match_many(frame.head(10), catalog)
    times = []
    for _ in range(5):
        start = time.perf_counter()
        out = match_many(frame, catalog)
        times.append(time.perf_counter() - start)
    vec = statistics.median(times)
    sample = 5_000
    start = time.perf_counter()
    for row in frame.head(sample).itertuples(index=False):
        match(Profile(ml=row.ml, swe=row.swe, comm=row.comm), catalog)
    loop = (time.perf_counter() - start) * n / sample
    print(f"match_many {n:,} profiles  median {vec * 1000:7.1f} ms (n=5; target < 500 ms)")
    print(f"per-row match loop        {loop * 1000:7.0f} ms (extrapolated from {sample:,} rows)")
    print(f"speed-up                  {loop / vec:7.0f}x   ({len(out):,} rows out)")


if __name__ == "__main__":
    bench_pages("AppTest as shipped (recompiles the scripts on every rerun)")
    with _bytecode_kept():
        bench_pages("bytecode kept between reruns, as `streamlit run` does")
    bench_match_many()
