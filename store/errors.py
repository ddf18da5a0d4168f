"""Named errors of the room store; each message tells a participant or facilitator what to do.

All subclass `SkillsMapError`, so pages show them with `components.errors.render_error` and never
as a traceback.
"""

from __future__ import annotations

from roles.errors import SkillsMapError
from roles.i18n import DEFAULT_LANG, Joined, Lang, Msg


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
                "There is no open room with code {code}. Check the code with the facilitator "
                "(or, for a team room, your manager); rooms are deleted after their end date.",
                code=code,
            )
        super().__init__(message)


# What a person calls each kind of room, and where they should go with its code instead.
_KIND_ADVICE = {
    "team": (
        Msg("a team room"),
        Msg(
            "Team members answer on the page Answer for my team; the manager opens it on Team "
            "map with the manager key. Team rooms are private and have no projector view."
        ),
    ),
    "progress": (
        Msg("a private progress record"),
        Msg("A progress record opens on the Me page with its code and progress key."),
    ),
    "workshop": (
        Msg("a workshop room"),
        Msg(
            "Participants join it on the page Join a room; the facilitator runs it on Host a room."
        ),
    ),
}


class WrongRoomKind(RoomNotFound):
    """The code belongs to another kind of room (a team code on a workshop page, or the reverse).

    A subclass of RoomNotFound: to the page that asked, there is no such room of its kind, and
    the look-up counts as a miss toward the back-off like any unknown code.
    """

    def __init__(self, code: str, *, found: str, wanted: str) -> None:
        self.found = found
        self.wanted = wanted
        what, advice = _KIND_ADVICE.get(found, (Msg("a {kind} room", kind=found), ""))
        wanted_what = _KIND_ADVICE.get(wanted, (Msg("a {kind} room", kind=wanted), ""))[0]
        message = Msg("{code} is {what}, not {wanted}.", code=code, what=what, wanted=wanted_what)
        SkillsMapError.__init__(self, Joined([message, advice], how="sentences"))
        self.code = code
        self.impossible = False


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
    """A device or a client address went over one of the abuse limits; it may try again after
    a wait. `per` says which was counted: "device" or "network"."""

    def __init__(self, what: str | Msg, retry_after: float, *, per: str = "network") -> None:
        self.what = what
        self.retry_after = retry_after
        self.per = per
        wait = max(1, round(retry_after))
        when = Msg("{n} seconds", n=wait) if wait < 120 else Msg("{n} minutes", n=round(wait / 60))
        if per == "device":
            message = Msg(
                "Too many {what} from this device in a short time. Wait {when}, then try again.",
                what=what,
                when=when,
            )
        else:
            message = Msg(
                "Too many {what} from your network in a short time. Wait {when}, then try again.",
                what=what,
                when=when,
            )
        super().__init__(message)


class StoreFault(SkillsMapError):
    """The database failed, not the person's input: nothing was saved or read just now.

    `message` (what `str()` and `text()` say) is for whoever runs the server: the CLI, the log
    and the facilitator's or manager's page, and it may name the database file or server.
    `public` says the same to a participant without naming them.
    """

    public: Msg

    def public_text(self, lang: Lang = DEFAULT_LANG) -> str:
        """The message for participants, in `lang`: no file path, no database host."""
        return self.public.text(lang)


class StoreDamaged(StoreFault):
    """The SQLite file cannot be read: usually its -wal file was deleted or copied apart."""

    def __init__(self, path: str, detail: str) -> None:
        self.path = path
        self.public = Msg(
            "The room store cannot be read right now, so nothing was saved or read. Tell whoever "
            "runs this server: the server's log says how to fix it."
        )
        super().__init__(
            Msg(
                "The room store {path} cannot be read ({detail}); workshop rooms are unavailable "
                "until whoever runs this server fixes it. Fix: stop every server that uses the "
                "file, move {path}-shm aside (never delete {path}-wal, which holds recent "
                "answers), and start again. If it still fails, restore the latest backup with "
                "`skills-map restore BACKUP_FILE` (see docs/backups.md).",
                path=path,
                detail=detail,
            )
        )


class StoreUnavailable(StoreFault):
    """The database server did not answer (down, restarting, unreachable or overloaded)."""

    def __init__(self, where: str, detail: str | Msg) -> None:
        self.where = where
        self.detail = detail
        self.public = Msg(
            "The room database did not answer, so nothing was saved or read just now. Try again "
            "in a moment."
        )
        super().__init__(
            Msg(
                "The room database ({where}) did not answer ({detail}), so nothing was saved or "
                "read just now. Try again in a moment. If it lasts, whoever runs this server "
                "should check that the database server is running and that "
                "SKILLS_MAP_DATABASE_URL points to it.",
                where=where,
                detail=detail,
            )
        )


class StoreFull(StoreFault):
    """The disk under the database is full (or an SQLite file reached its page limit)."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.public = Msg(
            "The room database is full, so nothing was saved just now. What you entered is "
            "still on this page; tell whoever runs this server, then try again."
        )
        super().__init__(
            Msg(
                "The room database ({where}) is full: the disk it is on has no space left, so "
                "nothing was saved just now. Answers saved before are kept. Free space on that "
                "disk (old backups, logs), then try again.",
                where=where,
            )
        )


class StoreBusy(StoreFault):
    """Another program held the SQLite file's write lock for longer than the busy timeout."""

    def __init__(self, where: str, seconds: float) -> None:
        self.where = where
        self.seconds = seconds
        self.public = Msg(
            "The room database was busy for more than {seconds:g} seconds, so nothing was saved "
            "just now. What you entered is still on this page; try again in a moment.",
            seconds=seconds,
        )
        super().__init__(
            Msg(
                "The room database ({where}) stayed locked for more than {seconds:g} seconds, so "
                "nothing was saved just now. Try again in a moment. If it lasts, look for another "
                "program holding the file open for writing (a copy, a backup tool, an sqlite3 "
                "shell).",
                where=where,
                seconds=seconds,
            )
        )


class WrongKey(SkillsMapError):
    """A facilitator action with a missing or wrong key; nothing was changed."""

    def __init__(self, code: str, *, kind: str = "workshop") -> None:
        self.code = code
        if kind == "progress":
            message = Msg(
                "That key does not open progress record {code}, so nothing was shown or "
                "changed. Use the key shown when you kept your progress.",
                code=code,
            )
        elif kind == "team":
            message = Msg(
                "That manager key does not open team room {code}, so nothing was shown or "
                "changed. Use the key shown when the team room was created.",
                code=code,
            )
        else:
            message = Msg(
                "That facilitator key does not open room {code}, so nothing was changed. "
                "Use the key shown when the room was created.",
                code=code,
            )
        super().__init__(message)


class WrongCodeOrKey(WrongKey):
    """A room code and key typed to take a room (Host) or load a team's answers (Team) that do
    not open one. Whether the code exists, is of the other kind, or the key is wrong, the
    message is the same: a guesser learns nothing about which codes exist."""

    def __init__(self, code: str, *, kind: str = "workshop") -> None:
        if kind == "progress":
            message = Msg(
                "Progress code {code} and that key do not open a progress record, so nothing was "
                "shown or changed. Check both: the key was shown once when you kept your "
                "progress; a record is deleted after a year without use.",
                code=code,
            )
        elif kind == "team":
            message = Msg(
                "Team code {code} and that manager key do not open a team room, so nothing was "
                "shown or changed. Check both: the key was shown when the team was invited; "
                "team rooms are deleted after a time without use.",
                code=code,
            )
        else:
            message = Msg(
                "Room code {code} and that facilitator key do not open a room, so nothing was "
                "changed. Check both: the key was shown when the room was created; rooms are "
                "deleted after their end date.",
                code=code,
            )
        SkillsMapError.__init__(self, message)
        self.code = code


class RoundClosed(SkillsMapError):
    """The team room's current round is closed: answers are kept but cannot change."""

    def __init__(self, code: str, number: int) -> None:
        self.code = code
        self.number = number
        super().__init__(
            Msg(
                "Round {number} of this team room is closed, so answers cannot change now. "
                "Your last saved answers are kept; your manager opens the next round.",
                number=number,
            )
        )


class RoundNotFound(SkillsMapError):
    """A team room has no round with this number."""

    def __init__(self, code: str, number: object, rounds: int) -> None:
        self.code = code
        self.number = number
        known = Msg("round 1") if rounds == 1 else Msg("rounds 1 to {n}", n=rounds)
        super().__init__(
            Msg(
                "Team room {code} has no round {number}; it has {known}.",
                code=code,
                number=number,
                known=known,
            )
        )


class RoundEmpty(SkillsMapError):
    """A round of a team room that nobody has answered yet: there is no team to map."""

    def __init__(self, code: str, number: int) -> None:
        self.code = code
        self.number = number
        super().__init__(
            Msg(
                "Round {number} of team room {code} has no answers yet, so there is no team "
                "to map.",
                number=number,
                code=code,
            )
        )


class NameTaken(SkillsMapError):
    """Another member of the team room already uses this name."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(
            Msg(
                "Someone in this team already answers as {name!r}. Add an initial or your "
                "surname, so your manager can tell you apart.",
                name=name,
            )
        )


class InvalidSubmission(SkillsMapError):
    """A submission the store refuses: a bad name, scores or participant token."""


class InvalidRoomSettings(SkillsMapError):
    """A room title, lifetime or capacity out of range (from a caller or the environment)."""


class StoreConfigError(SkillsMapError):
    """The database URL names a database the store does not support."""
