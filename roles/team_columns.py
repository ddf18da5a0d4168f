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

# Header spellings people actually use, after lower-casing and turning spaces/dashes into "_".
_ALIASES: dict[str, str] = {
    **{a: "name" for a in ("name", "full_name", "person", "member", "employee", "who")},
    **{a: "ml" for a in ("ml", "ml_expertise", "machine_learning", "ml_skill", "ml_score")},
    **{a: "swe" for a in ("swe", "software_engineering", "software", "engineering", "se")},
    **{a: "comm" for a in ("comm", "communication", "communications", "writing")},
    **{a: "title" for a in ("title", "current_title", "job_title", "position")},
    # Headers a Chinese-speaking manager writes.
    **{a: "name" for a in ("姓名", "名字", "成员")},
    **{a: "ml" for a in ("机器学习", "机器学习能力", "机器学习专业能力", "ml能力")},
    **{a: "swe" for a in ("软件工程", "软件工程能力", "工程能力")},
    **{a: "comm" for a in ("沟通", "沟通能力", "沟通与写作", "表达")},
    **{a: "title" for a in ("职位", "当前职位", "头衔", "岗位")},
}


def canonical_column(header: object) -> str | None:
    """The column a header means (`ML Expertise` -> `ml`), or None when it is not one of ours."""
    text = re.sub(r"[\s\-./]+", "_", str(header).strip().lower()).strip("_")
    if text in _ALIASES:
        return _ALIASES[text]
    labels = {
        re.sub(r"\s+", "_", tr(lang, v).lower()): k
        for k, v in COLUMN_LABELS.items()
        for lang in LANGS
    }
    return labels.get(text)


def map_header(header: list[object]) -> dict[str, int]:
    """Which column of the file holds each of ours; a missing required column is an error
    that names it and the headers found."""
    mapping: dict[str, int] = {}
    for i, h in enumerate(header):
        col = canonical_column(h)
        if col and col not in mapping:
            mapping[col] = i
    missing = [c for c in REQUIRED if c not in mapping]
    if missing:
        found = ", ".join(repr(str(h)) for h in header if str(h).strip())
        need = [Msg("'{label}' ({id})", label=Msg(COLUMN_LABELS[c]), id=c) for c in missing]
        raise TeamFileError(
            Msg(
                "missing column(s): {need}. Found: {found}. Use the template's headers "
                "(name, ml, swe, comm, title)",
                need=Joined(need),
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
