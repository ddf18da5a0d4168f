"""Benchmark of Team mode: parse a CSV, match everyone, build coverage and the map figure.

Run: `python bench/bench_team.py`. Prints the median of several runs for 50 and 5,000 members.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from components.team.map import team_map_figure
from roles.catalog import load_catalog
from roles.coverage import analyse_team
from roles.team import parse_team_bytes


def team_csv(n: int, seed: int = 7) -> bytes:
    """A random team of `n` people as CSV bytes (half-point scores, like the page's table)."""
    rng = np.random.default_rng(seed)
    scores = np.round(rng.uniform(0, 10, size=(n, 3)) * 2) / 2
    lines = ["name,ml,swe,comm,title"]
    lines += [f"Person {i},{a:g},{b:g},{c:g},Engineer" for i, (a, b, c) in enumerate(scores)]
    return ("\n".join(lines) + "\n").encode()


def timed(fn: Callable[[], object], repeat: int) -> float:
    """Median wall time of `fn` in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    catalog = load_catalog("2021")
    heads = ("parse", "match+coverage", "figure", "to_json", "total")
    print(f"{'members':>8} " + " ".join(f"{h:>15}" for h in heads))
    for n in (50, 500, 5_000):
        data = team_csv(n)
        parsed = parse_team_bytes(data, "bench.csv")
        analysis = analyse_team(parsed.members, catalog)
        fig = team_map_figure(analysis.fitted, catalog, centroid=analysis.centroid)
        repeat = 15 if n <= 500 else 7
        t_parse = timed(lambda d=data: parse_team_bytes(d, "bench.csv"), repeat)
        t_match = timed(lambda m=parsed.members: analyse_team(m, catalog), repeat)
        t_fig = timed(
            lambda a=analysis: team_map_figure(a.fitted, catalog, centroid=a.centroid), repeat
        )
        t_json = timed(lambda f=fig: f.to_json(), repeat)
        row = (t_parse, t_match, t_fig, t_json, t_parse + t_match + t_fig + t_json)
        print(f"{n:>8} " + " ".join(f"{t:>13.1f}ms" for t in row))


if __name__ == "__main__":
    main()
