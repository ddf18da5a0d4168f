"""Where the data lives, the SQLite setup, migrations, and several servers on one database."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, create_mock_engine, func, inspect, select, text
from sqlalchemy.exc import TimeoutError as SATimeoutError

import store
from roles.errors import SettingsError
from roles.models import Profile
from store.migrations import MIGRATIONS
from store.schema import schema_version


def test_default_database_is_an_sqlite_file_in_the_data_home(tmp_path: Path) -> None:
    home = tmp_path / "appdata"
    assert not home.exists()
    engine = store.default_engine()
    assert engine.url.database == str(home / "rooms.sqlite")
    assert home.is_dir()
    created = store.create_room(title="Default", engine=None)
    assert (home / "rooms.sqlite").is_file()
    assert store.get_room(room=created.room.code).title == "Default"


def test_default_engine_is_shared_per_url() -> None:
    assert store.default_engine() is store.default_engine()


def test_database_url_from_the_environment_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "elsewhere" / "custom.sqlite"
    monkeypatch.setenv("SKILLS_MAP_DATABASE_URL", f"sqlite:///{target}")
    assert store.database_url() == f"sqlite:///{target}"
    store.create_room(title="Custom", engine=None)
    assert target.is_file()
    assert not (tmp_path / "appdata" / "rooms.sqlite").exists()


def test_sqlite_connections_use_wal_busy_timeout_and_foreign_keys(fresh_db: Engine) -> None:
    with fresh_db.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_an_engine_made_elsewhere_gets_the_sqlite_setup(tmp_path: Path) -> None:
    plain = create_engine(f"sqlite:///{tmp_path / 'plain.sqlite'}")
    store.create_room(title="Plain", engine=plain)
    with plain.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    plain.dispose()


def test_migrate_twice_is_harmless(db: Engine) -> None:
    created = store.create_room(title="Before", engine=db)
    assert store.migrate(db) == len(MIGRATIONS)
    assert store.migrate(db) == len(MIGRATIONS)
    with db.connect() as conn:
        versions = conn.execute(select(schema_version.c.version)).scalars().all()
    assert versions == list(range(1, len(MIGRATIONS) + 1))
    assert store.get_room(room=created.room.code, engine=db).title == "Before"


def test_migrate_creates_the_tables_on_an_empty_database(db: Engine) -> None:
    assert "rooms" not in inspect(db).get_table_names()
    store.migrate(db)
    assert {"rooms", "entries", "schema_version"} <= set(inspect(db).get_table_names())


def test_unsupported_database_is_refused_plainly() -> None:
    engine = create_mock_engine("mysql://u:p@127.0.0.1/x", executor=lambda *a, **k: None)
    with pytest.raises(store.StoreConfigError, match="SQLite and PostgreSQL"):
        store.migrate(engine)  # type: ignore[arg-type]


def test_two_servers_on_one_sqlite_file_share_rooms(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'shared.sqlite'}"
    first, second = store.make_engine(url), store.make_engine(url)
    created = store.create_room(title="Shared", engine=first)
    token = store.new_participant_token()
    store.submit(
        room=created.room.code,
        participant=token,
        profile=Profile(ml=2, swe=3, comm=4),
        name="Ada",
        engine=second,
    )
    snap = store.room_snapshot(room=created.room.code, engine=first)
    assert [(e.name, e.ml) for e in snap.entries] == [("Ada", 2.0)]
    store.set_room_state(room=created.room.code, key=created.key, locked=True, engine=first)
    with pytest.raises(store.RoomLocked):
        store.submit(
            room=created.room.code,
            participant=token,
            profile=Profile(ml=9, swe=9, comm=9),
            name=None,
            engine=second,
        )
    first.dispose()
    second.dispose()


def test_two_servers_on_one_postgres_share_rooms(pg_db: Engine) -> None:
    other = store.make_engine(
        pg_db.url.render_as_string(hide_password=False),
        connect_args={"options": _search_path(pg_db)},
    )
    created = store.create_room(title="Shared", engine=pg_db)
    store.submit(
        room=created.room.code,
        participant=store.new_participant_token(),
        profile=Profile(ml=2, swe=3, comm=4),
        name="Ada",
        engine=other,
    )
    assert store.room_snapshot(room=created.room.code, engine=pg_db).count == 1
    other.dispose()


def _search_path(engine: Engine) -> str:
    with engine.connect() as conn:
        schema = conn.execute(text("SELECT current_schema()")).scalar()
    return f"-c search_path={schema}"


def test_data_survives_a_restart(db: Engine) -> None:
    created = store.create_room(title="Durable", engine=db)
    store.submit(
        room=created.room.code,
        participant=store.new_participant_token(),
        profile=Profile(ml=1, swe=2, comm=3),
        name="Grace",
        engine=db,
    )
    db.dispose()  # a server restart drops every connection
    snap = store.room_snapshot(room=created.room.code, engine=db)
    assert snap.room.title == "Durable"
    assert [(e.name, e.ml, e.swe, e.comm) for e in snap.entries] == [("Grace", 1.0, 2.0, 3.0)]


def test_data_survives_a_new_process_engine(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'restart.sqlite'}"
    before = store.make_engine(url)
    created = store.create_room(title="Restart", engine=before)
    before.dispose()
    after = store.make_engine(url)
    assert store.get_room(room=created.room.code, engine=after).title == "Restart"
    with after.connect() as conn:
        assert conn.execute(select(func.count()).select_from(schema_version)).scalar() == len(
            MIGRATIONS
        )
    after.dispose()


def test_pool_size_per_server_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    url = "postgresql+psycopg://u:p@127.0.0.1:9/x"  # never connected to
    default = store.make_engine(url)
    assert (default.pool.size(), default.pool.overflow()) == (5, -5)  # 5 + 10: 15 at most
    monkeypatch.setenv("SKILLS_MAP_DB_POOL_SIZE", "3")
    monkeypatch.setenv("SKILLS_MAP_DB_MAX_OVERFLOW", "0")
    sized = store.make_engine(url)
    assert (sized.pool.size(), sized.pool.overflow()) == (3, -3)
    assert store.make_engine(url, pool_size=7).pool.size() == 7  # an explicit size wins
    # SQLite is one file on one machine: the pool settings do not apply to it.
    assert store.make_engine("sqlite://").dialect.name == "sqlite"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("SKILLS_MAP_DB_POOL_SIZE", "0"),
        ("SKILLS_MAP_DB_POOL_SIZE", "ten"),
        ("SKILLS_MAP_DB_MAX_OVERFLOW", "-1"),
    ],
)
def test_a_bad_pool_setting_is_named(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError, match=f"{name}='{value}' is not valid: give a whole number"):
        store.make_engine("postgresql+psycopg://u:p@127.0.0.1:9/x")


@pytest.mark.postgres
def test_a_server_holds_at_most_pool_plus_overflow_connections(
    pg_db: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLS_MAP_DB_POOL_SIZE", "2")
    monkeypatch.setenv("SKILLS_MAP_DB_MAX_OVERFLOW", "1")
    engine = store.make_engine(pg_db.url.render_as_string(hide_password=False), pool_timeout=0.5)
    held = [engine.connect() for _ in range(3)]
    try:
        with pytest.raises(SATimeoutError):
            engine.connect()
        # Through the store, a pool that stays busy is advice, not a traceback.
        with pytest.raises(store.StoreUnavailable, match="no free connection in time"):
            store.get_room(room="ABCDEF", engine=engine)
    finally:
        for conn in held:
            conn.close()
        engine.dispose()


def test_an_unreachable_database_server_is_a_named_error() -> None:
    engine = store.make_engine("postgresql+psycopg://u:p@127.0.0.1:9/rooms")  # nothing listens
    with pytest.raises(store.StoreUnavailable, match=r"postgresql at 127\.0\.0\.1:9/rooms") as err:
        store.get_room(room="ABCDEF", engine=engine)
    assert "try again in a moment" in str(err.value).lower()
    assert "p@" not in str(err.value)  # the password never reaches a page
    engine.dispose()


def test_check_store_creates_the_tables_and_names_the_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from cli.main import main as cli

    assert cli(["check-store"]) == 0
    assert f"schema version {len(MIGRATIONS)}" in capsys.readouterr().out
    assert "rooms" in inspect(store.default_engine()).get_table_names()
    monkeypatch.setenv("SKILLS_MAP_DATABASE_URL", "postgresql+psycopg://u:secret@127.0.0.1:9/x")
    assert cli(["check-store"]) == 2
    err = capsys.readouterr().err
    assert "did not answer" in err and "secret" not in err
