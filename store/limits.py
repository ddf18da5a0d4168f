"""Abuse limits per device and per client address, counted in the database so they hold
across servers.

Two kinds. A *rate* limit counts events (answers sent, new participants, rooms created) per
address and window and refuses the event that goes over; the count of the window before still
weighs in, fading over the current one (a sliding window), so a burst cannot double up at a
boundary. A *back-off* counts misses (room codes that do not exist, a code and key that do not
open a room): after a number of free misses each further one doubles the wait before the next
try, up to a cap; misses are forgotten after a quiet spell. Misses count per device first (one
person's typos hold back only their phone) and per address only far higher (a guesser who
throws cookies away), so a hall behind one venue address is never locked out by a few people.

Each limit is a setting (`roles.settings`; 0 turns it off). Devices and addresses are stored
only as keyed hashes (HMAC with the server's secret, see `hash_key`), and IPv6 addresses count
per /64 network (one device can hold many addresses in it).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import weakref
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, delete, select
from sqlalchemy.dialects import postgresql, sqlite

from roles.caching import memoize
from roles.i18n import N_, Msg
from roles.settings import secret_value, settings
from store.errors import TooManyRequests
from store.schema import HASH_KEY, hits, misses
from store.schema import settings as stored_settings


@dataclass(frozen=True)
class Rate:
    """At most `setting` events per address per `window_s` seconds (`setting`: a field of
    `roles.settings.Settings`)."""

    kind: str
    setting: str
    window_s: int
    what: str


@dataclass(frozen=True)
class Backoff:
    """`setting` free misses, then a doubling wait; `per` is what is counted: "device" or
    "network" (the client address)."""

    kind: str
    setting: str
    what: str
    per: str = "device"


# Generous for one hall behind a single NAT address (see the settings' defaults), far below
# what a script can send. `what` is a message id, said in the reader's language when refused.
SUBMITS = Rate("submit", "submits_per_minute", 60, N_("answers"))
JOINS = Rate("join", "joins_per_minute", 60, N_("new participants"))
ROOMS = Rate("room", "rooms_per_hour", 3600, N_("new rooms"))
CODES = Backoff("code", "free_code_misses", N_("room codes that do not exist"))
KEYS = Backoff("key", "free_key_misses", N_("room codes and keys that do not open a room"))
# Every miss of every device behind one address, whatever was missed.
NETWORK = Backoff(
    "net", "free_address_misses", N_("room codes and keys that do not open a room"), "network"
)
ALL = (SUBMITS, JOINS, ROOMS, CODES, KEYS, NETWORK)

_KEYS: weakref.WeakKeyDictionary[Engine, bytes] = weakref.WeakKeyDictionary()


def setting(name: str) -> int:
    """A limit's value from the settings (0: the limit is off)."""
    return int(getattr(settings(), name))


def hash_key(conn: Connection) -> bytes:
    """The key of the stored hashes: `SKILLS_MAP_SECRET`, else the random key the store keeps
    (made by a migration, shared by every server on the database)."""
    explicit = secret_value(settings().secret)
    if explicit:
        return explicit.encode("utf-8")
    engine = conn.engine
    key = _KEYS.get(engine)
    if key is None:
        found = conn.execute(
            select(stored_settings.c.value).where(stored_settings.c.name == HASH_KEY)
        ).scalar_one()
        key = _KEYS[engine] = bytes.fromhex(found)
    return key


def forget_hash_key(engine: Engine) -> None:
    """Read the stored key again next time (after a restore replaced the store's content)."""
    _KEYS.pop(engine, None)


def _network(address: str) -> str:
    """What an address is counted under: the IPv4 address, or the IPv6 /64 network."""
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return address.strip().lower()
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is None:
        return str(ipaddress.IPv6Network(f"{ip}/64", strict=False))
    return str(ip.ipv4_mapped or ip) if isinstance(ip, ipaddress.IPv6Address) else str(ip)


def subject(key: bytes, address: str) -> str:
    """A client address as stored: a keyed hash (HMAC-SHA256) of its address or /64 network,
    which cannot be reversed by trying every address without the key."""
    return hmac.new(key, f"net:{_network(address)}".encode(), hashlib.sha256).hexdigest()


def device_subject(key: bytes, device: str) -> str:
    """A device (its participant id) as stored in the limit tables: a keyed hash."""
    return hmac.new(key, f"device:{device}".encode(), hashlib.sha256).hexdigest()


@memoize(maxsize=4)
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
    limit = setting(rate.setting)
    if address is None or limit == 0:
        return
    epoch = int(now.timestamp())
    start = epoch - epoch % rate.window_s
    who = subject(hash_key(conn), address)
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
        raise TooManyRequests(
            Msg(rate.what), start + rate.window_s - now.timestamp(), per="network"
        )


def _max_wait() -> int:
    return setting("max_backoff_seconds")


def _counted(
    conn: Connection, backoff: Backoff, device: str | None, address: str | None
) -> list[tuple[Backoff, str, int]]:
    """The back-offs a miss of `backoff`'s kind counts toward, each with its stored subject and
    its free misses: the device's own, then its network's; none without an address (a trusted
    caller) and none that a setting of 0 turned off."""
    if address is None:
        return []
    key = hash_key(conn)
    found = [] if device is None else [(backoff, device_subject(key, device))]
    counted = [*found, (NETWORK, subject(key, address))]
    return [(limit, who, free) for limit, who in counted if (free := setting(limit.setting))]


def _miss_row(conn: Connection, backoff: Backoff, who: str) -> Any:
    key = (misses.c.kind == backoff.kind) & (misses.c.subject == who)
    return conn.execute(select(misses).where(key)).first()


def check(
    conn: Connection,
    backoff: Backoff,
    now: datetime,
    *,
    device: str | None = None,
    address: str | None = None,
) -> None:
    """TooManyRequests while this device, or its address, must still wait after a miss.

    `address` None: a trusted caller (the CLI) or a page that already opened this code, which
    counts and waits for nothing."""
    for limit, who, _free in _counted(conn, backoff, device, address):
        row = _miss_row(conn, limit, who)
        if row is not None and row.blocked_until > now:
            wait = (row.blocked_until - now).total_seconds()
            raise TooManyRequests(Msg(limit.what), wait, per=limit.per)


def record_miss(
    conn: Connection,
    backoff: Backoff,
    now: datetime,
    *,
    device: str | None = None,
    address: str | None = None,
) -> None:
    """Count a miss for this device and its address, and set how long each must wait before
    the next try."""
    cap = _max_wait()
    for limit, who, free in _counted(conn, backoff, device, address):
        row = _miss_row(conn, limit, who)
        # A quiet spell of twice the longest wait forgets earlier misses (a typo last week).
        fresh = row is None or now - row.last_failure > timedelta(seconds=2 * cap)
        failures = 1 if fresh else row.failures + 1
        wait = 0 if failures <= free else min(cap, 2 ** min(failures - free, 30))
        values = {
            "failures": failures,
            "last_failure": now,
            "blocked_until": now + timedelta(seconds=wait),
        }
        if row is None:
            conn.execute(misses.insert().values(kind=limit.kind, subject=who, **values))
        else:
            key = (misses.c.kind == limit.kind) & (misses.c.subject == who)
            conn.execute(misses.update().where(key).values(**values))


def purge(conn: Connection, now: datetime) -> int:
    """Forget counts and misses that can no longer matter; returns the rows removed."""
    # A window counts until the end of the next one (it weighs into that one).
    longest = 2 * max(r.window_s for r in ALL if isinstance(r, Rate))
    old_hits = conn.execute(delete(hits).where(hits.c.window_start < now.timestamp() - longest))
    stale = now - timedelta(seconds=2 * _max_wait())
    old_misses = conn.execute(delete(misses).where(misses.c.last_failure < stale))
    return old_hits.rowcount + old_misses.rowcount
