"""The code strings' message catalogs, with Babel: extract, update the translations, compile, check.

    python scripts/i18n.py update    # extract the message ids and merge them into each .po
    python scripts/i18n.py compile   # .po -> .mo (the app reads the .mo; both are committed)
    python scripts/i18n.py check     # what tests/test_i18n.py asserts: complete and compiled

Translate in `roles/locale/<lang>/LC_MESSAGES/messages.po` (any PO editor works), then run
`update` and `compile`. The keywords below are the functions that mark a message id; a comment
starting `TRANSLATORS:` just above one reaches the translator.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE_DIR = ROOT / "roles" / "locale"
DOMAIN = "messages"
LANGS = ("zh",)  # English is the message ids themselves
SOURCES = ("app.py", "cli", "roles", "store", "serving", "components", "views")
# roles.i18n.tr(lang, msgid), ntr(lang, singular, plural, n), Msg(msgid), plural_msg(s, p, n);
# components.lang._(msgid), ngettext(s, p, n); N_(msgid) marks a constant.
KEYWORDS = {
    "_": None,
    "N_": None,
    "tr": (2,),
    "ntr": (2, 3),
    "Msg": None,
    "plural_msg": (1, 2),
    "ngettext": (1, 2),
}
COMMENT_TAGS = ("TRANSLATORS:",)
HEADER = (
    "# Simplified Chinese messages of ML Skills Map (code strings; data files carry their own).\n"
    "# Edit the msgstr lines, then run `python scripts/i18n.py update`."
)
_FIELD = re.compile(r"(?<!\{)\{([a-zA-Z_][a-zA-Z0-9_]*)[^{}]*\}(?!\})")


def source_files() -> Iterator[Path]:
    """Every Python file whose strings may reach a person."""
    for name in SOURCES:
        path = ROOT / name
        yield from [path] if path.is_file() else sorted(path.rglob("*.py"))


def extract() -> Catalog:
    """A template catalog of every message id marked in the sources."""
    template = Catalog(domain=DOMAIN, project="ML Skills Map", charset="utf-8")
    for path in source_files():
        found = extract_from_file(
            "python", path, keywords=KEYWORDS, comment_tags=COMMENT_TAGS, strip_comment_tags=True
        )
        for lineno, message, comments, context in found:
            where = (path.relative_to(ROOT).as_posix(), lineno)
            template.add(message, None, [where], auto_comments=comments, context=context)
    return template


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(lang: str) -> Catalog:
    """A language's catalog as translated (the .po)."""
    with po_path(lang).open("rb") as f:
        return read_po(f, locale=lang, domain=DOMAIN)


def update() -> None:
    """Merge the sources' message ids into every language's .po (new ones come untranslated)."""
    template = extract()
    for lang in LANGS:
        path = po_path(lang)
        if path.exists():
            catalog = read_catalog(lang)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            catalog = Catalog(locale=lang, domain=DOMAIN, project="ML Skills Map")
        catalog.update(template, no_fuzzy_matching=True, update_creation_date=False)
        catalog.obsolete.clear()  # removed ids go; git history keeps their translations
        catalog.fuzzy = False  # the header: its Plural-Forms must reach the .mo
        catalog.header_comment = HEADER
        catalog.last_translator = catalog.language_team = "ML Skills Map"
        catalog.msgid_bugs_address = ""
        with path.open("wb") as f:
            write_po(f, catalog, width=100, include_previous=False, include_lineno=False)


def compile_mo() -> None:
    """Compile every .po to the .mo the app reads."""
    for lang in LANGS:
        catalog = read_catalog(lang)
        with po_path(lang).with_suffix(".mo").open("wb") as f:
            write_mo(f, catalog, use_fuzzy=False)


def _fields(text: str) -> set[str]:
    return set(_FIELD.findall(text))


def problems() -> list[str]:
    """Everything that keeps a language from being complete, one line each (empty when done)."""
    template = extract()
    found = []
    for lang in LANGS:
        catalog = read_catalog(lang)
        for message in template:
            if not message.id:
                continue
            key = message.id if isinstance(message.id, str) else message.id[0]
            where = ", ".join(f"{f}:{n}" for f, n in message.locations[:2])
            have = catalog.get(key)
            strings = have.string if have else None
            texts = list(strings) if isinstance(strings, tuple | list) else [strings]
            if have is None or not all(texts):
                found.append(f"{lang}: untranslated {key!r} ({where})")
            elif have.fuzzy:
                found.append(f"{lang}: fuzzy {key!r} ({where}); check it and drop the fuzzy flag")
            else:
                ids = [message.id] if isinstance(message.id, str) else list(message.id)
                wanted = set().union(*(_fields(i) for i in ids))
                for text in texts:
                    if _fields(text) != wanted:
                        found.append(
                            f"{lang}: {key!r} has fields {sorted(_fields(text))}, "
                            f"the message id {sorted(wanted)}"
                        )
        extra = sorted(
            m.id if isinstance(m.id, str) else m.id[0]
            for m in catalog
            if m.id and template.get(m.id if isinstance(m.id, str) else m.id[0]) is None
        )
        found += [f"{lang}: {i!r} is no longer in the code; run `update`" for i in extra]
        found += _stale_mo(lang, catalog)
    return found


def _messages(mo: io.BufferedIOBase | io.BytesIO) -> dict[object, object]:
    def key(value: object) -> object:
        return tuple(value) if isinstance(value, list | tuple) else value

    return {key(m.id): key(m.string) for m in read_mo(mo) if m.id}


def _stale_mo(lang: str, catalog: Catalog) -> list[str]:
    """The compiled .mo must hold exactly the .po's translations."""
    mo = po_path(lang).with_suffix(".mo")
    if not mo.exists():
        return [f"{lang}: {mo.relative_to(ROOT)} is missing; run `compile`"]
    with mo.open("rb") as f:
        compiled = _messages(f)
    fresh = io.BytesIO()
    write_mo(fresh, catalog, use_fuzzy=False)
    fresh.seek(0)
    expected = _messages(fresh)
    if compiled != expected:
        return [f"{lang}: {mo.relative_to(ROOT)} differs from its .po; run `compile`"]
    return []


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "update"
    if command == "update":
        update()
        compile_mo()
    elif command == "compile":
        compile_mo()
    elif command == "check":
        found = problems()
        print("\n".join(found) or "every message is translated and compiled")
        return 1 if found else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
