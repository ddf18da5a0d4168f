"""Submissions per second into SQLite through `store.submit` versus raw sqlite3 inserts.

Run: python bench/bench_store.py [--rows 1000]. Each level writes the same rows (one new
participant per row, one transaction per row, as phones do) with 1, 10 and 50 writer threads,
then times `room_snapshot` (what the projector reads each refresh) at 10, 100 and 1,000 entries.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import store
from roles.models import Profile

RAW_SCHEMA = """
CREATE TABLE entries (
    entry_id INTEGER PRIMARY KEY AUTOINCREMENT, room_code TEXT NOT NULL,
    participant_hash TEXT NOT NULL, name TEXT, ml REAL, swe REAL, comm REAL,
    updated_at TEXT, UNIQUE (room_code, participant_hash)
)"""


def _rows(n: int) -> list[tuple[str, Profile]]:
    return [
        (store.new_participant_token(), Profile(ml=i % 11, swe=(i * 3) % 11, comm=5))
        for i in range(n)
    ]


def _threaded(rows: list, threads: int, work: Callable[[list], None]) -> float:
    """Seconds for `threads` workers to process `rows` split evenly between them."""
    chunks = [rows[i::threads] for i in range(threads)]
    start = threading.Barrier(threads + 1)

    def run(chunk: list) -> None:
        start.wait()
        work(chunk)

    workers = [threading.Thread(target=run, args=(c,)) for c in chunks]
    for w in workers:
        w.start()
    start.wait()
    began = time.perf_counter()
    for w in workers:
        w.join()
    return time.perf_counter() - began


def bench_store(folder: Path, rows: list, threads: int) -> float:
    engine = store.make_engine(
        f"sqlite:///{folder / f'store-{threads}.sqlite'}", pool_size=threads, max_overflow=0
    )
    code = store.create_room(title="Bench", capacity=100_000, engine=engine).room.code

    def work(chunk: list) -> None:
        for token, profile in chunk:
            store.submit(room=code, participant=token, profile=profile, name="x", engine=engine)

    seconds = _threaded(rows, threads, work)
    assert store.room_snapshot(room=code, engine=engine).count == len(rows)
    engine.dispose()
    return len(rows) / seconds


def bench_raw(folder: Path, rows: list, threads: int) -> float:
    path = folder / f"raw-{threads}.sqlite"
    with sqlite3.connect(path) as setup:
        setup.execute("PRAGMA journal_mode=WAL")
        setup.execute(RAW_SCHEMA)

    def work(chunk: list) -> None:
        conn = sqlite3.connect(path, timeout=10, isolation_level=None)
        conn.execute("PRAGMA busy_timeout=10000")
        for token, p in chunk:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(
                "INSERT INTO entries (room_code, participant_hash, name, ml, swe, comm, "
                "updated_at) VALUES ('BENCH1', ?, 'x', ?, ?, ?, datetime('now'))",
                (store.codes.hash_secret(token), p.ml, p.swe, p.comm),
            )
            conn.execute("COMMIT")
        conn.close()

    seconds = _threaded(rows, threads, work)
    with sqlite3.connect(path) as check:
        assert check.execute("SELECT count(*) FROM entries").fetchone()[0] == len(rows)
    return len(rows) / seconds


def bench_snapshot(folder: Path) -> None:
    engine = store.make_engine(f"sqlite:///{folder / 'snapshot.sqlite'}")
    print("\nroom_snapshot (one projector refresh's read), median of 20:")
    for size in (10, 100, 1000):
        code = store.create_room(title="Snap", capacity=100_000, engine=engine).room.code
        for token, profile in _rows(size):
            store.submit(room=code, participant=token, profile=profile, name="x", engine=engine)
        times = []
        for _ in range(20):
            began = time.perf_counter()
            store.room_snapshot(room=code, engine=engine)
            times.append(time.perf_counter() - began)
        print(f"  {size:>5} entries: {sorted(times)[10] * 1000:7.2f} ms")
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1000, help="submissions per level")
    args = parser.parse_args()
    os.environ["SKILLS_MAP_RATE_WINDOW_SECONDS"] = "0"  # distinct participants; keep it out
    print(
        f"SQLite {sqlite3.sqlite_version}, {args.rows} submissions per level, one per "
        "transaction, WAL, synchronous=FULL (default)"
    )
    print(f"{'writers':>8} {'store.submit/s':>15} {'raw sqlite3/s':>14} {'store/raw':>10}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for threads in (1, 10, 50):
            rows = _rows(args.rows)
            ours = bench_store(folder, rows, threads)
            raw = bench_raw(folder, rows, threads)
            print(f"{threads:>8} {ours:>15.0f} {raw:>14.0f} {ours / raw:>10.2f}")
        bench_snapshot(folder)


if __name__ == "__main__":
    main()
