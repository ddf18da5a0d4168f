"""How sure the heading may be: People like you's title shares turned into calibrated chances.

`data/confidence.yaml` is fitted by `scripts/fit_confidence.py` on the calibration half of the
survey only, from evidence each respondent did not help make. Per number of survey answers k
the shares are sharpened or flattened by a temperature and shrunk toward the base rate (every
title equally likely), then shrunk once more by a `modesty` margin so that a calibration fitted
on one kind of respondent still holds for another (the file says how it was measured):

    p_t = (1 - shrink_k) * softmax_t(temperature_k * log(share_t + EPS)) + shrink_k / titles
    chance_t = (1 - modesty) * p_t + modesty / titles

A chance is for a population in which the survey's titles are equally common, as People like
you states its shares. Swapping the evidence source means running the script again.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace

from pydantic import Field, model_validator

from roles.caching import memoize
from roles.catalog import data_dir, load_file
from roles.i18n import Msg
from roles.models import FrozenModel
from roles.survey import TITLE_ROLE, Likeness

CONFIDENCE_FILE = "confidence.yaml"
EPS = 1e-3  # a title nobody near you holds keeps a sliver of chance (log of 0 is undefined)


class Temper(FrozenModel):
    """How to read shares that rest on `answers` survey answers."""

    answers: int = Field(ge=1, description="survey questions answered")
    temperature: float = Field(gt=0, le=10, description="> 1 sharpens the shares, < 1 flattens")
    shrink: float = Field(ge=0, lt=1, description="weight of the base rate")
    n: int = Field(ge=0, description="respondents' answer sets it was fitted on")


class ConfidenceModel(FrozenModel):
    """The fitted calibration and the heading's thresholds (see the file's comments)."""

    evidence: str = Field(min_length=1, description="the evidence source it was fitted for")
    fitted_on: str = Field(min_length=1, description="which respondents it was fitted on")
    titles: int = Field(ge=2, description="titles the chances are spread over")
    modesty: float = Field(ge=0, lt=1, description="extra shrink toward the base rate")
    one_role_at: float = Field(gt=0, le=1, description="a single role needs this chance")
    two_roles_at: float = Field(gt=0, le=1, description="a close call needs this chance")
    by_answers: list[Temper] = Field(min_length=1)

    @model_validator(mode="after")
    def _answers_in_order(self) -> ConfidenceModel:
        ks = [t.answers for t in self.by_answers]
        if ks != list(range(1, len(ks) + 1)):
            raise ValueError(
                Msg("by_answers must be for 1, 2, 3, ... answers in order; got {ks}", ks=ks)
            )
        return self

    def temper(self, answered: int) -> Temper:
        """The reading for this many answers (more than fitted: the largest fitted)."""
        return self.by_answers[min(answered, len(self.by_answers)) - 1]


@memoize(maxsize=2)
def load_confidence(path: str | None = None) -> ConfidenceModel:
    """The fitted calibration, validated (errors name the file, the field and the fix)."""
    return load_file(path or data_dir() / CONFIDENCE_FILE, ConfidenceModel)


def chances(
    shares: Mapping[str, float], titles: list[str], answered: int, model: ConfidenceModel
) -> dict[str, float]:
    """Calibrated chance of each title (0-1, summing to 1) for shares resting on `answered`
    survey answers; a title missing from `shares` is one nobody near you holds."""
    if answered < 1:
        raise ValueError("chances need at least one answered survey question")
    t = model.temper(answered)
    logits = [t.temperature * math.log(shares.get(title, 0.0) + EPS) for title in titles]
    top = max(logits)
    raw = [math.exp(v - top) for v in logits]
    total = sum(raw)
    base = 1.0 / len(titles)
    out = {}
    for title, r in zip(titles, raw, strict=True):
        p = (1 - t.shrink) * r / total + t.shrink * base
        out[title] = (1 - model.modesty) * p + model.modesty * base
    return out


def calibrated(likeness: Likeness, model: ConfidenceModel | None = None) -> Likeness:
    """People like you as the heading reads it: each title's share replaced by its calibrated
    chance, so the bars and the heading's "about 6 in 10" say the same (the order stays: the
    calibration never swaps two titles)."""
    if not likeness.answered:
        return likeness
    shares = {t.title: t.share for t in likeness.titles}
    said = chances(shares, list(TITLE_ROLE), len(likeness.answered), model or load_confidence())
    titles = [replace(t, share=said.get(t.title, t.share)) for t in likeness.titles]
    return replace(likeness, titles=sorted(titles, key=lambda t: -t.share))
