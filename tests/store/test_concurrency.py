"""Many phones at once: no answer lost, none duplicated, on SQLite and on PostgreSQL."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from sqlalchemy import Engine, func, select

import store
from roles.models import Profile
from store.schema import entries

THREADS = 50
SUBMISSIONS = 20
PER_TOKEN = 2  # every participant submits, then changes their answer once


def _hammer(engines: list[Engine], code: str, threads: int, submissions: int) -> dict[str, float]:
    """Run `threads` writers, each with its own participants; return each token's last ml."""
    last: dict[str, float] = {}
    errors: list[BaseException] = []
    start = threading.Barrier(threads)

    def writer(n: int) -> None:
        engine = engines[n % len(engines)]
        tokens = [store.new_participant_token() for _ in range(submissions // PER_TOKEN)]
        start.wait()
        try:
            for round_ in range(PER_TOKEN):
                for i, token in enumerate(tokens):
                    ml = round((n * 7 + i * 3 + round_ * 5) % 101 / 10, 1)
                    store.submit(
                        room=code,
                        participant=token,
                        name=f"t{n}-{i}",
                        profile=Profile(ml=ml, swe=round_, comm=5),
                        engine=engine,
                    )
                    last[token] = ml
        except BaseException as exc:  # collected so the main thread can report it
            errors.append(exc)

    workers = [threading.Thread(target=writer, args=(n,)) for n in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=240)
    assert not errors, f"{len(errors)} writers failed, first: {errors[0]!r}"
    return last


def _check(engine: Engine, code: str, last: dict[str, float], threads: int, per: int) -> None:
    snap = store.room_snapshot(room=code, engine=engine)
    assert snap.count == len(last) == threads * per
    ids = [e.entry_id for e in snap.entries]
    assert len(set(ids)) == len(ids)
    assert {e.name for e in snap.entries} == {
        f"t{n}-{i}" for n in range(threads) for i in range(per)
    }
    assert all(e.swe == PER_TOKEN - 1 for e in snap.entries), "an update was lost"
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(entries)).scalar() == len(last)
    by_name = {e.name: e.ml for e in snap.entries}
    assert sorted(by_name.values()) == sorted(last.values())


@pytest.mark.timeout(300)
def test_fifty_writers_lose_and_duplicate_nothing(db: Engine) -> None:
    created = store.create_room(title="Crowd", engine=db)
    store.migrate(db)
    last = _hammer([db], created.room.code, THREADS, SUBMISSIONS)
    _check(db, created.room.code, last, THREADS, SUBMISSIONS // PER_TOKEN)


@pytest.mark.timeout(300)
def test_two_servers_writing_at_once_lose_nothing(fresh_db: Engine) -> None:
    other = store.make_engine(str(fresh_db.url))
    created = store.create_room(title="Two servers", engine=fresh_db)
    last = _hammer([fresh_db, other], created.room.code, 20, 10)
    _check(other, created.room.code, last, 20, 10 // PER_TOKEN)
    other.dispose()


def test_capacity_holds_under_a_rush(db: Engine) -> None:
    created = store.create_room(title="Tiny", capacity=25, engine=db)
    refused: list[str] = []
    start = threading.Barrier(40)

    def newcomer() -> None:
        start.wait()
        try:
            store.submit(
                room=created.room.code,
                participant=store.new_participant_token(),
                profile=Profile(ml=1, swe=1, comm=1),
                name=None,
                engine=db,
            )
        except store.RoomFull:
            refused.append("full")

    _run_all([newcomer] * 40)
    assert store.room_snapshot(room=created.room.code, engine=db).count == 25
    assert len(refused) == 15


def _run_all(targets: list[Callable[[], None]]) -> None:
    workers = [threading.Thread(target=t) for t in targets]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=120)
