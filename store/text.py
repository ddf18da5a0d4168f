"""Names and titles people type: invisible characters out, spaces tidied, lengths kept.

A name is shown on a projector in front of a room. Format characters (Unicode category Cf:
zero-width spaces and joiners, right-to-left overrides, soft hyphens) can make it look empty,
reversed or like someone else's, and so can the other characters Unicode says to draw as
nothing (Default_Ignorable_Code_Point: Hangul fillers, which are letters; variation selectors;
Khmer inherent vowels) and the blank Braille pattern: all are removed before anything is stored.
A name then needs a visible letter or digit, and a letter carries at most a few combining marks
(Vietnamese needs two; a stack of dozens draws over the lines around it).
"""

from __future__ import annotations

import re
import unicodedata

from roles.i18n import Msg
from store.errors import InvalidRoomSettings, InvalidSubmission

MAX_NAME = 40
MAX_TITLE = 80
# Combining marks on one letter, counted decomposed (NFD): Vietnamese "ệ" has two.
MAX_MARKS = 3
_SPACES = re.compile(r"\s+")
# Default_Ignorable_Code_Point (Unicode's DerivedCoreProperties.txt) outside category Cf, which
# goes as a whole, plus U+2800 BRAILLE PATTERN BLANK, a symbol drawn as an empty cell.
_DRAWN_AS_NOTHING = re.compile(
    "[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2065\u2800\u3164\ufe00-\ufe0f"
    "\uffa0\ufff0-\ufff8\U000e0000-\U000e0fff]"
)


def strip_invisible(text: str) -> str:
    """`text` without what is drawn as nothing: format characters (Cf: zero-width, bidi
    controls, soft hyphen) and the other default-ignorable code points."""
    kept = "".join(c for c in text if unicodedata.category(c) != "Cf")
    return _DRAWN_AS_NOTHING.sub("", kept)


def _visible_problem(clean: str) -> Msg | None:
    """Why a tidied name would not read as a name: no letter or digit, or piled-up marks."""
    if not any(unicodedata.category(c)[0] in "LN" for c in clean):
        return Msg("A name needs at least one letter or digit; “{name}” has none.", name=clean)
    run = 0
    for c in unicodedata.normalize("NFD", clean):
        run = run + 1 if unicodedata.category(c)[0] == "M" else 0
        if run > MAX_MARKS:
            return Msg(
                "A letter in a name carries at most {limit} accents or marks; this name piles up "
                "more, which draws over the lines around it.",
                limit=MAX_MARKS,
            )
    return None


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
        raise InvalidSubmission(Msg("A display name must be text."))
    clean = tidy(name)
    if not clean:
        if name.strip():  # only invisible characters: it would show as an empty label
            raise InvalidSubmission(
                Msg(
                    "That name has no visible characters. Type a name, or leave the field empty "
                    "to stay anonymous."
                )
            )
        return None
    if len(clean) > MAX_NAME:
        raise InvalidSubmission(
            Msg(
                "A display name has at most {limit} characters; this one has {n}.",
                limit=MAX_NAME,
                n=len(clean),
            )
        )
    if any(unicodedata.category(c) in ("Cc", "Cs") for c in clean):
        raise InvalidSubmission(Msg("A display name cannot contain control characters."))
    problem = _visible_problem(clean)
    if problem is not None:
        raise InvalidSubmission(problem)
    return clean


def clean_title(title: object) -> str:
    """A room title as stored (tidied, 1-80 visible characters), else InvalidRoomSettings."""
    clean = tidy(title) if isinstance(title, str) else ""
    if not 1 <= len(clean) <= MAX_TITLE or any(unicodedata.category(c) == "Cc" for c in clean):
        raise InvalidRoomSettings(
            Msg("A room title needs 1 to {limit} visible characters.", limit=MAX_TITLE)
        )
    return clean
