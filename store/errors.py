"""Named errors of the room store; each message tells a participant or facilitator what to do.

All subclass `SkillsMapError`, so pages show them with `components.errors.render_error` and never
as a traceback.
"""

from __future__ import annotations

from roles.errors import SkillsMapError
from roles.i18n import Msg


class RoomNotFound(SkillsMapError):
    """No open room has this code: mistyped, never created, deleted or past its end date."""

    def __init__(self, code: str, *, impossible: bool = False, reason: str | Msg = "") -> None:
        self.code = code
        self.impossible = impossible
        if impossible:
            message = Msg(
                "{code!r} is not a room code: {reason} Check what the facilitator shows.",
                code=code,
                reason=reason,
            )
        else:
            message = Msg(
                "There is no open room with code {code}. Check the code with the facilitator; "
                "rooms are deleted after their end date.",
                code=code,
            )
        super().__init__(message)


class RoomLocked(SkillsMapError):
    """The facilitator has locked the room: no new answers or changes for now."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(
            Msg(
                "Room {code} is locked: the facilitator is not taking answers right now. "
                "Your last submitted answer (if any) is kept.",
                code=code,
            )
        )


class RoomFull(SkillsMapError):
    """The room has as many participants as its capacity allows."""

    def __init__(self, code: str, capacity: int) -> None:
        self.code = code
        self.capacity = capacity
        super().__init__(
            Msg(
                "Room {code} is full ({capacity} participants). Ask the facilitator to open "
                "another room.",
                code=code,
                capacity=capacity,
            )
        )


class RateLimited(SkillsMapError):
    """One participant sent too many submissions in a short time."""

    def __init__(self, retry_after: float) -> None:
        self.retry_after = retry_after
        wait = max(1, round(retry_after))
        super().__init__(
            Msg(
                "Too many submissions from this device in a short time. Wait {wait} seconds, "
                "then submit again; your last answer is kept.",
                wait=wait,
            )
        )


class TooManyRequests(SkillsMapError):
    """A client address went over one of the abuse limits; it may try again after a wait."""

    def __init__(self, what: str | Msg, retry_after: float) -> None:
        self.what = what
        self.retry_after = retry_after
        wait = max(1, round(retry_after))
        when = Msg("{n} seconds", n=wait) if wait < 120 else Msg("{n} minutes", n=round(wait / 60))
        super().__init__(
            Msg(
                "Too many {what} from your network in a short time. Wait {when}, then try again.",
                what=what,
                when=when,
            )
        )


class StoreDamaged(SkillsMapError):
    """The SQLite file cannot be read: usually its -wal file was deleted or copied apart."""

    def __init__(self, path: str, detail: str) -> None:
        self.path = path
        super().__init__(
            Msg(
                "The room store {path} cannot be read ({detail}); workshop rooms are unavailable "
                "until whoever runs this server fixes it. Fix: stop every server that uses the "
                "file, move {path}-shm aside (never delete {path}-wal, which holds recent "
                "answers), and start again. If it still fails, restore the latest backup with "
                "`skills-map restore BACKUP_FILE` (see the README, section Backups).",
                path=path,
                detail=detail,
            )
        )


class WrongKey(SkillsMapError):
    """A facilitator action with a missing or wrong key; nothing was changed."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(
            Msg(
                "That facilitator key does not open room {code}, so nothing was changed. "
                "Use the key shown when the room was created.",
                code=code,
            )
        )


class InvalidSubmission(SkillsMapError):
    """A submission the store refuses: a bad name, scores or participant token."""


class InvalidRoomSettings(SkillsMapError):
    """A room title, lifetime or capacity out of range (from a caller or the environment)."""


class StoreConfigError(SkillsMapError):
    """The database URL names a database the store does not support."""
