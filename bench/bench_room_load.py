"""Load test of a workshop room over Streamlit's own protocol. Prints figures; asserts nothing.

    python bench/bench_room_load.py [--sizes 25,50,100,200,500] [--app DIR] [--only spread|burst]

For each size it starts a fresh `streamlit run app.py` (as the README says; its own data folder
and port) and one projector tab on the Present page, then simulates phones with
`testsupport/stclient.py`: each opens the Join page (GET, then the WebSocket), waits a few
seconds as a person reading the sliders would, sends the slider values and presses Submit.

- spread: the phones arrive at random moments over 45 s. Projector lag = from pressing Submit to
  the first projector refresh whose map holds that dot.
- burst: the phones open the page first, then all press Submit within 5 s. Submit time = from
  pressing Submit to the confirmation on the phone.

Each phone sends its own `X-Forwarded-For` and the server trusts 127.0.0.1 as a proxy (uvicorn's
`FORWARDED_ALLOW_IPS`, this machine by default), so per-address limits see a hall of phones, not
one client. Check `uptime` first: other work on the machine shows up in these figures.
`bench/bench_deploy.py` runs the same phones through nginx to several replicas.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streamlit.proto.WidgetStates_pb2 import WidgetState  # noqa: E402

from testsupport.server import start_app, stop_app  # noqa: E402
from testsupport.stclient import Run, Session, now  # noqa: E402

SPREAD_S, BURST_S = 45.0, 5.0
THINK_S = (2.0, 6.0)
SLIDERS = ("join_ml", "join_swe", "join_comm")


@dataclass
class Phone:
    """One simulated participant and what it saw."""

    name: str
    opened: float = 0.0
    loaded: float = 0.0
    pressed: float = 0.0
    saved_at: float = 0.0
    saved: bool = False
    error: str = ""


def _crowd_count(chart: dict) -> int | None:
    for trace in chart.get("data", []):
        if trace.get("meta", {}).get("kind") == "crowd":
            x = trace.get("x", [])
            if isinstance(x, dict) and "bdata" in x:
                return len(base64.b64decode(x["bdata"])) // int(x["dtype"][-1])
            return len(x)
    return 0 if chart.get("data") is not None else None


class Projector:
    """The Present page, refreshing on its own timer; records when each dot count was shown."""

    def __init__(self, base: str, code: str) -> None:
        self.shown: list[tuple[float, int]] = []
        self.session = Session(base, "present", f"room={code}", on_run=self._on_run)
        self.runs = 0
        self.idle_bytes: list[int] = []

    def _on_run(self, _session: Session, run: Run) -> None:
        self.runs += 1
        counts = [c for c in (_crowd_count(ch) for ch in run.charts) if c is not None]
        if counts:
            self.shown.append((now(), max(counts)))
        else:
            self.idle_bytes.append(run.bytes)

    def first_time_showing(self, rank: int) -> float | None:
        return next((t for t, n in self.shown if n >= rank), None)


def _slider_change(run: Run, key: str, value: float) -> WidgetState:
    proto = run.widgets[key]
    state = WidgetState(id=proto.id)
    if list(proto.options):  # a select_slider sends the option's label
        labels = list(proto.options)
        state.string_array_value.data.append(labels[int(value * 2)])
    else:
        state.double_array_value.data.append(value)
    return state


async def _phone(
    base: str,
    code: str,
    phone: Phone,
    start: float,
    think: float,
    addr: str,
    submit_at: asyncio.Event | None = None,
) -> Session | None:
    await asyncio.sleep(max(0.0, start - time.monotonic()))
    session = Session(base, "join", f"room={code}", headers={"X-Forwarded-For": addr})
    try:
        phone.opened = now()
        run = await session.open()
        phone.loaded = now()
        if submit_at is not None:
            await submit_at.wait()
        await asyncio.sleep(think)
        rng = random.Random(phone.name)
        changes = [_slider_change(run, key, rng.randint(0, 20) / 2) for key in SLIDERS]
        name = WidgetState(id=run.widgets["join_name"].id, string_value=phone.name)
        button = WidgetState(id=run.widgets["join_submit"].id, trigger_value=True)
        phone.pressed = now()
        done = await session.rerun([*changes, name, button])
        phone.saved_at = now()
        phone.saved = any("Saved" in t for t in done.texts)
        if not phone.saved:
            phone.error = "no confirmation: " + " | ".join(done.texts)[:180]
    except Exception as exc:
        phone.error = f"{type(exc).__name__}: {exc}"[:200]
    return session


def _entries(app: Path, env: dict[str, str], code: str) -> dict[str, int]:
    """name -> rank (1 = first saved) of the room's entries, read from the app's own store."""
    script = (
        "import json, store\n"
        f"s = store.room_snapshot(room={code!r})\n"
        "print(json.dumps([e.name for e in s.entries]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=app, env=env, check=True, capture_output=True, text=True
    ).stdout
    return {name: rank for rank, name in enumerate(json.loads(out), start=1)}


def _create_room(app: Path, env: dict[str, str]) -> str:
    # The projector shows the map (older versions of the app have no other screen).
    script = (
        "import store\n"
        "c = store.create_room(title='Load test', capacity=5000)\n"
        "try:\n"
        "    store.set_room_state(room=c.room.code, key=c.key, screen='map')\n"
        "except TypeError:\n"
        "    pass\n"
        "print(c.room.code)\n"
    )
    return subprocess.run(
        [sys.executable, "-c", script], cwd=app, env=env, check=True, capture_output=True, text=True
    ).stdout.strip()


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _p95(values: list[float]) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


async def _scenario(
    base: str, code: str, n: int, kind: str, projectors: int
) -> tuple[list[Phone], Projector]:
    projector = Projector(base, code)
    await projector.session.open()
    # More projector tabs on the same room (the first one is the one measured).
    others = [Projector(base, code) for _ in range(projectors - 1)]
    for other in others:
        await other.session.open()
    rng = random.Random(n)
    phones = [Phone(name=f"Load {i}") for i in range(n)]
    t0 = time.monotonic() + 0.5
    gate = asyncio.Event() if kind == "burst" else None
    tasks = []
    for i, phone in enumerate(phones):
        addr = f"10.{i // 250}.{i % 250}.{rng.randint(1, 250)}"
        if kind == "spread":
            start, think = t0 + rng.uniform(0, SPREAD_S), rng.uniform(*THINK_S)
        else:
            start, think = t0 + rng.uniform(0, BURST_S * 2), rng.uniform(0, BURST_S)
        tasks.append(asyncio.create_task(_phone(base, code, phone, start, think, addr, gate)))
    if gate is not None:
        while not all(p.loaded or p.error for p in phones):
            await asyncio.sleep(0.2)
        gate.set()
    sessions = await asyncio.gather(*tasks)
    await asyncio.sleep(3)  # let the projector catch up with the last submits
    for s in [*sessions, projector.session, *(o.session for o in others)]:
        if s is not None:
            await s.close()
    return phones, projector


def run_size(app: Path, n: int, kind: str, projectors: int = 1) -> dict[str, float]:
    """Start a fresh server, run one scenario with n phones and summarise it."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "SKILLS_MAP_DATA_HOME": f"{tmp}/appdata"}
        env.pop("SKILLS_MAP_DATABASE_URL", None)
        code = _create_room(app, env)
        base, proc = start_app(Path(tmp), extra_env=env, cwd=app)
        cpu0 = _cpu_seconds(proc.pid)
        try:
            phones, projector = asyncio.run(_scenario(base, code, n, kind, projectors))
            cpu = _cpu_seconds(proc.pid) - cpu0
        finally:
            stop_app(proc)
        ranks = _entries(app, env, code)
    return summarise(phones, projector, ranks, cpu, n)


def summarise(
    phones: list[Phone], projector: Projector, ranks: dict[str, int], cpu: float, n: int
) -> dict[str, float]:
    """The figures of one scenario: lags, submit and load times, losses, server CPU per phone."""
    lags, missing = [], 0
    for p in phones:
        shown = projector.first_time_showing(ranks[p.name]) if p.name in ranks else None
        if p.saved and shown is not None:
            lags.append(max(0.0, shown - p.pressed))
        elif p.saved:
            missing += 1
    saved = [p for p in phones if p.saved]
    errors = [p.error for p in phones if p.error]
    return {
        "lag_p95": _p95(lags),
        "submit_p95": _p95([p.saved_at - p.pressed for p in saved]),
        "load_p95": _p95([p.loaded - p.opened for p in phones if p.loaded]),
        "load_max": max([p.loaded - p.opened for p in phones if p.loaded], default=float("nan")),
        "saved": len(saved),
        "stored": len(ranks),
        "never_shown": missing,
        "errors": len(errors),
        "first_error": errors[0] if errors else "",
        "cpu_per_phone": cpu / max(1, n),
        "projector_runs": projector.runs,
        "idle_kb": statistics.median(projector.idle_bytes) / 1024 if projector.idle_bytes else 0,
    }


def idle_cost(app: Path, projectors: int, n: int = 300, seconds: float = 20) -> tuple[float, float]:
    """(server CPU ms per second, KB sent per projector per second) while the room is idle."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "SKILLS_MAP_DATA_HOME": f"{tmp}/appdata"}
        env.pop("SKILLS_MAP_DATABASE_URL", None)
        code = _create_room(app, env)
        fill = (
            "import store\nfrom roles.models import Profile\n"
            f"for i in range({n}):\n"
            f"    store.submit(room={code!r}, participant=store.new_participant_token(), "
            "profile=Profile(ml=i % 11, swe=(3 * i) % 11, comm=5), name=None)\n"
        )
        subprocess.run([sys.executable, "-c", fill], cwd=app, env=env, check=True)
        base, proc = start_app(Path(tmp), extra_env=env, cwd=app)

        async def watch() -> tuple[float, int]:
            tabs = [Projector(base, code) for _ in range(projectors)]
            for tab in tabs:
                await tab.session.open()
            await asyncio.sleep(2)  # settle
            cpu0, bytes0 = _cpu_seconds(proc.pid), sum(t.session.bytes_received for t in tabs)
            await asyncio.sleep(seconds)
            cpu = _cpu_seconds(proc.pid) - cpu0
            sent = sum(t.session.bytes_received for t in tabs) - bytes0
            for tab in tabs:
                await tab.session.close()
            return cpu, sent

        try:
            cpu, sent = asyncio.run(watch())
        finally:
            stop_app(proc)
    return 1000 * cpu / seconds, sent / 1024 / seconds / projectors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="25,50,100,200,500")
    parser.add_argument("--app", type=Path, default=ROOT, help="folder holding app.py")
    parser.add_argument("--only", choices=["spread", "burst"])
    parser.add_argument("--projectors", type=int, default=1, help="projector tabs on the room")
    parser.add_argument("--idle", action="store_true", help="only: cost of 1 vs 20 idle tabs")
    args = parser.parse_args()
    if args.idle:
        print(f"load average: {os.getloadavg()[0]:.2f}; idle room of 300, over 20 s")
        for tabs in (1, 20):
            cpu, kb = idle_cost(args.app, tabs)
            print(f"  {tabs:>2} projector tabs: server CPU {cpu:.0f} ms/s, {kb:.2f} KB/s per tab")
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    print(
        f"load average: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}; "
        f"{os.cpu_count()} CPUs; app: {args.app}"
    )
    print("| participants | spread over 45 s: projector lag p95 | all within 5 s: p95 |")
    print("|---|---|---|")
    details = []
    for n in sizes:
        spread = run_size(args.app, n, "spread", args.projectors) if args.only != "burst" else None
        burst = run_size(args.app, n, "burst", args.projectors) if args.only != "spread" else None
        cells = [
            f"{spread['lag_p95']:.2f} s" if spread else "-",
            f"{burst['submit_p95']:.2f} s" if burst else "-",
        ]
        print(f"| {n} | {cells[0]} | {cells[1]} |", flush=True)
        details += [(n, k, r) for k, r in (("spread", spread), ("burst", burst)) if r]
    print("\nDetails (per scenario):")
    for n, kind, r in details:
        print(describe(n, kind, r))


def describe(n: int, kind: str, r: dict[str, float]) -> str:
    """One scenario's figures on a line (and its first error, if any, on the next)."""
    return (
        f"  {n:>4} {kind:<6} saved {r['saved']}/{n}, stored {r['stored']}, "
        f"never on projector {r['never_shown']}, errors {r['errors']}; "
        f"join load p95 {r['load_p95']:.2f} s (max {r['load_max']:.2f}), "
        f"submit p95 {r['submit_p95']:.2f} s, lag p95 {r['lag_p95']:.2f} s; "
        f"server CPU {r['cpu_per_phone'] * 1000:.0f} ms/phone; "
        f"projector runs {r['projector_runs']}, idle refresh {r['idle_kb']:.1f} KB"
        + (f"\n       first error: {r['first_error']}" if r["first_error"] else "")
    )


if __name__ == "__main__":
    main()
