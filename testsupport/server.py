"""The app under test or benchmark: `streamlit run` on a free port, and Debian's chromium.

Shared by the tests (tests/e2e, tests/deploy) and the benchmarks (bench/), which import
neither each other nor anything but this package for it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("SKILLS_MAP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_healthy(
    url: str, proc: subprocess.Popen[bytes] | None = None, timeout: float = 30
) -> None:
    """Poll `url`/_stcore/health until it answers 200; fail at once if `proc` has exited."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"the server exited early with code {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"nothing answered at {url}/_stcore/health within {timeout} s")


def start_app(
    tmp_path: Path,
    extra_env: dict[str, str] | None = None,
    *,
    cwd: Path = ROOT,
    script: Path | None = None,
) -> tuple[str, subprocess.Popen[bytes]]:
    """Start `streamlit run app.py` (or `script`) in `cwd` with its own data folder.

    Returns the URL and the process (stop it with `stop_app`)."""
    port = free_port()
    env = {**os.environ, "SKILLS_MAP_DATA_HOME": str(tmp_path / "appdata"), **(extra_env or {})}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(script or cwd / "app.py"),
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc)
    except Exception:
        proc.kill()
        raise
    return url, proc


def stop_app(proc: subprocess.Popen[bytes]) -> None:
    """Stop a server started by `start_app` and reap it (idempotent)."""
    if proc.poll() is None:
        proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)
