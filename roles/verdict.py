"""The heading: which role(s) to name and how sure to be, from the map and the survey evidence.

`assess(answers, catalog, profile=...)` returns an `Assessment`:

- `kind`: **one** role (its chance is at least the fitted `one_role_at` and the map agrees: the
  person is in its region, or it is the map's best fit), a **close call** between two (their
  chance together is at least `two_roles_at`), **unsure** (two named, together less likely
  than that), or **no_evidence** (no survey question answered: the map's nearest role, and no
  chance claimed);
- `roles`: the role ids the heading names, best first;
- `confidence`: the chance (0-1) that the person's role is among `roles`, for a population in
  which the survey's titles are equally common. It comes from one evidence source only, People
  like you, calibrated by `roles.confidence`; the map decides which roles are named with it.

How the two are honoured: the evidence ranks the roles; a single role is named only where the
map agrees (`map_agrees`: the person is in its region, or it is the map's best fit; the words
under the heading still say where on the map the person stands); otherwise the map's nearest
role is named beside the evidence's first (so the heading never drops what the map shows), and
a measure nobody has answered never decides which (`undecided_by`). The words are in
`roles.verdict_text`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

import numpy as np

from roles.catalog import load_questionnaire
from roles.confidence import ConfidenceModel, chances, load_confidence
from roles.i18n import DEFAULT_LANG, N_, Lang, ntr, tr
from roles.match import RoleFit, fit_matrix, match
from roles.models import AXES, Catalog, Profile
from roles.questionnaire import Answers, score_detail
from roles.region import Place, placement
from roles.survey import TITLE_ROLE, Likeness, people_like_you_detail

Kind = Literal["one", "close_call", "unsure", "no_evidence"]
CLOSE = 10.0  # fit points between the map's top two that make them nearly as close
EDGE_FIT = 80.0  # the fit on the edge of a role's region, meeting its communication bar
STEP = 0.5  # the sliders' step: tips are searched in these steps
_COMM_MOVES = (-1.0, -0.5, 0.5, 1.0)
_SWEEP = np.arange(0.0, 10.01, STEP)
# The measures as a sentence names them, mid-sentence.
MEASURE_WORDS = {
    "ml": N_("ML expertise"),
    "swe": N_("software engineering"),
    "comm": N_("communication"),
}


@dataclass(frozen=True)
class Tip:
    """Moving one measure by `delta` (in slider steps) makes `role` the map's best fit."""

    axis: str
    delta: float
    role: str
    name: str
    lang: Lang = DEFAULT_LANG

    def phrase(self) -> str:
        """'1.5 points more software engineering would make it ML engineer'."""
        lang, n = self.lang, abs(self.delta)
        measure = tr(lang, MEASURE_WORDS[self.axis])
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
class Assessment:
    """What the heading says, and everything the words under it need."""

    kind: Kind
    roles: tuple[str, ...]
    confidence: float | None
    profile: Profile  # where the map shows the person
    fits: list[RoleFit]  # the map's ranking, best fit first
    places: dict[str, Place]  # where the person stands against each role's region
    chances: dict[str, float] = field(default_factory=dict)  # role id -> chance (titled roles)
    map_role: str | None = None  # the map's best fit, unless an unmeasured measure decides it
    undecided_by: str | None = None  # the unmeasured measure that would decide the map's role
    unmeasured: tuple[str, ...] = ()
    answered: int = 0  # survey questions the evidence rests on
    likeness: Likeness | None = None
    tip: Tip | None = None  # no evidence: what would make the map's runner-up the best fit
    comm_decides: Tip | None = None  # no evidence: communication alone tips the map's best
    names: dict[str, str] = field(default_factory=dict)
    lang: Lang = DEFAULT_LANG

    @property
    def best(self) -> RoleFit:
        """The map's best fit."""
        return self.fits[0]

    def name(self, role_id: str) -> str:
        return self.names[role_id]


def _best_after(profile: Profile, catalog: Catalog, axis: str, values: np.ndarray) -> np.ndarray:
    """Best-fit role index for the profile with `axis` set to each value (clipped to 0-10)."""
    rows = np.tile([profile.ml, profile.swe, profile.comm], (len(values), 1))
    rows[:, AXES.index(axis)] = np.clip(values, 0, 10)
    result: np.ndarray = fit_matrix(rows, catalog).argmax(axis=1)
    return result


# Every move of one measure a tip may suggest, smallest first (a rise before an equal fall).
_TIP_DELTAS = np.array(
    [d for d in sorted(np.arange(-10, 10.01, STEP), key=lambda d: (abs(d), -d)) if d != 0]
)


def tip_toward(
    profile: Profile, catalog: Catalog, role_id: str, *, skip: Collection[str] = ()
) -> Tip | None:
    """The smallest move of a single measure (not one in `skip`) that makes `role_id` the best
    fit, if any."""
    target = catalog.role_ids.index(role_id)
    found: list[Tip] = []
    for axis in (a for a in AXES if a not in skip):
        value = getattr(profile, axis)
        hits = np.flatnonzero(_best_after(profile, catalog, axis, value + _TIP_DELTAS) == target)
        if hits.size:
            delta = float(_TIP_DELTAS[hits[0]])
            found.append(Tip(axis, delta, role_id, catalog.role(role_id).name, catalog.lang))
    return min(found, key=lambda t: abs(t.delta)) if found else None


def comm_decision(profile: Profile, catalog: Catalog, best: str | None = None) -> Tip | None:
    """The role that would be best if communication alone moved by up to a point, if it differs
    from `best` (the profile's best fit; worked out when not given)."""
    best = best or match(profile, catalog)[0].role
    moves = np.array(_COMM_MOVES)
    found = _best_after(profile, catalog, "comm", profile.comm + moves)
    for delta, idx in zip(moves, found, strict=True):
        role = catalog.role_ids[int(idx)]
        if role != best:
            return Tip("comm", float(delta), role, catalog.role(role).name, catalog.lang)
    return None


def deciding_axis(profile: Profile, catalog: Catalog, unmeasured: Collection[str]) -> str | None:
    """The first unmeasured measure that, set anywhere from 0 to 10, changes the best fit."""
    for axis in (a for a in AXES if a in unmeasured):
        if len(set(_best_after(profile, catalog, axis, _SWEEP).tolist())) > 1:
            return axis
    return None


def _role_chances(
    likeness: Likeness, answered: int, catalog: Catalog, model: ConfidenceModel
) -> dict[str, float]:
    """Role id -> calibrated chance, for the roles of the catalog that have a survey title."""
    shares = {t.title: t.share for t in likeness.titles}
    by_title = chances(shares, list(TITLE_ROLE), answered, model)
    return {TITLE_ROLE[t]: p for t, p in by_title.items() if TITLE_ROLE[t] in catalog.role_ids}


def map_reading(profile: Profile, catalog: Catalog, unmeasured: Collection[str] = ()) -> Assessment:
    """What the map alone says (a `no_evidence` assessment): its ranking, where the person
    stands against every region, and the role it names unless an unmeasured measure decides."""
    fits = match(profile, catalog)
    undecided = deciding_axis(profile, catalog, unmeasured)
    return Assessment(
        kind="no_evidence",
        roles=(fits[0].role,),
        confidence=None,
        profile=profile,
        fits=fits,
        places={r.id: placement(profile, r) for r in catalog.roles},
        map_role=None if undecided else fits[0].role,
        undecided_by=undecided,
        unmeasured=tuple(a for a in AXES if a in unmeasured),
        names={r.id: r.name for r in catalog.roles},
        lang=catalog.lang,
    )


def map_agrees(base: Assessment, role_id: str) -> bool:
    """The map backs naming `role_id` alone: the person is in its region (inside it or beyond
    it in its open direction), or it is the map's best fit, on measures that were measured."""
    if {"ml", "swe"} & set(base.unmeasured):
        return False  # where the person stands is not known
    return base.places[role_id] != "outside" or base.map_role == role_id


def decide(
    profile: Profile,
    catalog: Catalog,
    *,
    likeness: Likeness | None,
    unmeasured: Collection[str] = (),
    model: ConfidenceModel | None = None,
    reading: Assessment | None = None,
) -> Assessment:
    """The heading for a profile on the map and the People like you evidence (None: none).
    `reading` is `map_reading(profile, catalog, unmeasured)` when already made."""
    base = reading or map_reading(profile, catalog, unmeasured)
    fits = base.fits
    answered = len(likeness.answered) if likeness is not None else 0
    if likeness is None or answered == 0:
        close = len(fits) > 1 and fits[0].fit - fits[1].fit < CLOSE
        return replace(
            base,
            tip=tip_toward(profile, catalog, fits[1].role, skip=unmeasured) if close else None,
            comm_decides=None
            if "comm" in unmeasured
            else comm_decision(profile, catalog, fits[0].role),
        )
    model = model or load_confidence()
    chance = _role_chances(likeness, answered, catalog, model)
    order = {f.role: i for i, f in enumerate(fits)}
    ranked = sorted(chance, key=lambda r: (-chance[r], order[r]))
    first = ranked[0]
    found = replace(base, chances=chance, answered=answered, likeness=likeness)
    if chance[first] >= model.one_role_at and map_agrees(base, first):
        return replace(found, kind="one", roles=(first,), confidence=chance[first])
    second = base.map_role if base.map_role not in (None, first) else ranked[1]
    assert second is not None
    pair = tuple(sorted((first, second), key=lambda r: (-chance.get(r, 0.0), order[r])))
    together = chance[first] + chance.get(second, 0.0)
    kind: Kind = "close_call" if together >= model.two_roles_at else "unsure"
    return replace(found, kind=kind, roles=pair, confidence=together)


def assess(
    answers: Answers,
    catalog: Catalog,
    *,
    profile: Profile | None = None,
    unmeasured: Collection[str] | None = None,
) -> Assessment:
    """The heading for questionnaire answers (`{}` for sliders only) and, when given, the
    profile the map shows (the sliders, which the person may have moved since answering).

    `unmeasured`: measures no answer speaks to; by default those the answers leave unscored
    (none when there are no answers: the person set every slider).
    """
    detail = score_detail(load_questionnaire(catalog.lang), answers) if answers else None
    if unmeasured is None:
        unmeasured = detail.unscored if detail is not None else ()
    shown = profile or (detail.profile if detail is not None else Profile(ml=5, swe=5, comm=5))
    likeness = people_like_you_detail(answers, lang=catalog.lang) if answers else None
    return decide(shown, catalog, likeness=likeness, unmeasured=unmeasured)


def survey_chances(assessment: Assessment) -> Mapping[str, float]:
    """Role id -> chance, best first (empty without evidence)."""
    return dict(sorted(assessment.chances.items(), key=lambda kv: -kv[1]))
