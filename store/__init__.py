"""The room store: workshop and team rooms and their answers in SQLite or PostgreSQL.

Every function is keyword-only and takes an optional `engine` (default: `default_engine()`, from
`SKILLS_MAP_DATABASE_URL` or an SQLite file in the data folder). The schema is created or upgraded
on first use. No Streamlit here: the same functions serve the pages, tests and scripts.
"""

from store.access import check_key, get_room, open_room
from store.backup import backup, device_key, restore
from store.codes import (
    CODE_ALPHABET,
    CODE_LENGTH,
    CODE_RULE,
    device_id,
    is_participant_token,
    new_participant_token,
    normalise_code,
)
from store.engine import checkpoint, data_home, database_url, default_engine, make_engine
from store.entries import export_csv, get_entry, get_room_and_entry, room_snapshot, submit
from store.errors import (
    InvalidRoomSettings,
    InvalidSubmission,
    NameTaken,
    RateLimited,
    RoomFull,
    RoomLocked,
    RoomNotFound,
    RoundClosed,
    RoundNotFound,
    StoreConfigError,
    StoreDamaged,
    StoreUnavailable,
    TooManyRequests,
    WrongCodeOrKey,
    WrongKey,
    WrongRoomKind,
)
from store.migrations import migrate
from store.models import CreatedRoom, Entry, RoomInfo, Snapshot
from store.rooms import (
    clear_room,
    create_room,
    delete_room,
    purge_expired,
    remove_entries_since,
    remove_entry,
    room_version,
    set_room_state,
)
from store.team_admin import (
    close_round,
    open_next_round,
    rate_member,
    remove_member,
    reopen_round,
)
from store.team_answers import member_view, submit_team_answer
from store.team_models import (
    ManagerRating,
    MemberHistory,
    TeamAnswer,
    TeamMember,
    TeamRoomInfo,
    TeamRound,
    TeamSnapshot,
)
from store.teams import (
    create_team_room,
    default_keep_days,
    get_team_room,
    open_team_room,
    team_snapshot,
)
from store.text import MAX_NAME, MAX_TITLE, clean_name, shorten, tidy

__all__ = [
    "CODE_ALPHABET",
    "CODE_LENGTH",
    "CODE_RULE",
    "MAX_NAME",
    "MAX_TITLE",
    "CreatedRoom",
    "Entry",
    "InvalidRoomSettings",
    "InvalidSubmission",
    "ManagerRating",
    "MemberHistory",
    "NameTaken",
    "RateLimited",
    "RoomFull",
    "RoomInfo",
    "RoomLocked",
    "RoomNotFound",
    "RoundClosed",
    "RoundNotFound",
    "Snapshot",
    "StoreConfigError",
    "StoreDamaged",
    "StoreUnavailable",
    "TeamAnswer",
    "TeamMember",
    "TeamRoomInfo",
    "TeamRound",
    "TeamSnapshot",
    "TooManyRequests",
    "WrongCodeOrKey",
    "WrongKey",
    "WrongRoomKind",
    "backup",
    "check_key",
    "checkpoint",
    "clean_name",
    "clear_room",
    "close_round",
    "create_room",
    "create_team_room",
    "data_home",
    "database_url",
    "default_engine",
    "default_keep_days",
    "delete_room",
    "device_id",
    "device_key",
    "export_csv",
    "get_entry",
    "get_room",
    "get_room_and_entry",
    "get_team_room",
    "is_participant_token",
    "make_engine",
    "member_view",
    "migrate",
    "new_participant_token",
    "normalise_code",
    "open_next_round",
    "open_room",
    "open_team_room",
    "purge_expired",
    "rate_member",
    "remove_entries_since",
    "remove_entry",
    "remove_member",
    "reopen_round",
    "restore",
    "room_snapshot",
    "room_version",
    "set_room_state",
    "shorten",
    "submit",
    "submit_team_answer",
    "team_snapshot",
    "tidy",
]
