"""Why a value in a person's file was refused, in the reader's language.

pydantic says its reasons in English only ("Input should be a valid number"); a file a person
loads (their progress) is refused in words of ours, chosen by the error's type, so the Chinese
page never shows an English reason.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from roles.i18n import N_, Msg

# The first rule whose words occur in the error's type decides (pydantic's types are stable:
# https://docs.pydantic.dev/latest/errors/validation_errors/).
_RULES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("missing",), N_("a value is missing")),
    (("extra_forbidden",), N_("a field this app does not know")),
    (("timezone",), N_("a time without its time zone")),
    (("datetime", "date", "time"), N_("not a date and time")),
    (("greater_than", "less_than", "finite", "multiple_of"), N_("a number out of range")),
    (("float", "int", "decimal", "number"), N_("not a number")),
    (("too_long", "too_short"), N_("too long or too short")),
    (("literal", "enum"), N_("not one of the values this app reads")),
    (("list", "tuple", "set", "iterable"), N_("not a list")),
    (("dict", "model", "mapping"), N_("not a group of fields")),
    (("string", "str"), N_("not text")),
    (("bool",), N_("not yes or no")),
)
_OTHER = N_("a value this app cannot read")


def invalid_reason(error: Mapping[str, Any]) -> Msg:
    """Why pydantic refused a value (one of `ValidationError.errors()`), said by us."""
    kind = str(error.get("type", ""))
    for words, said in _RULES:
        if any(w in kind for w in words):
            return Msg(said)
    return Msg(_OTHER)
