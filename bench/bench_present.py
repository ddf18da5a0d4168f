"""Benchmark of the projector (Present) page. Prints figures; asserts nothing.

    python bench/bench_present.py

For rooms of 10, 100 and 1,000 participants in a fresh SQLite store (a temp folder), on the map
screen, it reports the median server-side rerun of the whole Present page with AppTest (what a
change of the room costs one projector tab; an unchanged room costs only the version check),
two parts of it (reading the snapshot; building and serialising the map, which tabs share per
version), and the size of the map figure sent to the browser. Then, for rooms of 30 and 40 named
participants with names shown, the map built and serialised (placing every name beside its dot
or numbering it for the key) and how many names sit beside their dots.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

import store  # noqa: E402
from components.room.map import crowd_map  # noqa: E402
from roles.catalog import load_catalog  # noqa: E402
from roles.models import Profile  # noqa: E402

SIZES = (10, 100, 1_000)
RUNS = 7
NAMED = (30, 40)  # up to the projector's cap on named dots


def _median_ms(fn, runs: int = RUNS) -> float:  # type: ignore[no-untyped-def]
    fn()  # warm-up: imports, caches, first connection
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


def _fill(code: str, n: int) -> None:
    rng = random.Random(n)
    for i in range(n):
        profile = Profile(
            ml=rng.randint(0, 20) / 2, swe=rng.randint(0, 20) / 2, comm=rng.randint(0, 20) / 2
        )
        store.submit(
            room=code,
            participant=store.new_participant_token(),
            profile=profile,
            name=f"Person {i}",
        )


def bench_size(n: int) -> dict[str, float]:
    """Figures for one room of n participants."""
    created = store.create_room(title=f"Bench {n}", capacity=max(n, 10))
    code = created.room.code
    _fill(code, n)
    store.set_room_state(room=code, key=created.key, screen="map")
    at = AppTest.from_file(str(ROOT / "views" / "present.py"), default_timeout=120)
    at.query_params["room"] = code

    def rerun() -> None:
        at.run()
        assert not at.exception, at.exception

    catalog = load_catalog()
    snapshot = store.room_snapshot(room=code)
    figure_bytes = len(crowd_map(catalog, snapshot.entries).to_json())
    return {
        "page": _median_ms(rerun),
        "snapshot": _median_ms(lambda: store.room_snapshot(room=code)),
        "figure": _median_ms(lambda: crowd_map(catalog, snapshot.entries).to_json()),
        "kb": figure_bytes / 1024,
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SKILLS_MAP_DATA_HOME"] = tmp
        os.environ.pop("SKILLS_MAP_DATABASE_URL", None)
        print(f"Present page rerun with AppTest, SQLite, median of {RUNS} runs")
        print(
            f"{'participants':>12} {'page ms':>9} {'snapshot ms':>12} {'map ms':>8} {'map KB':>8}"
        )
        for n in SIZES:
            r = bench_size(n)
            print(
                f"{n:>12,} {r['page']:>9.1f} {r['snapshot']:>12.1f} {r['figure']:>8.1f} "
                f"{r['kb']:>8.1f}"
            )
        print(f"Map with names shown (built and serialised), median of {RUNS} runs")
        print(f"{'named':>12} {'map ms':>8} {'beside dots':>12} {'in the key':>11}")
        for n in NAMED:
            ms, beside, keyed = bench_names(n)
            print(f"{n:>12} {ms:>8.1f} {beside:>12} {keyed:>11}")
        store.default_engine().dispose()


def bench_names(n: int) -> tuple[float, int, int]:
    """A room of n named participants: map ms, names beside their dots, names in the key."""
    created = store.create_room(title=f"Named {n}", capacity=max(n, 10))
    _fill(created.room.code, n)
    catalog, entries = load_catalog(), store.room_snapshot(room=created.room.code).entries
    ms = _median_ms(lambda: crowd_map(catalog, entries, show_names=True).to_json())
    fig = crowd_map(catalog, entries, show_names=True)
    keyed = len((fig.layout.meta or {}).get("key", []))
    return ms, n - keyed, keyed


if __name__ == "__main__":
    main()
