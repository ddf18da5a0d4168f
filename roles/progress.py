"""My progress: a person's saved results over time, and the file that carries them.

A point is what the Me page showed on one day: the three scores, the questionnaire's answers (as
the share link's compact code), the heading with its confidence, the target role with its fit
and gaps. The same model is what the room store keeps and what "Download my progress" writes, so
a file loads back to the same picture; a file is validated and bounded before anything is drawn.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Literal

from pydantic import AwareDatetime, Field, ValidationError

from roles.answer_link import MAX_LENGTH, decode_answers, encode_answers
from roles.errors import SkillsMapError
from roles.gaps import gaps
from roles.i18n import Msg
from roles.invalid_words import invalid_reason
from roles.models import AXES, Catalog, FrozenModel, Profile
from roles.questionnaire import Answer, Answers
from roles.questionnaire_models import Questionnaire
from roles.verdict import Kind, assess

FILE_FORMAT: Literal["ml-skills-map-progress"] = "ml-skills-map-progress"
FILE_VERSION: Literal[1] = 1
# A point a month for sixteen years; a real file is a few kB, this bounds a hostile one.
MAX_POINTS = 200
MAX_FILE_BYTES = 512 * 1024
_ROLE_ID = r"^[a-z][a-z0-9_]{0,39}$"


class ProgressPoint(FrozenModel):
    """One saved result (dates are UTC; every field is checked, unknown ones refused)."""

    saved_at: AwareDatetime
    ml: float = Field(ge=0, le=10, allow_inf_nan=False)
    swe: float = Field(ge=0, le=10, allow_inf_nan=False)
    comm: float = Field(ge=0, le=10, allow_inf_nan=False)
    catalog: Literal["2021", "2022"] = "2021"
    # The questionnaire's answers as the share link's compact code; None: sliders only.
    answers: str | None = Field(default=None, max_length=MAX_LENGTH)
    heading: Kind
    roles: tuple[str, ...] = Field(max_length=2)
    confidence: float | None = Field(default=None, ge=0, le=1, allow_inf_nan=False)
    target: str = Field(pattern=_ROLE_ID)
    target_fit: float = Field(ge=0, le=100, allow_inf_nan=False)
    gaps: dict[Literal["ml", "swe", "comm"], float] = Field(max_length=3)

    @property
    def profile(self) -> Profile:
        return Profile(ml=self.ml, swe=self.swe, comm=self.comm)


class ProgressFile(FrozenModel):
    """What "Download my progress" writes: a marked, versioned list of points, oldest first."""

    format: Literal["ml-skills-map-progress"] = FILE_FORMAT
    version: Literal[1] = FILE_VERSION
    points: list[ProgressPoint] = Field(max_length=MAX_POINTS)


class ProgressFileError(SkillsMapError):
    """A progress file that cannot be loaded; the message says why and what to do."""


TOO_MANY = Msg(
    "Your progress holds {n} results, the most it keeps. Download it, delete it and start "
    "again from the file's latest result.",
    n=MAX_POINTS,
)


def make_point(
    profile: Profile,
    catalog: Catalog,
    *,
    catalog_id: str,
    target: str | None,
    answers: Answers,
    unmeasured: Sequence[str] = (),
    questionnaire_code: str | None = None,
    when: datetime | None = None,
) -> ProgressPoint:
    """The point for what the Me page shows now (`target` None: the best fit)."""
    a = assess(answers, catalog, profile=profile, unmeasured=unmeasured)
    role = target if target in catalog.role_ids else a.best.role
    g = gaps(profile, catalog, role)
    fit = next(f.fit for f in a.fits if f.role == role)
    return ProgressPoint(
        saved_at=when or datetime.now(UTC),
        ml=profile.ml,
        swe=profile.swe,
        comm=profile.comm,
        catalog=catalog_id,
        answers=questionnaire_code or None,
        heading=a.kind,
        roles=a.roles,
        confidence=a.confidence,
        target=role,
        target_fit=round(fit, 1),
        gaps={axis: g.shortfall.get(axis, 0.0) for axis in AXES},
    )


def encode_point_answers(questionnaire: Questionnaire, answers: Answers) -> str | None:
    """The answers' compact code (None when there are none)."""
    return encode_answers(questionnaire, answers) or None


def point_answers(questionnaire: Questionnaire, point: ProgressPoint) -> dict[str, Answer]:
    """The answers a point holds (questions this version no longer asks are left out)."""
    if not point.answers:
        return {}
    found, _warnings = decode_answers(questionnaire, point.answers)
    return found


def sorted_points(points: Sequence[ProgressPoint]) -> list[ProgressPoint]:
    """Oldest first (a file may list them in any order)."""
    return sorted(points, key=lambda p: p.saved_at)


def dump_file(points: Sequence[ProgressPoint]) -> bytes:
    """The progress file for these points (UTF-8 JSON)."""
    doc = ProgressFile(points=sorted_points(points)[-MAX_POINTS:])
    return doc.model_dump_json(indent=1).encode("utf-8")


def load_file(data: bytes) -> list[ProgressPoint]:
    """The points of a progress file, oldest first; ProgressFileError when it is not one."""
    if len(data) > MAX_FILE_BYTES:
        raise ProgressFileError(
            Msg(
                "This file is {kb:,} kB; a progress file is at most {limit} kB. Choose the file "
                "that “Download my progress” saved.",
                kb=len(data) // 1024,
                limit=MAX_FILE_BYTES // 1024,
            )
        )
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise ProgressFileError(_not_ours()) from None
    if not isinstance(raw, dict) or raw.get("format") != FILE_FORMAT:
        raise ProgressFileError(_not_ours())
    if raw.get("version") != FILE_VERSION:
        raise ProgressFileError(
            Msg(
                "This progress file has version {version}, which this app does not read; "
                "it reads version {ours}.",
                version=str(raw.get("version"))[:10],
                ours=FILE_VERSION,
            )
        )
    try:
        doc = ProgressFile.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ProgressFileError(
            Msg(
                "This progress file is damaged at {where} ({why}), so nothing was loaded. Load "
                "another copy, or download your progress again.",
                where=where[:60],
                why=invalid_reason(first),
            )
        ) from None
    return sorted_points(doc.points)


def _not_ours() -> Msg:
    return Msg(
        "This is not a progress file of ML Skills Map, so nothing was loaded. Choose the .json "
        "file that “Download my progress” saved (a result download is a different file)."
    )
