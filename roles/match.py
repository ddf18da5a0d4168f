"""How well a profile fits each role, for one person (`match`) or many at once (`match_many`).

The fit is published in the About page and docs/fit.md, so people can check it:

    u_ml = (ml - centre_ml) / ml_extent, u_swe = (swe - centre_swe) / swe_extent,
        each set to 0 past the centre in a direction the role is open to (`Role.open`)
    d² = u_ml² + u_swe² + (max(0, comm_bar - comm) / comm_tolerance)²
    fit = 100 · exp(-d² / (2 · 1.5²))

A profile at a role's centre that meets its communication bar scores 100; on the edge of the
region (d = 1) it scores 80; two extents away, 41; three, 14. Communication counts only when it
falls short, because a higher bar than the role needs is never a drawback; in the same way more
of what a role is open to (ML for the researcher, software engineering for ML DevOps) never
lowers its fit. Where a profile stands against a region, in words, is `roles.region`.
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
from roles.region import nearest

# How fast the fit falls with distance, in extents: 1.5 keeps the region's edge at a fit of 80.
SPREAD = 1.5
# Shortfalls below this are rounding noise.
_NOISE = 0.05
# Scores move in half points (the sliders' step, and the questionnaire rounds to it), so a
# distance to a region is said in whole steps, as the path toward a role says it.
SCORE_STEP = 0.5


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
        "open_x": np.array([r.opens("ml") for r in catalog.roles]),
        "open_y": np.array([r.opens("swe") for r in catalog.roles]),
    }


def _open(u: np.ndarray, opens: np.ndarray) -> np.ndarray:
    """Offsets with the side a role is open to counted as nothing (per role column)."""
    return np.where(opens > 0, np.minimum(u, 0.0), np.where(opens < 0, np.maximum(u, 0.0), u))


def region_d2(scores: np.ndarray, catalog: Catalog, *, open_directions: bool = True) -> np.ndarray:
    """Squared distance in extents from each region's centre, (n, roles): at most 1 in the region.

    `open_directions=False` measures against the drawn ellipse alone (where typical people of
    the role are: what a job posting is checked against).
    """
    a = _role_arrays(catalog)
    s = np.asarray(scores, dtype=float).reshape(-1, 3)
    ux = (s[:, [0]] - a["cx"]) / a["rx"]
    uy = (s[:, [1]] - a["cy"]) / a["ry"]
    if open_directions:
        ux, uy = _open(ux, a["open_x"]), _open(uy, a["open_y"])
    d2: np.ndarray = ux * ux + uy * uy
    return d2


def fit_matrix(scores: np.ndarray, catalog: Catalog, *, open_directions: bool = True) -> np.ndarray:
    """Fits (0-100) for an (n, 3) array of [ml, swe, comm] rows against every role: (n, roles)."""
    a = _role_arrays(catalog)
    s = np.asarray(scores, dtype=float).reshape(-1, 3)
    uc = np.maximum(0.0, a["bar"] - s[:, [2]]) / catalog.comm_tolerance
    d2 = region_d2(s, catalog, open_directions=open_directions)
    fits: np.ndarray = 100.0 * np.exp(-(d2 + uc * uc) / (2 * SPREAD**2))
    return fits


def _ranking(fits: np.ndarray) -> np.ndarray:
    # Stable sort on the negated fit keeps catalog order for ties, so results are deterministic.
    return np.argsort(-fits, kind="stable")


def to_steps(raw: float, step: float = SCORE_STEP) -> float:
    """A distance rounded to the nearest whole step; under one step it is 0 (within reach)."""
    if raw < step - 1e-9:
        return 0.0
    return math.floor(raw / step + 0.5) * step


def past_region(profile: Profile, role: Role) -> dict[str, float]:
    """How far past the region the profile is, per axis, where the role is not open that way:
    more than the role uses. It lowers the fit, and it is never a gap to close."""
    point = nearest(profile, role)
    values = profile.as_dict()
    out = {}
    for axis, edge in (("ml", point.ml), ("swe", point.swe)):
        over = values[axis] - edge
        if over > _NOISE:
            out[axis] = over
    return out


# The measures as a reason names them, mid-sentence.
_REASON_WORDS = {"ml": N_("ML"), "swe": N_("software engineering")}
# What a role's open direction means, said after "beyond the region".
_OPEN_WORDS = {
    ("ml", 1): N_("more ML never lowers this fit"),
    ("ml", -1): N_("less ML never lowers this fit"),
    ("swe", 1): N_("more software engineering never lowers this fit"),
    ("swe", -1): N_("less software engineering never lowers this fit"),
}


def open_phrase(role: Role, lang: Lang = DEFAULT_LANG, profile: Profile | None = None) -> str:
    """The directions a role is open to, in words ('more ML never lowers this fit'); with a
    profile, only those it is past the region's centre in."""
    said = []
    for o in role.open:
        opens = role.opens(o.axis)
        centre = getattr(role.region, o.axis)
        if profile is None or (getattr(profile, o.axis) - centre) * opens > 0:
            said.append(tr(lang, _OPEN_WORDS[(o.axis, opens)]))
    return clauses(lang, said)


def _distance_parts(profile: Profile, role: Role, lang: Lang) -> list[str]:
    """'ML 1.5 short of it', 'software engineering 2.0 past it ...' for a profile outside."""
    point, values = nearest(profile, role), profile.as_dict()
    parts = []
    for axis, edge in (("ml", point.ml), ("swe", point.swe)):
        short = to_steps(edge - values[axis])
        if short:
            parts.append(
                tr(
                    lang,
                    "{measure} {gap:g} short of it",
                    measure=tr(lang, _REASON_WORDS[axis]),
                    gap=short,
                )
            )
    past = [
        tr(lang, "{measure} {over:.1f}", measure=tr(lang, _REASON_WORDS[axis]), over=over)
        for axis, over in past_region(profile, role).items()
    ]
    if past:
        parts.append(
            tr(
                lang,
                "{measures} past it (more than the role uses: it lowers the fit but is no gap)",
                measures=listing(lang, past, conjunction=True),
            )
        )
    return parts


def comm_part(profile: Profile, role: Role, lang: Lang) -> str:
    """'communication 1.5 under the bar (7.0)', or '' when the profile meets the bar."""
    short = role.comm - profile.comm
    if short > _NOISE:
        return tr(
            lang, "communication {gap:.1f} under the bar ({bar:.1f})", gap=short, bar=role.comm
        )
    return ""


def reason(profile: Profile, role: Role, *, lang: Lang = DEFAULT_LANG) -> str:
    """One line that says where the profile stands against the role's region and its bar, in
    the words every screen uses (inside, beyond in an open direction, outside)."""
    place = nearest(profile, role).place
    comm = comm_part(profile, role, lang)
    if place == "outside":
        parts = _distance_parts(profile, role, lang)
        if not parts:
            parts = [tr(lang, "less than one slider step from it")]
        return tr(
            lang,
            "Outside the region: {parts}.",
            parts=clauses(lang, [*parts, comm] if comm else parts),
        )
    if place == "beyond":
        where = tr(
            lang,
            "Beyond the region in its open direction ({open})",
            open=open_phrase(role, lang, profile),
        )
    else:
        where = tr(lang, "Inside the region")
    if comm:
        return tr(lang, "{where}; {comm}.", where=where, comm=comm)
    return tr(lang, "{where}, and meets the communication bar.", where=where)


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
