"""The deployment recipe on one machine: PostgreSQL, N replicas (deploy/replicas.sh) and nginx
with the shipped site file, all on 127.0.0.1. Used by the deploy tests and the load bench.

Every process is started here and stopped by `deploy_stack`'s exit, also when a test fails.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

import store
from scripts.precompress_static import copy_static
from serving.device_cookie import COOKIE
from testsupport.server import wait_healthy

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "deploy" / "nginx" / "skills-map.conf"
REPLICAS_SH = ROOT / "deploy" / "replicas.sh"
NGINX = os.environ.get("SKILLS_MAP_NGINX") or shutil.which("nginx") or "/usr/sbin/nginx"

# The top-level file a Debian nginx would have, pointing every path at the test's folder.
_MAIN = """{user}worker_processes auto;
worker_rlimit_nofile 16384;
pid {tmp}/nginx.pid;
events {{ worker_connections 8192; }}
http {{
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {tmp}/skills-map.conf;
}}
"""
_UPSTREAM_LINE = re.compile(r"^\s*server 127\.0\.0\.1:\d+ (max_fails=.*;)$", re.M)


def nginx_available() -> bool:
    """True if an nginx binary is there to run."""
    return Path(NGINX).is_file() and os.access(NGINX, os.X_OK)


def free_ports(count: int) -> int:
    """The first of `count` consecutive free ports on 127.0.0.1."""
    for _ in range(200):
        first = secrets.randbelow(20_000) + 30_000
        try:
            for port in range(first, first + count):
                with socket.socket() as s:
                    s.bind(("127.0.0.1", port))
        except OSError:
            continue
        return first
    raise RuntimeError(f"no {count} consecutive free ports")


def render_site(ports: list[int], listen: int, access_log: Path, www: Path) -> str:
    """The shipped site file with only its replica addresses, port, log path and static
    folder changed."""
    site = SITE.read_text(encoding="utf-8")
    shipped = _UPSTREAM_LINE.findall(site)
    assert len(shipped) == 2, "deploy/nginx/skills-map.conf: expected two upstream server lines"
    upstream = "\n".join(f"    server 127.0.0.1:{p} {shipped[0]}" for p in ports)
    site = _UPSTREAM_LINE.sub("", site, count=1)
    site = _UPSTREAM_LINE.sub(upstream, site, count=1)
    for old, new in [
        ("listen 80;", f"listen 127.0.0.1:{listen};"),
        ("access_log /var/log/nginx/skills-map.access.log", f"access_log {access_log}"),
        ("root /var/lib/skills-map/www;", f"root {www};"),
    ]:
        # Only lines in force: the commented TLS example repeats some of them.
        site, found = re.subn(rf"^(\s*){re.escape(old)}", rf"\g<1>{new}", site, flags=re.M)
        assert found == 1, f"deploy/nginx/skills-map.conf: expected one {old!r}"
    return site


def _stop(proc: subprocess.Popen[bytes], sig: int = signal.SIGTERM, grace: float = 20) -> None:
    """Stop `proc` with `sig`, then anything left in its process group (its own session)."""
    if proc.poll() is None:
        proc.send_signal(sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=grace)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)


@contextmanager
def fresh_database(admin_url: str) -> Iterator[str]:
    """A new, empty database on the server of `admin_url`; dropped on exit."""
    name = f"skills_map_deploy_{secrets.token_hex(5)}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@dataclass
class Stack:
    """A running recipe: `url` is nginx; `ports` the replicas behind it."""

    url: str
    ports: list[int]
    run_dir: Path
    access_log: Path
    database_url: str
    engine: Engine
    _log_offset: int = field(default=0, repr=False)

    def replica_pid(self, port: int) -> int:
        """The pid of the server now running on `port` (from deploy/replicas.sh's pid file)."""
        return int((self.run_dir / f"replica-{port}.pid").read_text().strip())

    def kill_replica(self, port: int) -> None:
        """Kill the replica on `port` as a crash would (SIGKILL); its supervisor restarts it."""
        os.kill(self.replica_pid(port), signal.SIGKILL)

    def wait_all_up(self, timeout: float = 90) -> None:
        """Every replica answers, and nginx sends browsers to each again (after a kill)."""
        for port in self.ports:
            wait_healthy(f"http://127.0.0.1:{port}", timeout=timeout)
        # nginx skips a replica for fail_timeout (10 s) after it failed.
        for port in self.ports:
            self.tokens_for(port, timeout=30)

    def log_lines(self) -> list[str]:
        """Access log lines written since the last call."""
        with self.access_log.open(encoding="utf-8") as f:
            f.seek(self._log_offset)
            data = f.read()
            self._log_offset = f.tell()
        return data.splitlines()

    def log_until(self, pattern: str, count: int = 1, timeout: float = 10) -> list[str]:
        """New access log lines, read until `count` of them contain `pattern`.

        nginx writes a line once a request is over: a WebSocket's when it closes.
        """
        lines: list[str] = []
        deadline = time.monotonic() + timeout
        while sum(pattern in ln for ln in lines) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"nginx logged {pattern!r} fewer than {count} times: {lines}")
            time.sleep(0.05)
            lines += self.log_lines()
        return lines

    def upstream_for(self, token: str | None) -> int:
        """The replica port nginx sends a browser with this device cookie to (asks nginx)."""
        # A path of its own finds this request's log line; nginx writes it just after replying.
        path = f"/_stcore/probe-{secrets.token_hex(6)}"
        headers = {"Cookie": f"{COOKIE}={token}"} if token else {}
        request = urllib.request.Request(f"{self.url}{path}", headers=headers)
        with contextlib.suppress(urllib.error.HTTPError):  # the app has no such page: 404
            urllib.request.urlopen(request, timeout=10).close()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            lines = [ln for ln in self.access_log.read_text().splitlines() if path in ln]
            if lines:
                return upstream_port(lines[0])
            time.sleep(0.02)
        raise AssertionError(f"nginx logged no line for {path}")

    def tokens_for(self, port: int, count: int = 1, timeout: float = 30) -> list[str]:
        """Device tokens whose browsers nginx sends to the replica on `port`."""
        found: list[str] = []
        deadline = time.monotonic() + timeout
        while len(found) < count:
            if time.monotonic() > deadline:
                raise TimeoutError(f"nginx sent no browser to the replica on {port}")
            token = secrets.token_urlsafe(24)
            if self.upstream_for(token) == port:
                found.append(token)
        return found


def upstream_port(line: str) -> int:
    """The replica port named in an access log line (the last one nginx tried)."""
    match = re.search(r"upstream=(?:[\d.:]+, )*127\.0\.0\.1:(\d+)", line)
    assert match, f"no upstream in access log line: {line}"
    return int(match.group(1))


def _start_nginx(tmp: Path, ports: list[int]) -> tuple[str, Path, subprocess.Popen[bytes]]:
    listen = free_ports(1)
    access_log = tmp / "access.log"
    www = tmp / "www"
    copy_static(www)  # as the recipe says: Streamlit's files with their .gz copies
    (tmp / "skills-map.conf").write_text(render_site(ports, listen, access_log, www))
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must read the test's folder
    (tmp / "nginx.conf").write_text(_MAIN.format(user=user, tmp=tmp))
    args = [NGINX, "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-e", str(tmp / "error.log")]
    check = subprocess.run([*args, "-t"], capture_output=True, text=True)
    assert check.returncode == 0, f"nginx -t refused the shipped site file:\n{check.stderr}"
    proc = subprocess.Popen(
        [*args, "-g", "daemon off;"], start_new_session=True, stderr=subprocess.DEVNULL
    )
    return f"http://127.0.0.1:{listen}", access_log, proc


@contextmanager
def deploy_stack(
    tmp: Path, *, admin_url: str, replicas: int = 2, env: dict[str, str] | None = None
) -> Iterator[Stack]:
    """Start the whole recipe in `tmp` on a fresh database; stop and drop it all on exit."""
    with fresh_database(admin_url) as database_url:
        first = free_ports(replicas)
        ports = list(range(first, first + replicas))
        run_dir = tmp / "run"
        replica_env = {
            **os.environ,
            "SKILLS_MAP_DATABASE_URL": database_url,
            "STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_urlsafe(32),
            "SKILLS_MAP_RUN_DIR": str(run_dir),
            "SKILLS_MAP_DATA_HOME": str(tmp / "appdata"),
            "PYTHON": sys.executable,
            **(env or {}),
        }
        replica_env.pop("SKILLS_MAP_PUBLIC_URL", None)
        log = (tmp / "replicas.out").open("wb")
        replicas_proc = subprocess.Popen(
            ["bash", str(REPLICAS_SH), str(replicas), str(first)],
            env=replica_env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        nginx_proc = None
        engine = store.make_engine(database_url)
        try:
            for port in ports:
                wait_healthy(f"http://127.0.0.1:{port}", replicas_proc, timeout=90)
            url, access_log, nginx_proc = _start_nginx(tmp, ports)
            wait_healthy(url, nginx_proc)
            yield Stack(url, ports, run_dir, access_log, database_url, engine)
        finally:
            engine.dispose()
            if nginx_proc is not None:
                _stop(nginx_proc, signal.SIGQUIT)  # graceful: lets open requests finish
            _stop(replicas_proc)
            log.close()
