"""A full room on one server through the light join page (/j). Prints figures; asserts nothing.

    python bench/bench_light_join.py [--join 2000] [--over 60] [--burst 1000] [--within 10]

Starts a fresh `streamlit run app.py` with the shipped settings (its own data folder and port)
and a room of the default capacity whose projector shows the map; one projector tab follows it
over Streamlit's own protocol (`bench/stclient.py`). Phones are httpx clients, each with its own
cookies, all from 127.0.0.1: a hall behind one venue address. A phone opens the page (GET, the
page compressed as a browser takes it), reads for a few seconds, and presses Submit (one POST).

- join: `--join` phones arrive at random over `--over` seconds. Projector lag = from pressing
  Submit to the first projector refresh whose map holds that dot.
- burst: `--burst` phones open the page first, then all press Submit within `--within` seconds.
  "Saved" = from pressing Submit to the answer page that says so.

Every request has a timeout and each scenario a deadline; only 127.0.0.1 is contacted and the
server is stopped at the end. Check `uptime` first: other work on the machine shows in these.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from http.cookiejar import DefaultCookiePolicy
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_room_load import Phone as RoomPhone  # noqa: E402
from bench.bench_room_load import Projector, _cpu_seconds, _p95  # noqa: E402
from testsupport.server import start_app, stop_app  # noqa: E402
from testsupport.stclient import now  # noqa: E402

THINK_S = (2.0, 6.0)
HIDDEN = re.compile(r'<input type="hidden" name="(\w+)" value="([^"]*)">')
NOTICE = re.compile(r'role="alert">(.*?)</div>')
BROWSER = {"Accept-Encoding": "gzip, deflate, br", "Accept-Language": "en-GB,en;q=0.9"}


@dataclass
class Phone(RoomPhone):
    """One simulated participant, what it saw and what it downloaded."""

    page_bytes: int = 0
    answer_bytes: int = 0


def _wire_bytes(response: httpx.Response) -> int:
    """Bytes on the wire: the status line and headers, and the body as sent (compressed)."""
    head = sum(len(k) + len(v) + 4 for k, v in response.headers.raw) + 17
    return head + response.num_bytes_downloaded


def _cookie(response: httpx.Response, jar: dict[str, str]) -> None:
    for value in response.headers.get_list("set-cookie"):
        name, _, rest = value.partition("=")
        jar[name.strip()] = rest.split(";", 1)[0]


async def _phone(
    client: httpx.AsyncClient,
    code: str,
    phone: Phone,
    start: float,
    think: float,
    gate: asyncio.Event | None,
) -> None:
    """One phone: its own cookies (sent by hand: the client's pool is shared by all phones, as
    making an httpx client per phone cost the bench more CPU than the server spent)."""
    await asyncio.sleep(max(0.0, start - time.monotonic()))
    jar: dict[str, str] = {}
    try:
        phone.opened = now()
        page = await client.get(f"/j?room={code}")
        _cookie(page, jar)
        phone.loaded, phone.page_bytes = now(), _wire_bytes(page)
        form = dict(HIDDEN.findall(page.text))
        if page.status_code != 200 or "csrf" not in form:
            phone.error = f"GET {page.status_code}"
            return
        if gate is not None:
            await gate.wait()
        await asyncio.sleep(think)
        rng = random.Random(phone.name)
        scores = {a: str(rng.randint(0, 10)) for a in ("ml", "swe", "comm")}
        cookie = "; ".join(f"{k}={v}" for k, v in jar.items())
        phone.pressed = now()
        answer = await client.post(
            "/j",
            data={**form, **scores, "name": phone.name},
            headers={"Origin": str(client.base_url).rstrip("/"), "Cookie": cookie},
        )
        phone.saved_at, phone.answer_bytes = now(), _wire_bytes(answer)
        phone.saved = answer.status_code == 200 and "Saved at" in answer.text
        if not phone.saved:
            said = NOTICE.findall(answer.text)
            phone.error = f"POST {answer.status_code}: {said[0] if said else answer.text[:200]}"
    except httpx.HTTPError as exc:
        phone.error = f"{type(exc).__name__}: {exc}"[:200]


def _store(app: Path, env: dict[str, str], script: str) -> str:
    return subprocess.run(
        [sys.executable, "-c", "import json, store\n" + script],
        cwd=app,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def _create_room(app: Path, env: dict[str, str]) -> str:
    """A room of the default capacity whose projector shows the map."""
    return _store(
        app,
        env,
        (
            "c = store.create_room(title='Light load test')\n"
            "store.set_room_state(room=c.room.code, key=c.key, screen='map')\n"
            "print(c.room.code)"
        ),
    )


def _ranks(app: Path, env: dict[str, str], code: str) -> dict[str, int]:
    out = _store(
        app,
        env,
        (f"s = store.room_snapshot(room={code!r})\nprint(json.dumps([e.name for e in s.entries]))"),
    )
    import json

    return {name: rank for rank, name in enumerate(json.loads(out), start=1)}


async def _scenario(
    base: str, code: str, n: int, over: float, burst: bool, watch: bool = True
) -> tuple[list[Phone], Projector]:
    projector = Projector(base, code)
    if watch:
        await projector.session.open()
    rng = random.Random(n)
    phones = [Phone(name=f"Phone {i}") for i in range(n)]
    t0 = time.monotonic() + 0.5
    gate = asyncio.Event() if burst else None
    tasks = []
    # A browser drops an idle connection before the server does (uvicorn: after 5 s) or
    # retries a request on one the server just closed; the client here does neither by itself.
    limits = httpx.Limits(
        max_connections=1000, max_keepalive_connections=1000, keepalive_expiry=3.0
    )
    client = httpx.AsyncClient(base_url=base, headers=BROWSER, timeout=30, limits=limits)
    client.cookies.jar.set_policy(DefaultCookiePolicy(allowed_domains=[]))  # it keeps none
    for phone in phones:
        # A burst: everyone opens the page over 20 s first, then presses within `over` seconds.
        start = t0 + rng.uniform(0, 20 if burst else over)
        think = rng.uniform(0, over) if burst else rng.uniform(*THINK_S)
        tasks.append(asyncio.create_task(_phone(client, code, phone, start, think, gate)))
    if gate is not None:
        while not all(p.loaded or p.error for p in phones):
            await asyncio.sleep(0.2)
        gate.set()
    try:
        await asyncio.wait_for(asyncio.gather(*tasks), timeout=over + 180)
    finally:
        await client.aclose()
    await asyncio.sleep(3)  # the projector catches up with the last answers
    if watch:
        await projector.session.close()
    return phones, projector


def run(app: Path, n: int, over: float, burst: bool, watch: bool = True) -> dict[str, float | str]:
    """One scenario on a fresh server; its figures."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "SKILLS_MAP_DATA_HOME": f"{tmp}/appdata"}
        env.pop("SKILLS_MAP_DATABASE_URL", None)
        code = _create_room(app, env)
        base, proc = start_app(Path(tmp), extra_env=env, cwd=app)
        load0 = os.getloadavg()[0]
        try:
            cpu0, mine0 = _cpu_seconds(proc.pid), time.process_time()
            phones, projector = asyncio.run(_scenario(base, code, n, over, burst, watch))
            cpu, mine = _cpu_seconds(proc.pid) - cpu0, time.process_time() - mine0
        finally:
            stop_app(proc)
        ranks = _ranks(app, env, code)
    lags = []
    for p in phones:
        shown = projector.first_time_showing(ranks[p.name]) if p.name in ranks else None
        if p.saved and shown is not None:
            lags.append(max(0.0, shown - p.pressed))
    saved = [p for p in phones if p.saved]
    errors = [p.error for p in phones if p.error]
    return {
        "n": n,
        "saved": len(saved),
        "stored": len(ranks),
        "never_shown": len(saved) - len(lags),
        "refused": len(errors),
        "first_error": errors[0] if errors else "",
        "lag_p95": _p95(lags),
        "saved_p95": _p95([p.saved_at - p.pressed for p in saved]),
        "load_p95": _p95([p.loaded - p.opened for p in phones if p.loaded]),
        "page_kb": sorted(p.page_bytes for p in phones)[n // 2] / 1024,
        "answer_kb": sorted(p.answer_bytes for p in saved)[len(saved) // 2] / 1024 if saved else 0,
        "cpu_ms_per_phone": 1000 * cpu / n,
        "bench_cpu_s": mine,
        "load": f"{load0:.1f} / {os.getloadavg()[0]:.1f}",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", type=Path, default=ROOT, help="folder holding app.py")
    parser.add_argument("--join", type=int, default=2000, help="phones joining (0: skip)")
    parser.add_argument("--over", type=float, default=60.0, help="seconds they join over")
    parser.add_argument("--burst", type=int, default=1000, help="phones pressing at once (0: skip)")
    parser.add_argument("--within", type=float, default=10.0, help="seconds they press within")
    parser.add_argument("--no-projector", action="store_true", help="no projector tab open")
    args = parser.parse_args()
    print(f"load average at start: {os.getloadavg()[0]:.2f}; {os.cpu_count()} CPUs")
    print(
        "| scenario | phones | saved / stored | refused | projector lag p95 | Saved p95 | "
        "page load p95 | page / answer (KB, median) | server CPU per phone | load avg |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    runs = [(args.join, args.over, False), (args.burst, args.within, True)]
    for n, over, burst in runs:
        if n <= 0:
            continue
        r = run(args.app, n, over, burst, not args.no_projector)
        label = f"{n} join over {over:g} s" if not burst else f"{n} press Submit within {over:g} s"
        print(
            f"| {label} | {n} | {r['saved']} / {r['stored']} | {r['refused']} | "
            f"{r['lag_p95']:.2f} s | {r['saved_p95']:.2f} s | {r['load_p95']:.2f} s | "
            f"{r['page_kb']:.1f} / {r['answer_kb']:.1f} | {r['cpu_ms_per_phone']:.1f} ms | "
            f"{r['load']} |",
            flush=True,
        )
        print(f"  (the bench itself used {r['bench_cpu_s']:.1f} s of CPU)")
        if r["first_error"]:
            print(f"  first error: {r['first_error']}")


if __name__ == "__main__":
    main()
