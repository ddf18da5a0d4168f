"""Sizing a workshop bigger than one machine: the room load test through nginx to N replicas.

    python bench/bench_deploy.py [--replicas 1,2] [--sizes 100,200,400,800] [--only spread|burst]

Prints figures; asserts nothing. Needs nginx (Debian's) and a PostgreSQL server: an admin URL
in `--database-url` or SKILLS_MAP_TEST_POSTGRES_URL (each scenario gets a new database, dropped
afterwards). Every scenario starts the recipe as tests/deploy/ does (deploy/replicas.sh with N
replicas, nginx with deploy/nginx/skills-map.conf) and runs bench/bench_room_load.py's phones
and projector through nginx: each phone gets its device cookie from its first page load and
nginx places it by that cookie, as it places real phones.

- spread: phones arrive at random over 45 s; burst: they open the page, then all press Submit
  within 5 s. Projector lag = from pressing Submit to the first projector refresh showing
  that dot (p95); Submit = to the phone's confirmation (p95).
- Also: replica CPU per phone (all replicas), and the most PostgreSQL connections the replicas
  held at once (what `max_connections` must allow).
Check `uptime` first: the phones, nginx, PostgreSQL and the replicas share this machine.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine, text  # noqa: E402

import store  # noqa: E402
from bench.bench_room_load import _cpu_seconds, _scenario, describe, summarise  # noqa: E402
from testsupport.stack import deploy_stack  # noqa: E402


@contextmanager
def peak_connections(engine: Engine) -> Iterator[list[int]]:
    """Sample the database's open connections (not counting this one) until exit; [peak]."""
    peak, done = [0], threading.Event()

    def sample() -> None:
        with engine.connect() as conn:
            while not done.wait(0.25):
                count = conn.execute(
                    text(
                        "SELECT count(*) - 1 FROM pg_stat_activity "
                        "WHERE datname = current_database()"
                    )
                ).scalar()
                peak[0] = max(peak[0], int(count or 0))

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield peak
    finally:
        done.set()
        thread.join(timeout=5)


def run_scenario(admin_url: str, replicas: int, n: int, kind: str) -> dict[str, float]:
    """A fresh recipe with `replicas` replicas, one scenario of n phones through nginx."""
    with (
        tempfile.TemporaryDirectory() as tmp,
        deploy_stack(Path(tmp), admin_url=admin_url, replicas=replicas) as stack,
    ):
        created = store.create_room(title="Load test", capacity=5000, engine=stack.engine)
        code = created.room.code
        store.set_room_state(room=code, key=created.key, screen="map", engine=stack.engine)
        pids = [stack.replica_pid(port) for port in stack.ports]
        cpu0, client0 = sum(_cpu_seconds(pid) for pid in pids), time.process_time()
        started = time.monotonic()
        with peak_connections(stack.engine) as peak:
            phones, projector = asyncio.run(_scenario(stack.url, code, n, kind, 1))
        cpu = sum(_cpu_seconds(pid) for pid in pids) - cpu0
        # The simulated phones share the machine: how much of a core they took meanwhile.
        client = (time.process_time() - client0) / (time.monotonic() - started)
        entries = store.room_snapshot(room=code, engine=stack.engine).entries
        ranks = {e.name or "": rank for rank, e in enumerate(entries, start=1)}
    result = summarise(phones, projector, ranks, cpu, n)
    result["connections"] = peak[0]
    result["client_cores"] = client
    result["load"] = os.getloadavg()[0]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", default="1,2")
    parser.add_argument("--sizes", default="100,200,400,800")
    parser.add_argument("--only", choices=["spread", "burst"])
    parser.add_argument(
        "--database-url",
        default=os.environ.get("SKILLS_MAP_TEST_POSTGRES_URL", ""),
        help="PostgreSQL admin URL (a user who may create databases)",
    )
    args = parser.parse_args()
    if not args.database_url:
        parser.error("give --database-url or set SKILLS_MAP_TEST_POSTGRES_URL")
    kinds = [k for k in ("spread", "burst") if args.only in (None, k)]
    load = os.getloadavg()
    print(f"load average: {load[0]:.2f} {load[1]:.2f}; {os.cpu_count()} CPUs; through nginx")
    print("| replicas | participants | spread: lag p95 | burst: lag p95 | burst: Submit p95 |")
    print("|---:|---:|---:|---:|---:|")
    details = []
    for replicas in [int(r) for r in args.replicas.split(",")]:
        for n in [int(s) for s in args.sizes.split(",")]:
            runs = {kind: run_scenario(args.database_url, replicas, n, kind) for kind in kinds}
            spread, burst = runs.get("spread"), runs.get("burst")
            cells = [
                f"{spread['lag_p95']:.2f} s" if spread else "-",
                f"{burst['lag_p95']:.2f} s" if burst else "-",
                f"{burst['submit_p95']:.2f} s" if burst else "-",
            ]
            print(f"| {replicas} | {n} | " + " | ".join(cells) + " |", flush=True)
            details += [(replicas, n, kind, r) for kind, r in runs.items()]
    print("\nDetails (per scenario):")
    for replicas, n, kind, r in details:
        print(
            f"{replicas} replica(s):{describe(n, kind, r)}; "
            f"most database connections {r['connections']}; phones' simulator "
            f"{r['client_cores']:.2f} cores; load average at the end {r['load']:.1f}"
        )


if __name__ == "__main__":
    main()
