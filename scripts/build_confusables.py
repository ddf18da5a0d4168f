"""Write store/confusables.txt, the look-alike table of team member names, from Unicode's own.

    python scripts/build_confusables.py PATH/TO/confusables.txt

The input is `confusables.txt` of Unicode Technical Standard #39 (Unicode Security
Mechanisms), from https://www.unicode.org/Public/security/ (any version). The output keeps each
mapping's source and target code points (one `SOURCE;TARGET TARGET...` line each) under the
input's own header, which carries Unicode's copyright and terms of use: 80 kB instead of 700.
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "store" / "confusables.txt"
NOTE = (
    "# Compacted by scripts/build_confusables.py: SOURCE;TARGET code points, hex, per line.\n"
    "# Used by store/skeleton.py (TR39 skeletons of team member names).\n"
)


def compact(text: str) -> str:
    """The header comments and one `source;target` line per mapping of a confusables.txt."""
    header: list[str] = []
    rows: list[str] = []
    for raw in text.lstrip("\ufeff").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            if raw.startswith("#") and not rows:
                header.append(raw.rstrip())
            continue
        source, target, *_ = (part.strip() for part in line.split(";"))
        rows.append(f"{source};{target}")
    return "\n".join([*header, NOTE.rstrip("\n"), *rows]) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    OUT.write_text(compact(Path(argv[0]).read_text(encoding="utf-8-sig")), encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
