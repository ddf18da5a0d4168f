"""Look-alike names: the confusable skeleton of Unicode Technical Standard #39 (TR39, section 4).

"Ana", "Аna" (a Cyrillic А) and "Αna" (a Greek Alpha) look the same on a manager's map, so a team
room must not hold them as three members. TR39 defines a string's *skeleton*: decompose it (NFD),
replace every character by its prototype from Unicode's confusables table, decompose again. Two
strings are confusable when their skeletons are equal. The table is `confusables.txt` (Unicode
13.0, compacted by scripts/build_confusables.py); no maintained Python library offers the
skeleton without ICU's C++ build, and the algorithm is these few lines.

A skeleton is for comparison only, never for display (it mixes scripts).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from roles.caching import memoize

TABLE = Path(__file__).resolve().parent / "confusables.txt"


@memoize(maxsize=4)
def prototypes() -> dict[str, str]:
    """Each confusable character and the prototype it looks like, from the table."""
    table: dict[str, str] = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        source, target = line.split(";")
        table[chr(int(source, 16))] = "".join(chr(int(c, 16)) for c in target.split())
    return table


def skeleton(text: str) -> str:
    """TR39 skeleton: NFD, each character replaced by its prototype, NFD again."""
    table = prototypes()
    mapped = "".join(table.get(c, c) for c in unicodedata.normalize("NFD", text))
    return unicodedata.normalize("NFD", mapped)


def _folded(text: str) -> str:
    """Unicode's compatibility caseless form (definition D146): "Ａna", "ANA" and "ana" meet."""
    nfkd = unicodedata.normalize
    return nfkd("NFKD", nfkd("NFKD", nfkd("NFD", text).casefold()).casefold())


def name_key(name: str) -> str:
    """A name's form for uniqueness with case folded: "ANA", "Ana" and "Аna" meet."""
    return skeleton(_folded(name))


def name_keys(name: str) -> tuple[str, str]:
    """Both forms two names are compared in: case folded (`name_key`), and as typed, where
    capitals that look like other letters meet ("Ian" and "lan"; folding makes "I" an "i")."""
    return name_key(name), skeleton(unicodedata.normalize("NFKC", name))


def look_alike(a: str, b: str) -> bool:
    """True if two names read the same on a map: equal in either form of `name_keys`."""
    return any(x == y for x, y in zip(name_keys(a), name_keys(b), strict=True))
