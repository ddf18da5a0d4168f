"""How sure the answer is: a clear best fit, a close call, or no role that fits closely yet.

The page's heading comes from here, so it never claims more than the numbers support:
- no role fits closely when even the best fit lies outside its region (fit below 80);
- a close call when the top two fits are within `CLOSE` points, with the one measure whose
  smallest change would tip it to the runner-up;
- communication "decides" when moving it alone by up to one point changes the best fit, and
  then the page must say so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from roles.i18n import DEFAULT_LANG, N_, Lang, ntr, tr
from roles.match import RoleFit, fit_matrix, match
from roles.models import AXES, Catalog, Profile

CLOSE = 10.0  # fit points between the top two that make a close call
EDGE_FIT = 80.0  # the fit on the edge of a role's region (d = 1)
STEP = 0.5  # the sliders' step: tips are searched in these steps
_COMM_MOVES = (-1.0, -0.5, 0.5, 1.0)
# The measures as a tip names them, mid-sentence.
_TIP_WORDS = {
    "ml": N_("ML expertise"),
    "swe": N_("software engineering"),
    "comm": N_("communication"),
}


@dataclass(frozen=True)
class Tip:
    """Moving one measure by `delta` (in slider steps) makes `role` the best fit."""

    axis: str
    delta: float
    role: str
    name: str
    lang: Lang = DEFAULT_LANG

    def phrase(self) -> str:
        """'1.5 points more software engineering would make it ML engineer'."""
        lang, n = self.lang, abs(self.delta)
        measure = tr(lang, _TIP_WORDS[self.axis])
        if self.delta > 0:
            return ntr(
                lang,
                "{n:g} point more {measure} would make it {name}",
                "{n:g} points more {measure} would make it {name}",
                n,
                measure=measure,
                name=self.name,
            )
        return ntr(
            lang,
            "{n:g} point less {measure} would make it {name}",
            "{n:g} points less {measure} would make it {name}",
            n,
            measure=measure,
            name=self.name,
        )


@dataclass(frozen=True)
class Verdict:
    """The best fit and how much to trust it."""

    kind: Literal["clear", "close_call", "no_close_fit"]
    fits: list[RoleFit]
    tip: Tip | None
    comm_decides: Tip | None
    lang: Lang = DEFAULT_LANG

    @property
    def best(self) -> RoleFit:
        return self.fits[0]

    @property
    def runner_up(self) -> RoleFit | None:
        return self.fits[1] if len(self.fits) > 1 else None

    @property
    def close(self) -> bool:
        second = self.runner_up
        return second is not None and self.best.fit - second.fit < CLOSE

    @property
    def headline(self) -> str:
        best, second, lang = self.best, self.runner_up, self.lang
        if self.kind == "no_close_fit":
            nearest = (
                tr(lang, "{first} or {second}", first=best.name, second=second.name)
                if self.close and second
                else best.name
            )
            return tr(lang, "No role fits closely yet; nearest: {nearest}", nearest=nearest)
        if self.kind == "close_call" and second is not None:
            return tr(lang, "Close call: {first} or {second}", first=best.name, second=second.name)
        return tr(lang, "Best fit: {name}", name=best.name)


def _best_after(profile: Profile, catalog: Catalog, axis: str, deltas: np.ndarray) -> np.ndarray:
    """Best-fit role index for the profile with `axis` moved by each delta (clipped to 0-10)."""
    rows = np.tile([profile.ml, profile.swe, profile.comm], (len(deltas), 1))
    col = AXES.index(axis)
    rows[:, col] = np.clip(rows[:, col] + deltas, 0, 10)
    result: np.ndarray = fit_matrix(rows, catalog).argmax(axis=1)
    return result


# Every move of one measure a tip may suggest, smallest first (a rise before an equal fall).
_TIP_DELTAS = np.array(
    [d for d in sorted(np.arange(-10, 10.01, STEP), key=lambda d: (abs(d), -d)) if d != 0]
)


def tip_toward(profile: Profile, catalog: Catalog, role_id: str) -> Tip | None:
    """The smallest move of a single measure that makes `role_id` the best fit, if any."""
    deltas = _TIP_DELTAS
    target = catalog.role_ids.index(role_id)
    found: list[Tip] = []
    for axis in AXES:
        hits = np.flatnonzero(_best_after(profile, catalog, axis, deltas) == target)
        if hits.size:
            delta = float(deltas[hits[0]])
            found.append(Tip(axis, delta, role_id, catalog.role(role_id).name, catalog.lang))
    return min(found, key=lambda t: abs(t.delta)) if found else None


def comm_decision(profile: Profile, catalog: Catalog, best: str | None = None) -> Tip | None:
    """The role that would be best if communication alone moved by up to a point, if it differs
    from `best` (the profile's best fit; worked out when not given)."""
    best = best or match(profile, catalog)[0].role
    moves = np.array(_COMM_MOVES)
    for delta, idx in zip(moves, _best_after(profile, catalog, "comm", moves), strict=True):
        role = catalog.role_ids[int(idx)]
        if role != best:
            return Tip("comm", float(delta), role, catalog.role(role).name, catalog.lang)
    return None


def verdict(profile: Profile, catalog: Catalog) -> Verdict:
    """The ranked fits with how sure the best one is."""
    fits = match(profile, catalog)
    close = len(fits) > 1 and fits[0].fit - fits[1].fit < CLOSE
    if fits[0].fit < EDGE_FIT:
        kind: Literal["clear", "close_call", "no_close_fit"] = "no_close_fit"
    else:
        kind = "close_call" if close else "clear"
    tip = tip_toward(profile, catalog, fits[1].role) if close else None
    return Verdict(kind, fits, tip, comm_decision(profile, catalog, fits[0].role), catalog.lang)
