"""`skills-map backup FILE`, `restore FILE` and `check-store`: the room store from the shell;
and what `skills-map team --room CODE` reads from a team room.

A copy of `rooms.sqlite` alone misses answers that are still in `rooms.sqlite-wal`; these
commands go through SQLite's backup API, which copies a consistent snapshot, log included,
while servers keep running. `check-store` opens the configured store and creates or upgrades its
tables: run it once before starting replicas. Errors end as one line on stderr (exit code 2),
like the other commands.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import pandas as pd

from store.errors import RoundEmpty


def _cmd_backup(args: argparse.Namespace) -> int:
    from store import backup, database_url

    rooms = backup(target=Path(args.file))
    print(f"Backed up {database_url()} to {args.file} ({rooms} rooms).")
    return 0


def _cmd_restore(args: argparse.Namespace) -> int:
    from store import database_url, restore

    if not args.yes:
        print(
            f"This replaces every room in {database_url()} with the rooms in {args.file}. "
            "Run again with --yes to do it."
        )
        return 2
    rooms = restore(source=Path(args.file))
    print(f"Restored {rooms} rooms from {args.file} into {database_url()}.")
    return 0


def team_room_members(*, code: str, key: str, round_number: int | None) -> pd.DataFrame:
    """The members' own answers in one round of a team room (the configured store), as a team
    table; a round nobody answered yet is an error, like an empty team file."""
    from store import team_snapshot

    snapshot = team_snapshot(room=code, key=key, round_number=round_number)
    frame = snapshot.frame()
    if frame.empty:
        raise RoundEmpty(snapshot.info.code, snapshot.round_number)
    return frame


def _cmd_check(_args: argparse.Namespace) -> int:
    from sqlalchemy.engine import make_url

    from store import database_url, default_engine, migrate

    version = migrate(default_engine())
    where = make_url(database_url()).render_as_string(hide_password=True)
    print(f"The room store at {where} is ready (schema version {version}).")
    return 0


def register(sub: Any) -> None:
    """Add the `backup` and `restore` subcommands to the CLI's subparsers."""
    b = sub.add_parser("backup", help="copy the room store (SQLite) into a new file, safely")
    b.add_argument("file", help="the new backup file, e.g. rooms-2025-06-01.sqlite")
    b.set_defaults(func=_cmd_backup)
    r = sub.add_parser("restore", help="replace the room store's content with a backup")
    r.add_argument("file", help="a file made by `skills-map backup`")
    r.add_argument("--yes", action="store_true", help="really replace the current rooms")
    r.set_defaults(func=_cmd_restore)
    c = sub.add_parser("check-store", help="open the room store and create or upgrade its tables")
    c.set_defaults(func=_cmd_check)
    from store import progress_cli

    progress_cli.register(sub)
