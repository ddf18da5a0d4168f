"""Named errors of the room store; each message tells a participant or facilitator what to do.

All subclass `SkillsMapError`, so pages show them with `components.errors.render_error` and never
as a traceback.
"""

from __future__ import annotations

from roles.errors import SkillsMapError


class RoomNotFound(SkillsMapError):
    """No open room has this code: mistyped, never created, deleted or past its end date."""

    def __init__(self, code: str, *, impossible: bool = False, reason: str = "") -> None:
        self.code = code
        self.impossible = impossible
        if impossible:
            message = f"{code!r} is not a room code: {reason} Check what the facilitator shows."
        else:
            message = (
                f"There is no open room with code {code}. Check the code with the facilitator; "
                "rooms are deleted after their end date."
            )
        super().__init__(message)


class RoomLocked(SkillsMapError):
    """The facilitator has locked the room: no new answers or changes for now."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(
            f"Room {code} is locked: the facilitator is not taking answers right now. "
            "Your last submitted answer (if any) is kept."
        )


class RoomFull(SkillsMapError):
    """The room has as many participants as its capacity allows."""

    def __init__(self, code: str, capacity: int) -> None:
        self.code = code
        self.capacity = capacity
        super().__init__(
            f"Room {code} is full ({capacity} participants). Ask the facilitator to open "
            "another room."
        )


class RateLimited(SkillsMapError):
    """One participant sent too many submissions in a short time."""

    def __init__(self, retry_after: float) -> None:
        self.retry_after = retry_after
        wait = max(1, round(retry_after))
        super().__init__(
            f"Too many submissions from this device in a short time. Wait {wait} seconds, "
            "then submit again; your last answer is kept."
        )


class TooManyRequests(SkillsMapError):
    """A client address went over one of the abuse limits; it may try again after a wait."""

    def __init__(self, what: str, retry_after: float) -> None:
        self.what = what
        self.retry_after = retry_after
        wait = max(1, round(retry_after))
        when = f"{wait} seconds" if wait < 120 else f"{round(wait / 60)} minutes"
        super().__init__(
            f"Too many {what} from your network in a short time. Wait {when}, then try again."
        )


class StoreDamaged(SkillsMapError):
    """The SQLite file cannot be read: usually its -wal file was deleted or copied apart."""

    def __init__(self, path: str, detail: str) -> None:
        self.path = path
        super().__init__(
            f"The room store {path} cannot be read ({detail}); workshop rooms are unavailable "
            "until whoever runs this server fixes it. Fix: stop every server that uses the "
            f"file, move {path}-shm aside (never delete {path}-wal, which holds recent "
            "answers), and start again. If it still fails, restore the latest backup with "
            "`skills-map restore BACKUP_FILE` (see the README, section Backups)."
        )


class StoreUnavailable(SkillsMapError):
    """The database server did not answer (down, restarting, unreachable or overloaded)."""

    def __init__(self, where: str, detail: str) -> None:
        self.where = where
        self.detail = detail
        super().__init__(
            f"The room database ({where}) did not answer ({detail}), so nothing was saved or "
            "read just now. Try again in a moment. If it lasts, whoever runs this server should "
            "check that the database server is running and that SKILLS_MAP_DATABASE_URL points "
            "to it."
        )


class WrongKey(SkillsMapError):
    """A facilitator action with a missing or wrong key; nothing was changed."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(
            f"That facilitator key does not open room {code}, so nothing was changed. "
            "Use the key shown when the room was created."
        )


class InvalidSubmission(SkillsMapError):
    """A submission the store refuses: a bad name, scores or participant token."""


class InvalidRoomSettings(SkillsMapError):
    """A room title, lifetime or capacity out of range (from a caller or the environment)."""


class StoreConfigError(SkillsMapError):
    """The database URL names a database the store does not support."""
