"""The product's two languages: gettext catalogs for code strings, bilingual fields for data.

Code strings are English message ids translated through the gettext catalog in
`roles/locale/<lang>/LC_MESSAGES/messages.po` (compiled to `.mo` with Babel: `scripts/i18n.sh`).
Domain code that speaks to people calls `tr(lang, "English text {field}", field=...)`; errors
and other text made before anyone knows the reader's language are `Msg` objects, said in a
language later with `say(msg, lang)`.

Data files carry every human-readable field in both languages (`name: {en: ..., zh: ...}`).
The `Text` type checks that both are there and keeps the one asked for in the validation
context (`model_validate(data, context={"lang": "zh"})`), so the rest of the code receives
plain strings in the reader's language. Ids (role ids, option ids, survey answer labels used as
keys, JSON keys, CSV headers) stay English in every language.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, Literal, cast, get_args

from pydantic import BeforeValidator, ValidationInfo
from pydantic_core import PydanticCustomError

from roles.caching import memoize


def N_(msgid: str) -> str:
    """Mark a constant for translation where it is defined; translate it where it is shown."""
    return msgid


Lang = Literal["en", "zh"]
LANGS: tuple[Lang, ...] = get_args(Lang)
DEFAULT_LANG: Lang = "en"
# How each language names itself (the language switch shows these).
LANG_NAMES: dict[Lang, str] = {"en": "English", "zh": "中文"}
# BCP 47 tags for <html lang> and documents: Simplified Chinese.
LANG_TAGS: dict[Lang, str] = {"en": "en", "zh": "zh-Hans"}
# Each language's name in English, a message id (said in the reader's language).
LANG_WORDS: dict[Lang, str] = {"en": N_("English"), "zh": N_("Chinese")}
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"
_TAG = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_].*)?$")


def parse_lang(value: object) -> Lang | None:
    """A supported language for a code or browser locale ('zh', 'zh-CN', 'zh_TW', 'en-GB'), else
    None. Every Chinese locale gets Simplified Chinese, the one this product is written in."""
    if not isinstance(value, str):
        return None
    found = _TAG.match(value)
    code = found.group(1).lower() if found else ""
    return cast(Lang, code) if code in LANGS else None


@memoize(maxsize=len(LANGS))
def translations(lang: Lang) -> gettext.NullTranslations:
    """The gettext catalog of a language (English is the message ids themselves)."""
    if lang == DEFAULT_LANG:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[lang])


def tr(lang: Lang, msgid: str, /, **fields: object) -> str:
    """`msgid` in `lang`, with `{fields}` filled in (values that are `Msg`s are said in `lang`)."""
    text = translations(lang).gettext(msgid)
    return _fill(text, lang, fields) if fields else text


def ntr(lang: Lang, singular: str, plural: str, n: float, /, **fields: object) -> str:
    """The singular or plural message for `n` in `lang`, with `{n}` and `{fields}` filled in."""
    # gettext picks the form from a whole number; 0.5 reads as plural, like any n other than 1.
    count = int(n) if float(n).is_integer() else 2
    text = translations(lang).ngettext(singular, plural, count)
    return _fill(text, lang, {"n": n, **fields})


def _fill(text: str, lang: Lang, fields: dict[str, object]) -> str:
    return text.format(**{k: _field(v, lang) for k, v in fields.items()})


# How the text in messages' fields is shown (`escaping`): None, as it is.
_ESCAPE: ContextVar[Callable[[str], str] | None] = ContextVar("skills_map_escape", default=None)


@contextmanager
def escaping(escape: Callable[[str], str]) -> Iterator[None]:
    """Say messages with `escape` applied to every field that is text (a name, a code, a file
    name: what a person typed or sent) and to the plain items of a `Joined`, never to the
    messages' own words. A page says messages as Markdown inside this, so a participant named
    `![](//host/x)` is shown as typed and no browser fetches that address."""
    token = _ESCAPE.set(escape)
    try:
        yield
    finally:
        _ESCAPE.reset(token)


class _Shown(str):
    """A text field passed through the active escape however it is formatted: `{x}`, `{x!r}`
    (the quotes and backslashes of repr escaped too) or `{x:>10}`."""

    _escape: Callable[[str], str]

    def __new__(cls, text: str, escape: Callable[[str], str]) -> _Shown:
        shown = super().__new__(cls, text)
        shown._escape = escape
        return shown

    def _plain(self) -> str:
        return str.__str__(self)

    def __format__(self, spec: str) -> str:
        return self._escape(format(self._plain(), spec))

    def __str__(self) -> str:
        return self._escape(self._plain())

    def __repr__(self) -> str:
        return self._escape(repr(self._plain()))


def _field(value: object, lang: Lang) -> object:
    if isinstance(value, Msg):
        return say(value, lang)
    escape = _ESCAPE.get()
    return _Shown(value, escape) if escape is not None and isinstance(value, str) else value


def _item(value: object, lang: Lang) -> str:
    """A plain item of a list said in a message: escaped like a field."""
    if isinstance(value, Msg):
        return say(value, lang)
    escape = _ESCAPE.get()
    return escape(str(value)) if escape is not None else str(value)


_SENTENCE_GAP: dict[Lang, str] = {"en": " ", "zh": ""}
_LIST_SEP: dict[Lang, str] = {"en": ", ", "zh": "、"}
_CLAUSE_SEP: dict[Lang, str] = {"en": "; ", "zh": "；"}
_COLON: dict[Lang, str] = {"en": ": ", "zh": "："}


def sentences(lang: Lang, *parts: str) -> str:
    """Sentences one after another: a space between them in English, none in Chinese."""
    return _SENTENCE_GAP[lang].join(p for p in parts if p)


def listing(lang: Lang, items: Iterable[str], *, conjunction: bool = False) -> str:
    """Items in a list ('a, b, c' / 'a、b、c'); with `conjunction`, 'a, b and c' / 'a、b和c'."""
    items = list(items)
    if conjunction and len(items) > 1:
        last = tr(
            lang, "{items} and {last}", items=_LIST_SEP[lang].join(items[:-1]), last=items[-1]
        )
        return last
    return _LIST_SEP[lang].join(items)


def colon(lang: Lang) -> str:
    """What follows a label before its text (': ' / '：')."""
    return _COLON[lang]


def clauses(lang: Lang, parts: Iterable[str]) -> str:
    """Clauses of one sentence, separated by semicolons ('; ' / '；')."""
    return _CLAUSE_SEP[lang].join(parts)


def day(when: datetime, lang: Lang, *, clock: bool = False) -> str:
    """A UTC date as each language writes it ('29 Nov 2026' / '2026年11月29日'), with the time
    if `clock`. Not strftime's %b: month names follow the process locale, not the reader."""
    when = when.astimezone(UTC)
    if lang == "zh":
        text = f"{when.year}年{when.month}月{when.day}日"
        return f"{text} {when:%H:%M}（UTC）" if clock else text
    text = f"{when.day:02d} {_MONTHS[when.month - 1]} {when.year}"
    return f"{text}, {when:%H:%M} UTC" if clock else text


_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def is_wide(char: str) -> bool:
    """True for a character drawn about twice as wide as a Latin letter (CJK, fullwidth forms)."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def pad(text: str, width: int) -> str:
    """`text` padded to `width` terminal columns (a Chinese character takes two)."""
    columns = sum(2 if is_wide(c) else 1 for c in text)
    return text + " " * max(0, width - columns)


class Msg:
    """A message said later, in the reader's language: a message id and its fields.

    `str(msg)` is the English text, so logs and tests read it as before.
    """

    __slots__ = ("fields", "msgid", "n", "plural")

    def __init__(self, msgid: str, /, **fields: object) -> None:
        self.msgid = msgid
        self.fields = fields
        self.plural: str | None = None
        self.n = 0

    def text(self, lang: Lang) -> str:
        """The message in `lang`."""
        if self.plural is not None:
            return ntr(lang, self.msgid, self.plural, self.n, **self.fields)
        return tr(lang, self.msgid, **self.fields)

    def __str__(self) -> str:
        return self.text(DEFAULT_LANG)

    def __repr__(self) -> str:
        return f"Msg({str(self)!r})"


def plural_msg(singular: str, plural: str, n: int, /, **fields: object) -> Msg:
    """A `Msg` with a singular and a plural form, chosen by `n` in each language."""
    msg = Msg(singular, **fields)
    msg.plural, msg.n = plural, n
    return msg


class Said(Msg):
    """A message already written in each language (e.g. a library's English and our Chinese)."""

    __slots__ = ("texts",)

    def __init__(self, texts: dict[Lang, str]) -> None:
        super().__init__(texts[DEFAULT_LANG])
        self.texts = texts

    def text(self, lang: Lang) -> str:
        return _item(self.texts.get(lang, self.texts[DEFAULT_LANG]), lang)


class Joined(Msg):
    """Messages said one after another: as a list ('a, b' / 'a、b'), a list ending in 'and'
    (`how="and"`), or as sentences (`how="sentences"`)."""

    __slots__ = ("how", "items")

    def __init__(self, items: Iterable[object], *, how: str = "list") -> None:
        self.items = list(items)
        self.how = how
        super().__init__("")

    def text(self, lang: Lang) -> str:
        words = [_item(i, lang) for i in self.items]
        if self.how == "sentences":
            return sentences(lang, *words)
        return listing(lang, words, conjunction=self.how == "and")


def say(message: object, lang: Lang) -> str:
    """A message in `lang`: a `Msg` is translated, anything else is shown as it is."""
    return message.text(lang) if isinstance(message, Msg) else str(message)


def context_lang(info: ValidationInfo | None) -> Lang | None:
    """The language a data file is being read in, from the validation context (None outside)."""
    context = info.context if info is not None else None
    return parse_lang(context.get("lang")) if isinstance(context, dict) else None


def _localized(value: Any, info: ValidationInfo) -> Any:
    """Validate a bilingual field: `{en: ..., zh: ...}` becomes the text in the context's language.

    Reading a data file (a language in the context), both languages are required. Outside
    (a model rebuilt from its own JSON dump, or built in code) a plain string is taken as it is.
    """
    lang = context_lang(info)
    if isinstance(value, str) and lang is None:
        return value
    if not isinstance(value, dict):
        raise PydanticCustomError(
            "translation_missing",
            "needs the text in every language ({missing})",
            {"missing": ", ".join(LANGS), "unknown": "", "single": True},
        )
    missing = [code for code in LANGS if not (isinstance(value.get(code), str) and value[code])]
    unknown = sorted(str(k) for k in value if k not in LANGS)
    if missing or unknown:
        raise PydanticCustomError(
            "translation_missing",
            "needs the text in every language ({missing})",
            {"missing": ", ".join(missing), "unknown": ", ".join(unknown), "single": False},
        )
    return value[lang or DEFAULT_LANG]


# A human-readable field of a data file, in every language; the model holds one of them.
Text = Annotated[str, BeforeValidator(_localized)]


def english(raw: object) -> str | None:
    """The English text of a raw bilingual field (or a plain string), before validation."""
    if isinstance(raw, dict):
        value = raw.get(DEFAULT_LANG)
        return value if isinstance(value, str) else None
    return raw if isinstance(raw, str) else None
