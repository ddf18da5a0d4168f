"""The table of docs/configuration.md, made from the settings object (`roles/settings.py`).

    python scripts/settings_table.py          # print the table
    python scripts/settings_table.py --write  # into docs/configuration.md, between its markers

`tests/roles/test_settings.py` fails when the page's table differs from this one.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from roles.settings import markdown_table  # noqa: E402

PAGE = ROOT / "docs" / "configuration.md"
BEGIN = "<!-- settings table: made by scripts/settings_table.py -->\n"
END = "<!-- end of settings table -->\n"


def with_table(page: str) -> str:
    """The page's text with its settings table replaced by the current one."""
    head, rest = page.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    return head + BEGIN + markdown_table() + END + tail


def main(argv: list[str]) -> int:
    if argv == ["--write"]:
        PAGE.write_text(with_table(PAGE.read_text(encoding="utf-8")), encoding="utf-8")
        return 0
    if argv:
        print(__doc__, file=sys.stderr)
        return 2
    sys.stdout.write(markdown_table())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
