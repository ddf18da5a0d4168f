"""Store fixtures: a new SQLite file per test, and the same tests on PostgreSQL if a URL is set.

Set SKILLS_MAP_TEST_POSTGRES_URL (e.g. postgresql+psycopg://postgres:pw@127.0.0.1:5432/postgres)
to run the PostgreSQL half; each test then gets its own schema, dropped afterwards.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

import store
from roles.models import Profile

PG_URL = os.environ.get("SKILLS_MAP_TEST_POSTGRES_URL", "").strip()
needs_postgres = pytest.mark.skipif(not PG_URL, reason="SKILLS_MAP_TEST_POSTGRES_URL is not set")


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real data folder or a configured database from a store test."""
    monkeypatch.setenv("SKILLS_MAP_DATA_HOME", str(tmp_path / "appdata"))
    for name in (
        "SKILLS_MAP_DATABASE_URL",
        "SKILLS_MAP_ROOM_TTL_DAYS",
        "SKILLS_MAP_TEAM_ROOM_TTL_DAYS",
        "SKILLS_MAP_ROOM_CAPACITY",
        "SKILLS_MAP_RATE_LIMIT",
        "SKILLS_MAP_RATE_WINDOW_SECONDS",
        "SKILLS_MAP_SUBMITS_PER_MINUTE",
        "SKILLS_MAP_JOINS_PER_MINUTE",
        "SKILLS_MAP_ROOMS_PER_HOUR",
        "SKILLS_MAP_FREE_CODE_MISSES",
        "SKILLS_MAP_FREE_KEY_MISSES",
        "SKILLS_MAP_MAX_BACKOFF_SECONDS",
        "SKILLS_MAP_SECRET",
        "SKILLS_MAP_DB_POOL_SIZE",
        "SKILLS_MAP_DB_MAX_OVERFLOW",
    ):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def fresh_db(tmp_path: Path) -> Iterator[Engine]:
    """An engine on a new SQLite file."""
    engine = store.make_engine(f"sqlite:///{tmp_path / 'rooms.sqlite'}")
    yield engine
    engine.dispose()


@pytest.fixture
def pg_db() -> Iterator[Engine]:
    """An engine on a schema of its own in the test PostgreSQL server."""
    if not PG_URL:
        pytest.skip("SKILLS_MAP_TEST_POSTGRES_URL is not set")
    schema = f"skills_map_test_{secrets.token_hex(6)}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = store.make_engine(
        PG_URL,
        connect_args={"options": f"-c search_path={schema}"},
        pool_size=10,
        max_overflow=20,
    )
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(
    params=["sqlite", pytest.param("postgresql", marks=[pytest.mark.postgres, needs_postgres])]
)
def db(request: pytest.FixtureRequest) -> Engine:
    """The same test on SQLite and, when a server URL is given, on PostgreSQL."""
    name = "fresh_db" if request.param == "sqlite" else "pg_db"
    return request.getfixturevalue(name)


@pytest.fixture
def room(db: Engine) -> store.CreatedRoom:
    """An open room in `db`."""
    return store.create_room(title="Test workshop", engine=db)


@pytest.fixture
def team(db: Engine) -> store.CreatedRoom:
    """An open team room in `db` (round 1 open)."""
    return store.create_team_room(title="Data platform team", engine=db)


@pytest.fixture
def answer(db: Engine, team: store.CreatedRoom) -> Callable[..., store.MemberHistory]:
    """Answer in `team`'s current round as `participant` (a new device if not given)."""

    def _answer(
        name: str | None = "Ana",
        ml: float = 5,
        swe: float = 5,
        comm: float = 5,
        *,
        participant: str | None = None,
        method: str = "sliders",
        answers: dict | None = None,
        address: str | None = None,
    ) -> store.MemberHistory:
        return store.submit_team_answer(
            room=team.room.code,
            participant=participant or store.new_participant_token(),
            name=name,
            profile=Profile(ml=ml, swe=swe, comm=comm),
            method=method,
            answers=answers,
            address=address,
            engine=db,
        )

    return _answer


@pytest.fixture
def join(db: Engine, room: store.CreatedRoom) -> Callable[..., store.Entry]:
    """Submit into `room` as a new participant (or as `participant=` if given)."""

    def _join(
        ml: float = 5,
        swe: float = 5,
        comm: float = 5,
        *,
        name: str | None = None,
        participant: str | None = None,
    ) -> store.Entry:
        return store.submit(
            room=room.room.code,
            participant=participant or store.new_participant_token(),
            profile=Profile(ml=ml, swe=swe, comm=comm),
            name=name,
            engine=db,
        )

    return _join
