"""The room store's tables (SQLAlchemy Core). How a database reaches them, one version at a
time, is `store.migrations`: a new column or table here needs a migration step there.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC in Python on every backend (SQLite stores naive UTC text)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("applied_at", UTCDateTime, nullable=False),
)

rooms = Table(
    "rooms",
    metadata,
    Column("code", String(6), primary_key=True),
    Column("title", String(80), nullable=False),
    Column("key_hash", String(64), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("locked", Boolean, nullable=False, default=False),
    Column("hidden", Boolean, nullable=False, default=False),
    Column("show_names", Boolean, nullable=False, default=False),
    Column("capacity", Integer, nullable=False),
    # Added in v2. Every change to the room or its entries bumps `version`, so a projector
    # can tell "nothing changed" from one small read; `screen` is what the projector shows;
    # `kind` leaves room for other kinds of rooms (e.g. private team rooms).
    Column("version", Integer, nullable=False, server_default="0"),
    Column("screen", String(8), nullable=False, server_default="join"),
    Column("kind", String(16), nullable=False, server_default="workshop"),
    # Added in v3: days a room is kept after its last use (team rooms); NULL: a fixed end date.
    Column("keep_days", Float, nullable=True),
    # Added in v4: the language the projector shows (each participant reads their own).
    Column("lang", String(8), nullable=False, server_default="en"),
    CheckConstraint("capacity >= 1", name="ck_rooms_capacity"),
)
Index("ix_rooms_expires_at", rooms.c.expires_at)

entries = Table(
    "entries",
    metadata,
    Column("entry_id", Integer, primary_key=True),
    Column(
        "room_code",
        String(6),
        ForeignKey("rooms.code", ondelete="CASCADE"),
        nullable=False,
    ),
    # sha256 of the participant token: a leaked database does not let anyone edit an entry.
    Column("participant_hash", String(64), nullable=False),
    Column("name", String(40), nullable=True),
    Column("ml", Float, nullable=False),
    Column("swe", Float, nullable=False),
    Column("comm", Float, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    # Rate limit kept in the row so it holds across servers: start and size of the current window.
    Column("window_start", UTCDateTime, nullable=False),
    Column("window_count", Integer, nullable=False),
    UniqueConstraint("room_code", "participant_hash", name="uq_entries_room_participant"),
    CheckConstraint("ml >= 0 AND ml <= 10", name="ck_entries_ml"),
    CheckConstraint("swe >= 0 AND swe <= 10", name="ck_entries_swe"),
    CheckConstraint("comm >= 0 AND comm <= 10", name="ck_entries_comm"),
    # SQLite would otherwise reuse the id of a deleted last row; a stale "remove" must miss.
    sqlite_autoincrement=True,
)


# Abuse limits, counted in the database so they hold across servers. `subject` is a hash of what
# is limited (a client address, a room), never the address itself.
hits = Table(
    "limit_hits",
    metadata,
    Column("kind", String(16), primary_key=True),
    Column("subject", String(64), primary_key=True),
    Column("window_start", Integer, primary_key=True, autoincrement=False),
    Column("count", Integer, nullable=False),
)
Index("ix_limit_hits_window_start", hits.c.window_start)

misses = Table(
    "limit_misses",
    metadata,
    Column("kind", String(16), primary_key=True),
    Column("subject", String(64), primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("last_failure", UTCDateTime, nullable=False),
    Column("blocked_until", UTCDateTime, nullable=False),
)

# Team rooms (v3). A member is one device in one team room, across rounds; their answers are
# kept per round, and so are the manager's own ratings of them. Deleting the room deletes all.
team_members = Table(
    "team_members",
    metadata,
    Column("member_id", Integer, primary_key=True),
    Column("room_code", String(6), ForeignKey("rooms.code", ondelete="CASCADE"), nullable=False),
    Column("participant_hash", String(64), nullable=False),
    Column("name", String(40), nullable=False),
    # The name folded for comparison: "Ana" and "ANA" are one name in a team.
    Column("name_key", String(160), nullable=False),
    Column("joined_at", UTCDateTime, nullable=False),
    # This device's submissions in the current rate window (as in `entries`).
    Column("window_start", UTCDateTime, nullable=False),
    Column("window_count", Integer, nullable=False),
    UniqueConstraint("room_code", "participant_hash", name="uq_team_members_device"),
    UniqueConstraint("room_code", "name_key", name="uq_team_members_name"),
    sqlite_autoincrement=True,
)

team_rounds = Table(
    "team_rounds",
    metadata,
    Column(
        "room_code",
        String(6),
        ForeignKey("rooms.code", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("number", Integer, primary_key=True, autoincrement=False),
    Column("opened_at", UTCDateTime, nullable=False),
    Column("closed_at", UTCDateTime, nullable=True),
    CheckConstraint("number >= 1", name="ck_team_rounds_number"),
)


def _round_scores(name: str, *extra: Column[Any], nullable: bool) -> Table:
    """A member's three scores in one round, with the room for look-ups and deletion."""
    table = Table(
        name,
        metadata,
        Column(
            "member_id",
            Integer,
            ForeignKey("team_members.member_id", ondelete="CASCADE"),
            primary_key=True,
        ),
        Column("round_number", Integer, primary_key=True, autoincrement=False),
        Column(
            "room_code", String(6), ForeignKey("rooms.code", ondelete="CASCADE"), nullable=False
        ),
        *(Column(axis, Float, nullable=nullable) for axis in ("ml", "swe", "comm")),
        *extra,
        Column("updated_at", UTCDateTime, nullable=False),
        *(
            CheckConstraint(f"{axis} >= 0 AND {axis} <= 10", name=f"ck_{name}_{axis}")
            for axis in ("ml", "swe", "comm")
        ),
    )
    Index(f"ix_{name}_room_round", table.c.room_code, table.c.round_number)
    return table


# A member's own answer in a round: how they answered ("questionnaire" or "sliders") and, for
# the questionnaire, the answers themselves as JSON, so the form opens filled in next time.
team_answers = _round_scores(
    "team_answers",
    Column("method", String(16), nullable=False),
    Column("answers", Text, nullable=True),
    nullable=False,
)
# The manager's own rating of a member in a round; a measure left unrated is NULL.
team_ratings = _round_scores("team_ratings", nullable=True)

# Private progress records (v6): a room of kind "progress" holds one person's saved results,
# each a point (roles.progress.ProgressPoint) as JSON; no name, no e-mail, no device.
progress_points = Table(
    "progress_points",
    metadata,
    Column("point_id", Integer, primary_key=True),
    Column("room_code", String(6), ForeignKey("rooms.code", ondelete="CASCADE"), nullable=False),
    Column("saved_at", UTCDateTime, nullable=False),
    Column("point", Text, nullable=False),
    sqlite_autoincrement=True,
)
Index("ix_progress_points_room", progress_points.c.room_code, progress_points.c.saved_at)

# Everything that belongs to a room, children first: deleting a room deletes these rows too
# (explicitly, so it never depends on the database enforcing ON DELETE CASCADE).
ROOM_CHILDREN = (team_ratings, team_answers, team_rounds, team_members, progress_points)

# Server-wide values that every replica must share: the key of device and address hashes
# (`HASH_KEY`, made by a migration) when no SKILLS_MAP_SECRET is set.
HASH_KEY = "device_key"
settings = Table(
    "settings",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("value", String(128), nullable=False),
)
