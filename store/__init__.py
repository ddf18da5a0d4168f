"""The room store: workshop rooms and participants' answers in SQLite or PostgreSQL.

Every function is keyword-only and takes an optional `engine` (default: `default_engine()`, from
`SKILLS_MAP_DATABASE_URL` or an SQLite file in the data folder). The schema is created or upgraded
on first use. No Streamlit here: the same functions serve the pages, tests and scripts.
"""

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
    RateLimited,
    RoomFull,
    RoomLocked,
    RoomNotFound,
    StoreConfigError,
    StoreDamaged,
    StoreUnavailable,
    TooManyRequests,
    WrongKey,
)
from store.models import CreatedRoom, Entry, RoomInfo, Snapshot
from store.rooms import (
    check_key,
    clear_room,
    create_room,
    delete_room,
    get_room,
    purge_expired,
    remove_entry,
    room_version,
    set_room_state,
)
from store.schema import migrate
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
    "RateLimited",
    "RoomFull",
    "RoomInfo",
    "RoomLocked",
    "RoomNotFound",
    "Snapshot",
    "StoreConfigError",
    "StoreDamaged",
    "StoreUnavailable",
    "TooManyRequests",
    "WrongKey",
    "backup",
    "check_key",
    "checkpoint",
    "clean_name",
    "clear_room",
    "create_room",
    "data_home",
    "database_url",
    "default_engine",
    "delete_room",
    "device_id",
    "device_key",
    "export_csv",
    "get_entry",
    "get_room",
    "get_room_and_entry",
    "is_participant_token",
    "make_engine",
    "migrate",
    "new_participant_token",
    "normalise_code",
    "purge_expired",
    "remove_entry",
    "restore",
    "room_snapshot",
    "room_version",
    "set_room_state",
    "shorten",
    "submit",
    "tidy",
]
