"""Abuse limits per client address, counted in the database so they hold across servers.

Two kinds. A *rate* limit counts events (answers sent, new participants, rooms created) per
window and refuses the event that goes over; the count of the window before still weighs in,
fading over the current one (a sliding window), so a burst cannot double up at a boundary.
A *back-off* counts misses (room codes that do not exist, wrong facilitator keys): after a
number of free misses each further one doubles the wait before the next try, up to a cap;
misses are forgotten after a quiet spell.

Each limit is set by an environment variable (0 turns it off). The address is stored only as a
hash, and IPv6 addresses count per /64 network (one device can hold many addresses in it).
"""

from __future__ import annotations

import hashlib
import ipaddress
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import Connection, bindparam, delete, select
from sqlalchemy.dialects import postgresql, sqlite

from store.errors import TooManyRequests
from store.schema import hits, misses

ENV_MAX_BACKOFF = "SKILLS_MAP_MAX_BACKOFF_SECONDS"
DEFAULT_MAX_BACKOFF_S = 900


@dataclass(frozen=True)
class Rate:
    """At most `default` events per address per `window_s` seconds (env var `env` overrides)."""

    kind: str
    env: str
    default: int
    window_s: int
    what: str


@dataclass(frozen=True)
class Backoff:
    """`default` free misses per address, then a doubling wait (env var `env` overrides)."""

    kind: str
    env: str
    default: int
    what: str


# Generous for one hall behind a single NAT address, far below what a script can send.
SUBMITS = Rate("submit", "SKILLS_MAP_SUBMITS_PER_MINUTE", 600, 60, "answers")
JOINS = Rate("join", "SKILLS_MAP_JOINS_PER_MINUTE", 300, 60, "new participants")
ROOMS = Rate("room", "SKILLS_MAP_ROOMS_PER_HOUR", 20, 3600, "new rooms")
CODES = Backoff("code", "SKILLS_MAP_FREE_CODE_MISSES", 10, "room codes that do not exist")
KEYS = Backoff("key", "SKILLS_MAP_FREE_KEY_MISSES", 5, "wrong facilitator keys")
ALL = (SUBMITS, JOINS, ROOMS, CODES, KEYS)


def setting(env: str, default: int) -> int:
    """A whole number >= 0 from the environment; a bad value falls back to the default."""
    raw = os.environ.get(env, "").strip()
    try:
        return max(0, int(raw)) if raw else default
    except ValueError:
        return default


def subject(address: str) -> str:
    """What an address is counted under: a hash of the IPv4 address or of the IPv6 /64."""
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        key = address.strip().lower()
    else:
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is None:
            key = str(ipaddress.IPv6Network(f"{ip}/64", strict=False))
        else:
            key = str(ip.ipv4_mapped or ip) if isinstance(ip, ipaddress.IPv6Address) else str(ip)
    return hashlib.sha256(f"skills-map:{key}".encode()).hexdigest()


@cache
def _hit_statement(dialect_name: str) -> Any:
    dialect = postgresql if dialect_name == "postgresql" else sqlite
    stmt = dialect.insert(hits).values(
        kind=bindparam("kind"),
        subject=bindparam("subject"),
        window_start=bindparam("start"),
        count=1,
    )
    stmt = stmt.on_conflict_do_update(
        index_elements=[hits.c.kind, hits.c.subject, hits.c.window_start],
        set_={"count": hits.c.count + 1},
    )
    return stmt.returning(hits.c.count)


def count(conn: Connection, rate: Rate, address: str | None, now: datetime) -> None:
    """Count one event for `address`; TooManyRequests (the caller's transaction rolls back)."""
    limit = setting(rate.env, rate.default)
    if address is None or limit == 0:
        return
    epoch = int(now.timestamp())
    start = epoch - epoch % rate.window_s
    who = subject(address)
    params = {"kind": rate.kind, "subject": who, "start": start}
    used = conn.execute(_hit_statement(conn.dialect.name), params).scalar_one()
    before = conn.execute(
        select(hits.c.count).where(
            hits.c.kind == rate.kind,
            hits.c.subject == who,
            hits.c.window_start == start - rate.window_s,
        )
    ).scalar()
    elapsed = (now.timestamp() - start) / rate.window_s
    if used + (before or 0) * (1 - elapsed) > limit:
        raise TooManyRequests(rate.what, start + rate.window_s - now.timestamp())


def _max_wait() -> int:
    return max(1, setting(ENV_MAX_BACKOFF, DEFAULT_MAX_BACKOFF_S))


def _miss_row(conn: Connection, backoff: Backoff, address: str) -> Any:
    key = (misses.c.kind == backoff.kind) & (misses.c.subject == subject(address))
    return conn.execute(select(misses).where(key)).first()


def check(conn: Connection, backoff: Backoff, address: str | None, now: datetime) -> None:
    """TooManyRequests while `address` must still wait after its last miss."""
    if address is None or setting(backoff.env, backoff.default) == 0:
        return
    row = _miss_row(conn, backoff, address)
    if row is not None and row.blocked_until > now:
        raise TooManyRequests(backoff.what, (row.blocked_until - now).total_seconds())


def record_miss(conn: Connection, backoff: Backoff, address: str | None, now: datetime) -> None:
    """Count a miss for `address` and set how long it must wait before the next try."""
    free = setting(backoff.env, backoff.default)
    if address is None or free == 0:
        return
    cap = _max_wait()
    row = _miss_row(conn, backoff, address)
    # A quiet spell of twice the longest wait forgets earlier misses (a typo last week).
    fresh = row is None or now - row.last_failure > timedelta(seconds=2 * cap)
    failures = 1 if fresh else row.failures + 1
    wait = 0 if failures <= free else min(cap, 2 ** (failures - free))
    values = {
        "failures": failures,
        "last_failure": now,
        "blocked_until": now + timedelta(seconds=wait),
    }
    if row is None:
        conn.execute(misses.insert().values(kind=backoff.kind, subject=subject(address), **values))
    else:
        key = (misses.c.kind == backoff.kind) & (misses.c.subject == subject(address))
        conn.execute(misses.update().where(key).values(**values))


def purge(conn: Connection, now: datetime) -> int:
    """Forget counts and misses that can no longer matter; returns the rows removed."""
    # A window counts until the end of the next one (it weighs into that one).
    longest = 2 * max(r.window_s for r in ALL if isinstance(r, Rate))
    old_hits = conn.execute(delete(hits).where(hits.c.window_start < now.timestamp() - longest))
    stale = now - timedelta(seconds=2 * _max_wait())
    old_misses = conn.execute(delete(misses).where(misses.c.last_failure < stale))
    return old_hits.rowcount + old_misses.rowcount
