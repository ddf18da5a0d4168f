"""Named errors of the domain; every one carries a message a person can act on.

The UI turns these into a friendly message (``components.errors``) and the CLI into one line on
stderr with exit code 2, so none of them should ever surface as a traceback.
"""

from __future__ import annotations


class SkillsMapError(Exception):
    """Base class: anything the user can fix by changing their input."""


class CatalogError(SkillsMapError):
    """A catalog file (roles, levels, questionnaire, archetypes) is missing or invalid.

    The message names the file, the field and what is expected there.
    """

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        joined = "; ".join(problems)
        super().__init__(f"{path}: {joined}")


class UnknownIdError(SkillsMapError):
    """An id that the catalog does not define; the message lists the valid ones."""

    kind = "id"

    def __init__(self, unknown: str, known: list[str]) -> None:
        self.unknown = unknown
        self.known = known
        super().__init__(f"unknown {self.kind} {unknown!r}; expected one of: {', '.join(known)}")


class UnknownRoleError(UnknownIdError):
    """A role id that the role catalog does not define."""

    kind = "role"


class UnknownArchetypeError(UnknownIdError):
    """An archetype id that data/archetypes.yaml does not define."""

    kind = "archetype"


class ProfileError(SkillsMapError):
    """Scores that are not numbers in [0, 10]."""


class TeamFileError(SkillsMapError):
    """A team file that cannot be read at all (empty, too large, not CSV/Excel)."""
