"""How well a profile fits each role, for one person (`match`) or many at once (`match_many`).

The fit is published in the About page and the README, so people can check it:

    d² = ((ml - centre_ml) / ml_extent)² + ((swe - centre_swe) / swe_extent)²
         + (max(0, comm_bar - comm) / comm_tolerance)²
    fit = 100 · exp(-d² / (2 · 1.5²))

A profile at a role's centre that meets its communication bar scores 100; on the edge of the
region (d = 1) it scores 80; two extents away, 41; three, 14. Communication counts only when it
falls short, because a higher bar than the role needs is never a drawback.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from roles.caching import by_identity, memoize
from roles.i18n import DEFAULT_LANG, N_, Lang, clauses, listing, tr
from roles.models import Catalog, Profile, Role

# How fast the fit falls with distance, in extents: 1.5 keeps the region's edge at a fit of 80.
SPREAD = 1.5
# An axis within this share of the extent from the centre is not worth mentioning in a reason.
_NEAR = 0.5
# Shortfalls below this are rounding noise.
_NOISE = 0.05


class RoleFit(BaseModel):
    """One role's fit for one profile."""

    model_config = ConfigDict(frozen=True)

    role: str
    name: str
    fit: float = Field(ge=0, le=100)
    reason: str


def _role_arrays(catalog: Catalog) -> dict[str, np.ndarray]:
    """The regions as arrays, built once per catalog (models are frozen): the Me page asks for
    fits about ten times a run."""
    return _arrays_of(catalog)[1]


# Keyed by the catalog's identity (hashing a whole catalog costs more than the arrays); the
# catalog is kept beside its arrays, so its id cannot be reused while they are cached.
@memoize(maxsize=32, key=by_identity)
def _arrays_of(catalog: Catalog) -> tuple[Catalog, dict[str, np.ndarray]]:
    arrays = _build_role_arrays(catalog)
    for a in arrays.values():
        a.flags.writeable = False  # shared by every session: nobody may change them in place
    return catalog, arrays


def _build_role_arrays(catalog: Catalog) -> dict[str, np.ndarray]:
    regions = [r.region for r in catalog.roles]
    return {
        "cx": np.array([g.ml for g in regions]),
        "cy": np.array([g.swe for g in regions]),
        "rx": np.array([g.ml_extent for g in regions]),
        "ry": np.array([g.swe_extent for g in regions]),
        "bar": np.array([r.comm for r in catalog.roles]),
    }


def fit_matrix(scores: np.ndarray, catalog: Catalog) -> np.ndarray:
    """Fits (0-100) for an (n, 3) array of [ml, swe, comm] rows against every role: (n, roles)."""
    a = _role_arrays(catalog)
    s = np.asarray(scores, dtype=float).reshape(-1, 3)
    ux = (s[:, [0]] - a["cx"]) / a["rx"]
    uy = (s[:, [1]] - a["cy"]) / a["ry"]
    uc = np.maximum(0.0, a["bar"] - s[:, [2]]) / catalog.comm_tolerance
    fits: np.ndarray = 100.0 * np.exp(-(ux * ux + uy * uy + uc * uc) / (2 * SPREAD**2))
    return fits


def _ranking(fits: np.ndarray) -> np.ndarray:
    # Stable sort on the negated fit keeps catalog order for ties, so results are deterministic.
    return np.argsort(-fits, kind="stable")


def above_typical(profile: Profile, role: Role) -> dict[str, float]:
    """How far above the region's centre the profile sits, on the axes where that is worth saying.

    Being above is never a gap to close, but it does move a profile away from the centre and
    so lowers the fit; the reason and the gap panel both explain it with these numbers.
    """
    g = role.region
    out = {}
    for axis, value, centre, extent in (
        ("ml", profile.ml, g.ml, g.ml_extent),
        ("swe", profile.swe, g.swe, g.swe_extent),
    ):
        if value - centre > _NEAR * extent:
            out[axis] = value - centre
    return out


# The measures as a reason names them, mid-sentence.
_REASON_WORDS = {"ml": N_("ML"), "swe": N_("software engineering")}


def reason(profile: Profile, role: Role, *, lang: Lang = DEFAULT_LANG) -> str:
    """One line that says why the fit is what it is, over-qualification included."""
    g = role.region
    d = math.hypot((profile.ml - g.ml) / g.ml_extent, (profile.swe - g.swe) / g.swe_extent)
    labels = {"ml": (g.ml, g.ml_extent), "swe": (g.swe, g.swe_extent)}
    values = profile.as_dict()
    parts = [
        tr(
            lang,
            "{measure} {gap:.1f} below typical ({typical:.1f})",
            measure=tr(lang, _REASON_WORDS[axis]),
            gap=centre - values[axis],
            typical=centre,
        )
        for axis, (centre, extent) in labels.items()
        if centre - values[axis] > _NEAR * extent
    ]
    short = role.comm - profile.comm
    if short > _NOISE:
        parts.append(
            tr(lang, "communication {gap:.1f} under the bar ({bar:.1f})", gap=short, bar=role.comm)
        )
    above = above_typical(profile, role)
    if above:
        said = listing(
            lang,
            [
                tr(
                    lang,
                    "{measure} {over:.1f} above typical ({typical:.1f})",
                    measure=tr(lang, _REASON_WORDS[a]),
                    over=v,
                    typical=labels[a][0],
                )
                for a, v in above.items()
            ],
            conjunction=True,
        )
        # Over-qualification lowers the fit; say so, or "no gap" next to a low fit reads wrong.
        parts.append(
            tr(
                lang,
                "{above}: more than the role uses, which lowers the fit but is no gap",
                above=said,
            )
        )
    if not parts:
        if d <= 1:
            return tr(
                lang, "Inside the region, close to its centre, and meets the communication bar."
            )
        return tr(lang, "Outside the region, close to its centre, and meets the communication bar.")
    if d <= 1:
        return tr(lang, "Inside the region: {parts}.", parts=clauses(lang, parts))
    return tr(lang, "Outside the region: {parts}.", parts=clauses(lang, parts))


def match(profile: Profile, catalog: Catalog) -> list[RoleFit]:
    """Every role of the catalog ranked by fit for this profile, best first (names and reasons
    in the catalog's language)."""
    fits = fit_matrix(np.array([[profile.ml, profile.swe, profile.comm]]), catalog)[0]
    return [
        RoleFit(
            role=catalog.roles[i].id,
            name=catalog.roles[i].name,
            fit=float(fits[i]),
            reason=reason(profile, catalog.roles[i], lang=catalog.lang),
        )
        for i in _ranking(fits)
    ]


def match_many(
    profiles: pd.DataFrame | np.ndarray | Sequence[Sequence[float]], catalog: Catalog
) -> pd.DataFrame:
    """Fits for many profiles at once.

    Takes a DataFrame with columns ml, swe, comm (or an (n, 3) array) and returns a DataFrame with
    the same index, one fit column per role id, plus `best_role` and `best_fit`.
    """
    if isinstance(profiles, pd.DataFrame):
        index = profiles.index
        scores = profiles[["ml", "swe", "comm"]].to_numpy(dtype=float)
    else:
        scores = np.asarray(profiles, dtype=float).reshape(-1, 3)
        index = pd.RangeIndex(len(scores))
    fits = fit_matrix(scores, catalog)
    out = pd.DataFrame(fits, index=index, columns=catalog.role_ids)
    # argmax returns the first maximum, the same tie rule as `match`.
    best = fits.argmax(axis=1) if len(fits) else np.array([], dtype=int)
    out["best_role"] = np.array(catalog.role_ids, dtype=object)[best]
    out["best_fit"] = fits.max(axis=1) if len(fits) else np.array([], dtype=float)
    return out
