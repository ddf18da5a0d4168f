"""Private progress records: create, add, read, delete, expiry, wrong keys, two servers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, text, update

import store
from roles.errors import SettingsError
from roles.models import Profile
from roles.progress import MAX_POINTS, ProgressPoint
from store.progress import count_points
from store.schema import rooms
from tests.progress_points import progress_point

ADDRESS = "203.0.113.7"


def _point(ml: float, swe: float, *, days_ago: float = 0) -> ProgressPoint:
    return progress_point(
        Profile(ml=ml, swe=swe, comm=5), datetime.now(UTC) - timedelta(days=days_ago)
    )


@pytest.fixture
def record(db: Engine) -> store.CreatedRoom:
    return store.keep_progress(points=[_point(3, 3, days_ago=90)], engine=db)


def test_a_record_is_kept_a_year_with_its_first_point_and_no_name(
    db: Engine, record: store.CreatedRoom
) -> None:
    got = store.read_progress(code=record.room.code, key=record.key, engine=db)
    assert [(p.ml, p.swe) for p in got.points] == [(3.0, 3.0)]
    assert got.keep_days == 365
    assert timedelta(days=364) < got.expires_at - datetime.now(UTC) <= timedelta(days=365)
    assert record.room.kind == "progress" and record.room.title == store.progress.TITLE
    with db.connect() as conn:  # the key is stored as its hash, never as typed
        stored = conn.execute(text("SELECT key_hash FROM rooms")).scalar_one()
    assert record.key not in stored and len(stored) == 64


def test_points_are_added_dated_and_read_back_oldest_first(
    db: Engine, record: store.CreatedRoom
) -> None:
    later = _point(6, 7)
    store.add_progress_point(code=record.room.code, key=record.key, point=later, engine=db)
    got = store.read_progress(code=record.room.code.lower(), key=record.key, engine=db)
    assert [(p.ml, p.swe) for p in got.points] == [(3.0, 3.0), (6.0, 7.0)]
    assert got.points[-1] == later  # every field survives the store, the date included
    assert got.points[0].saved_at < got.points[1].saved_at


def test_every_use_keeps_the_record_another_year(db: Engine, record: store.CreatedRoom) -> None:
    code = record.room.code
    with db.begin() as conn:
        soon = datetime.now(UTC) + timedelta(days=2)
        conn.execute(update(rooms).where(rooms.c.code == code).values(expires_at=soon))
    got = store.read_progress(code=code, key=record.key, engine=db)
    assert got.expires_at - datetime.now(UTC) > timedelta(days=364)


def test_an_unused_record_is_purged_with_every_point(db: Engine, record: store.CreatedRoom) -> None:
    code = record.room.code
    store.add_progress_point(code=code, key=record.key, point=_point(5, 5), engine=db)
    assert store.purge_expired(now=datetime.now(UTC) + timedelta(days=300), engine=db) == 0
    assert store.purge_expired(now=datetime.now(UTC) + timedelta(days=366), engine=db) == 1
    assert count_points(code=code, engine=db) == 0
    with pytest.raises(store.WrongKey):
        store.read_progress(code=code, key=record.key, address=ADDRESS, engine=db)


def test_the_lifetime_is_a_setting(db: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SKILLS_MAP_PROGRESS_TTL_DAYS", "30")
    created = store.keep_progress(points=[_point(1, 1)], engine=db)
    assert created.room.keep_days == 30
    monkeypatch.setenv("SKILLS_MAP_PROGRESS_TTL_DAYS", "forever")
    with pytest.raises(SettingsError, match="SKILLS_MAP_PROGRESS_TTL_DAYS='forever' is not valid"):
        store.keep_progress(points=[_point(1, 1)], engine=db)


def test_delete_removes_every_point_and_the_key_then_opens_nothing(
    db: Engine, record: store.CreatedRoom
) -> None:
    code = record.room.code
    other = store.keep_progress(points=[_point(8, 8)], engine=db)
    store.add_progress_point(code=code, key=record.key, point=_point(4, 4), engine=db)
    with pytest.raises(store.WrongKey):  # another record's key deletes nothing here
        store.delete_progress(code=code, key=other.key, engine=db)
    assert count_points(code=code, engine=db) == 2
    assert store.delete_progress(code=code, key=record.key, engine=db) == 2
    assert count_points(code=code, engine=db) == 0
    with pytest.raises(store.RoomNotFound):
        store.read_progress(code=code, key=record.key, engine=db)
    # The other record is untouched.
    assert len(store.read_progress(code=other.room.code, key=other.key, engine=db).points) == 1


def test_a_key_unlocks_only_its_own_record(db: Engine, record: store.CreatedRoom) -> None:
    other = store.keep_progress(points=[_point(8, 8)], engine=db)
    for call in (
        lambda: store.read_progress(code=record.room.code, key=other.key, engine=db),
        lambda: store.add_progress_point(
            code=record.room.code, key=other.key, point=_point(9, 9), engine=db
        ),
    ):
        with pytest.raises(store.WrongKey, match="does not open progress record"):
            call()
    assert count_points(code=record.room.code, engine=db) == 1


def test_wrong_keys_back_off_like_a_managers(
    db: Engine, record: store.CreatedRoom, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLS_MAP_FREE_KEY_MISSES", "2")
    code, device = record.room.code, "device-1"
    for _ in range(3):
        with pytest.raises(store.WrongCodeOrKey, match="do not open a progress record"):
            store.read_progress(code=code, key="guess", device=device, address=ADDRESS, engine=db)
    with pytest.raises(store.TooManyRequests):  # now even the right key waits on this device
        store.read_progress(code=code, key=record.key, device=device, address=ADDRESS, engine=db)
    with pytest.raises(store.TooManyRequests):
        store.delete_progress(code=code, key=record.key, device=device, address=ADDRESS, engine=db)
    assert store.read_progress(
        code=code, key=record.key, device="device-2", address=ADDRESS, engine=db
    )


def test_progress_workshop_and_team_codes_never_cross(
    db: Engine, record: store.CreatedRoom
) -> None:
    code = record.room.code
    for call in (
        lambda: store.get_room(room=code, engine=db),
        lambda: store.get_team_room(room=code, engine=db),
        lambda: store.room_snapshot(room=code, engine=db),
    ):
        with pytest.raises(store.WrongRoomKind, match="is a private progress record"):
            call()
    team = store.create_team_room(title="Team", engine=db)
    with pytest.raises(store.WrongCodeOrKey):
        store.read_progress(code=team.room.code, key=team.key, address=ADDRESS, engine=db)


def test_a_record_holds_at_most_max_points(db: Engine, record: store.CreatedRoom) -> None:
    code = record.room.code
    for _ in range(MAX_POINTS - 1):
        store.add_progress_point(code=code, key=record.key, point=_point(5, 5), engine=db)
    with pytest.raises(store.InvalidSubmission, match="200 results, the most it keeps"):
        store.add_progress_point(code=code, key=record.key, point=_point(5, 5), engine=db)
    assert count_points(code=code, engine=db) == MAX_POINTS


def _two_engines(db: Engine) -> Engine:
    url = db.url.render_as_string(hide_password=False)
    if db.dialect.name == "sqlite":
        return store.make_engine(url)
    with db.connect() as conn:
        schema = conn.execute(text("SELECT current_schema()")).scalar()
    return store.make_engine(url, connect_args={"options": f"-c search_path={schema}"})


def test_two_servers_share_one_record(db: Engine, record: store.CreatedRoom) -> None:
    other = _two_engines(db)
    try:
        code = record.room.code
        store.add_progress_point(code=code, key=record.key, point=_point(6, 6), engine=other)
        assert len(store.read_progress(code=code, key=record.key, engine=db).points) == 2
        store.delete_progress(code=code, key=record.key, engine=db)
        with pytest.raises(store.RoomNotFound):
            store.read_progress(code=code, key=record.key, engine=other)
    finally:
        other.dispose()


def test_a_backup_carries_progress_records(tmp_path: Path, fresh_db: Engine) -> None:
    created = store.keep_progress(points=[_point(2, 2)], engine=fresh_db)
    store.backup(target=tmp_path / "copy.sqlite", engine=fresh_db)
    copy = store.make_engine(f"sqlite:///{tmp_path / 'copy.sqlite'}")
    got = store.read_progress(code=created.room.code, key=created.key, engine=copy)
    assert [(p.ml, p.swe) for p in got.points] == [(2.0, 2.0)]
    copy.dispose()
