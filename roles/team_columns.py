"""A team table's columns: our five, the header spellings people use for them (English and
Chinese), the two score scales and the template file a manager fills in."""

from __future__ import annotations

import re
from typing import Literal

import pandas as pd

from roles.errors import TeamFileError
from roles.export import safe_csv
from roles.i18n import DEFAULT_LANG, LANGS, N_, Joined, Lang, Msg, tr
from roles.models import AXIS_LABELS

COLUMNS: tuple[str, ...] = ("name", "ml", "swe", "comm", "title")
REQUIRED: tuple[str, ...] = ("name", "ml", "swe", "comm")
# What each column is called on screen (message ids); the file's headers are the ids themselves.
COLUMN_LABELS: dict[str, str] = {"name": N_("name"), **AXIS_LABELS, "title": N_("current title")}
Scale = Literal["0-10", "1-5"]
ScaleChoice = Literal["auto", "0-10", "1-5"]
SCALE_RANGE: dict[str, tuple[float, float]] = {"0-10": (0.0, 10.0), "1-5": (1.0, 5.0)}

# Header spellings people actually use, after `_normal` (lower case, a scale like "(1-5)" and
# words like "skills" or "能力" taken off, spaces and dashes as "_").
_SPELLINGS: dict[str, tuple[str, ...]] = {
    "name": (
        "name", "full_name", "person", "member", "team_member", "employee", "employee_name",
        "who", "姓名", "名字", "成员", "员工", "员工姓名",
    ),
    "ml": (
        "ml", "machine_learning", "ml_expertise", "ai_ml", "ml_ai", "机器学习", "机器学习专业",
        "ml能力",
    ),
    "swe": (
        "swe", "se", "software_engineering", "software", "engineering", "software_development",
        "coding", "programming", "软件工程", "工程", "编程", "软件开发",
    ),
    "comm": (
        "comm", "communication", "communications", "writing", "tech_writing",
        "technical_writing", "communication_writing", "沟通", "沟通与写作", "表达", "写作",
        "技术写作",
    ),
    "title": (
        "title", "current_title", "job_title", "position", "role", "job_role", "current_role",
        "职位", "当前职位", "头衔", "岗位", "角色", "职称",
    ),
}  # fmt: skip
_ALIASES: dict[str, str] = {a: col for col, names in _SPELLINGS.items() for a in names}
# Words that say "a score" without saying which: "ML skill" is "ML", "沟通能力" is "沟通".
_FILLER = ("skills", "skill", "score", "scores", "level", "rating", "expertise", "ability")
_FILLER_ZH = ("能力", "水平", "评分", "得分", "分数")
_SCALE_HINT = re.compile(r"[(（\[【].*?[)）\]】]|(?:^|_)(?:out_of_)?\d+(?:_\d+)?$")


def _normal(header: object) -> str:
    text = re.sub(r"[\s\-./&+]+", "_", str(header).strip().lower())
    text = _SCALE_HINT.sub("", text)
    return re.sub(r"_+", "_", text).strip("_")


def _without_filler(text: str) -> str:
    words = [w for w in text.split("_") if w not in _FILLER and w != "and"]
    text = "_".join(words)
    for suffix in _FILLER_ZH:
        text = text.removesuffix(suffix)
    return text


def canonical_column(header: object) -> str | None:
    """The column a header means (`ML Skill (1-5)` -> `ml`), or None when it is not one of ours."""
    text = _normal(header)
    labels = {_normal(tr(lang, v)): k for k, v in COLUMN_LABELS.items() for lang in LANGS}
    for candidate in (text, _without_filler(text)):
        found = _ALIASES.get(candidate) or labels.get(candidate)
        if found:
            return found
    return None


def spellings(column: str) -> str:
    """The header spellings accepted for `column`, for a message."""
    return ", ".join(_SPELLINGS[column])


def unused_headers(header: list[object], mapping: dict[str, int]) -> list[str]:
    """The non-empty headers of the file that are none of our columns (said, not dropped
    silently)."""
    used = set(mapping.values())
    return [str(h).strip() for i, h in enumerate(header) if i not in used and str(h).strip()]


def _twice(header: list[object], col: str, first: int, again: int) -> TeamFileError:
    return TeamFileError(
        Msg(
            "the headers {a!r} and {b!r} both read as '{label}'; rename or delete one of them",
            a=str(header[first]).strip(),
            b=str(header[again]).strip(),
            label=Msg(COLUMN_LABELS[col]),
        )
    )


def map_header(header: list[object]) -> dict[str, int]:
    """Which column of the file holds each of ours. Two headers meaning the same column, or a
    missing required column, is an error naming the headers and the accepted spellings."""
    mapping: dict[str, int] = {}
    for i, h in enumerate(header):
        col = canonical_column(h)
        if col and col in mapping:
            raise _twice(header, col, mapping[col], i)
        if col:
            mapping[col] = i
    missing = [c for c in REQUIRED if c not in mapping]
    if missing:
        found = ", ".join(repr(str(h)) for h in header if str(h).strip())
        need = [
            Msg(
                "'{label}' (headers read as it: {names})",
                label=Msg(COLUMN_LABELS[c]),
                names=spellings(c),
            )
            for c in missing
        ]
        raise TeamFileError(
            Msg(
                "missing column(s): {need}. Found: {found}. Use the template's headers "
                "(name, ml, swe, comm, title)",
                need=Joined(need, how="sentences"),
                found=found or Msg("none"),
            )
        )
    return mapping


def detect_scale(values: list[float]) -> Scale:
    """1-5 when every score is a whole or half number from 1 to 5, otherwise 0-10."""
    if values and all(1 <= v <= 5 and float(2 * v).is_integer() for v in values):
        return "1-5"
    return "0-10"


def to_ten(value: float, scale: Scale) -> float:
    """A score on `scale` moved to 0-10. On 1-5 each point stands for a fifth of the scale and
    takes its middle (1 -> 1, 2 -> 3, 3 -> 5, 4 -> 7, 5 -> 9): a 5 is "the top fifth", not the
    map's very edge, and a 1 is "the bottom fifth", not zero."""
    return value if scale == "0-10" else 2.0 * value - 1.0


def template_csv(lang: Lang = DEFAULT_LANG) -> bytes:
    """A CSV template with the expected headers (ids, in every language) and two example rows
    written in `lang`."""
    frame = pd.DataFrame(
        [
            {
                "name": tr(lang, "Alex Example"),
                "ml": 7,
                "swe": 6,
                "comm": 5,
                "title": tr(lang, "ML engineer"),
            },
            {
                "name": tr(lang, "Sam Sample"),
                "ml": 2,
                "swe": 8,
                "comm": 4,
                "title": tr(lang, "Data engineer"),
            },
        ],
        columns=list(COLUMNS),
    )
    return safe_csv(frame)
