"""Self vs manager: where a member's own rating and their manager's differ the most.

Skills-matrix tools show both ratings side by side because the disagreements are where the
useful conversations are. A gap under one point is within what two careful raters differ by on
a 0-10 scale in half steps, so it is not listed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from roles.i18n import DEFAULT_LANG, N_, Lang, tr
from roles.models import AXES

MIN_GAP = 1.0
PER_MEASURE = 3
# The measures as they read inside a sentence (message ids: `measure_word` says them).
MEASURE_WORDS = {
    "ml": N_("ML expertise"),
    "swe": N_("software engineering"),
    "comm": N_("communication"),
}


def measure_word(axis: str, lang: Lang = DEFAULT_LANG) -> str:
    """A measure as it reads inside a sentence, in `lang`."""
    return tr(lang, MEASURE_WORDS[axis])


@dataclass(frozen=True)
class Disagreement:
    """One member's own score and the manager's on one measure."""

    name: str
    axis: str
    own: float
    manager: float

    @property
    def gap(self) -> float:
        """Manager minus own: negative when the manager rates the member lower."""
        return self.manager - self.own

    def sentence(self, lang: Lang = DEFAULT_LANG) -> str:
        """'Ana rates their software engineering 7, you rate it 4 (3 lower).'"""
        # Two whole messages rather than a direction word: Chinese puts it elsewhere.
        msgid = (
            N_("{name} rates their {measure} {own:g}, you rate it {manager:g} ({gap:g} lower).")
            if self.gap < 0
            else N_(
                "{name} rates their {measure} {own:g}, you rate it {manager:g} ({gap:g} higher)."
            )
        )
        return tr(
            lang,
            msgid,
            name=self.name,
            measure=measure_word(self.axis, lang),
            own=self.own,
            manager=self.manager,
            gap=abs(self.gap),
        )


def _number(value: object) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def pairs(frame: pd.DataFrame) -> list[Disagreement]:
    """Every (member, measure) the manager rated, with both scores (any gap, zero included).

    `frame` has `name`, the member's own `ml`, `swe`, `comm` and the manager's `manager_ml`,
    `manager_swe`, `manager_comm` (missing or NaN where the manager gave none).
    """
    found = []
    for row in frame.to_dict("records"):
        for axis in AXES:
            manager = _number(row.get(f"manager_{axis}"))
            own = _number(row.get(axis))
            if manager is not None and own is not None:
                found.append(Disagreement(str(row["name"]), axis, own, manager))
    return found


def largest(
    frame: pd.DataFrame, *, min_gap: float = MIN_GAP, per_measure: int = PER_MEASURE
) -> dict[str, list[Disagreement]]:
    """Per measure, the largest disagreements (at least `min_gap` apart), largest first."""
    out: dict[str, list[Disagreement]] = {axis: [] for axis in AXES}
    for d in pairs(frame):
        if abs(d.gap) >= min_gap:
            out[d.axis].append(d)
    for axis in AXES:
        out[axis].sort(key=lambda d: (-abs(d.gap), d.name.casefold()))
        del out[axis][per_measure:]
    return out
