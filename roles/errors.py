"""Named errors of the domain; every one carries a message a person can act on.

The UI turns these into a friendly message (``components.errors``) and the CLI into one line on
stderr with exit code 2, so none of them should ever surface as a traceback. Messages are `Msg`s:
`str(exc)` is English, `exc.text(lang)` the reader's language.
"""

from __future__ import annotations

from collections.abc import Sequence

from roles.i18n import DEFAULT_LANG, N_, Joined, Lang, Msg, say


class SkillsMapError(Exception):
    """Base class: anything the user can fix by changing their input."""

    def __init__(self, message: str | Msg = "") -> None:
        self.message = message
        super().__init__(str(message))

    def text(self, lang: Lang = DEFAULT_LANG) -> str:
        """The message in `lang`."""
        return say(self.message, lang)


class CatalogError(SkillsMapError):
    """A catalog file (roles, levels, questionnaire, archetypes) is missing or invalid.

    The message names the file, the field and what is expected there.
    """

    def __init__(self, path: str, problems: Sequence[str | Msg]) -> None:
        self.path = path
        self.problems = list(problems)
        super().__init__(f"{path}: " + "; ".join(str(p) for p in problems))

    def problem_texts(self, lang: Lang = DEFAULT_LANG) -> list[str]:
        """Each problem in `lang`."""
        return [say(p, lang) for p in self.problems]

    def text(self, lang: Lang = DEFAULT_LANG) -> str:
        return f"{self.path}: " + "; ".join(self.problem_texts(lang))


class UnknownIdError(SkillsMapError):
    """An id that the catalog does not define; the message lists the valid ones."""

    kind = N_("id")

    def __init__(self, unknown: str, known: list[str]) -> None:
        self.unknown = unknown
        self.known = known
        super().__init__(
            Msg(
                "unknown {kind} {unknown!r}; expected one of: {known}",
                kind=Msg(self.kind),
                unknown=unknown,
                known=", ".join(known),
            )
        )


class UnknownRoleError(UnknownIdError):
    """A role id that the role catalog does not define."""

    kind = N_("role")


class UnknownArchetypeError(UnknownIdError):
    """An archetype id that data/archetypes.yaml does not define."""

    kind = N_("archetype")


class ProfileError(SkillsMapError):
    """Scores or answers that are not valid (numbers in [0, 10], known answers)."""


class TeamFileError(SkillsMapError):
    """A team file that cannot be read at all (empty, too large, not CSV/Excel)."""


class SettingsError(SkillsMapError):
    """One or more `SKILLS_MAP_*` environment variables have values that are not valid.

    Each problem names the variable, what a valid value is and the default; the server and the
    CLI refuse to start with it, so a typo never silently turns a limit off.
    """

    def __init__(self, problems: Sequence[str | Msg]) -> None:
        self.problems = list(problems)
        super().__init__(Joined(self.problems, how="sentences"))
