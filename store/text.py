"""Names and titles people type: invisible characters out, spaces tidied, lengths kept.

A name is shown on a projector in front of a room. Format characters (Unicode category Cf:
zero-width spaces and joiners, right-to-left overrides, soft hyphens) can make it look empty,
reversed or like someone else's, so they are removed before anything is stored.
"""

from __future__ import annotations

import re
import unicodedata

from store.errors import InvalidRoomSettings, InvalidSubmission

MAX_NAME = 40
MAX_TITLE = 80
_SPACES = re.compile(r"\s+")


def strip_invisible(text: str) -> str:
    """`text` without format characters (Unicode Cf: zero-width, bidi controls, soft hyphen)."""
    return "".join(c for c in text if unicodedata.category(c) != "Cf")


def tidy(text: str) -> str:
    """Invisible characters removed, runs of whitespace made one space, ends trimmed."""
    return _SPACES.sub(" ", strip_invisible(text)).strip()


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters, cut after a whole word when the text has one that fits."""
    if len(text) <= limit:
        return text
    head = text[: limit + 1]
    cut = head.rsplit(" ", 1)[0].rstrip() if " " in head else ""
    return cut or text[:limit]


def clean_name(name: str | None) -> str | None:
    """The display name as stored: tidied, empty -> None, else InvalidSubmission."""
    if name is None:
        return None
    if not isinstance(name, str):
        raise InvalidSubmission("A display name must be text.")
    clean = tidy(name)
    if not clean:
        if name.strip():  # only invisible characters: it would show as an empty label
            raise InvalidSubmission(
                "That name has no visible characters. Type a name, or leave the field empty "
                "to stay anonymous."
            )
        return None
    if len(clean) > MAX_NAME:
        raise InvalidSubmission(
            f"A display name has at most {MAX_NAME} characters; this one has {len(clean)}."
        )
    if any(unicodedata.category(c) in ("Cc", "Cs") for c in clean):
        raise InvalidSubmission("A display name cannot contain control characters.")
    return clean


def clean_title(title: object) -> str:
    """A room title as stored (tidied, 1-80 visible characters), else InvalidRoomSettings."""
    clean = tidy(title) if isinstance(title, str) else ""
    if not 1 <= len(clean) <= MAX_TITLE or any(unicodedata.category(c) == "Cc" for c in clean):
        raise InvalidRoomSettings(f"A room title needs 1 to {MAX_TITLE} visible characters.")
    return clean
