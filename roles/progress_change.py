"""How far a person has come: what moved between their first and last saved points, how the fit
to their target role changed, which gaps (and so which learning steps) are closed, and the
whole path said in words for a screen reader and the CLI."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from roles.gaps import gaps
from roles.i18n import N_, Lang, clauses, day, ntr, sentences, tr
from roles.match import match
from roles.models import AXES, Catalog
from roles.progress import ProgressPoint, sorted_points
from roles.verdict_text import headline_words, in_ten

# One sentence per measure: each language names a closed gap its own way.
_CLOSED = {
    "ml": N_("You closed the ML gap toward {role} since {date}."),
    "swe": N_("You closed the software-engineering gap toward {role} since {date}."),
    "comm": N_("You closed the communication gap toward {role} since {date}."),
}


@dataclass(frozen=True)
class Move:
    """One measure from the first point to the last."""

    axis: str
    before: float
    after: float

    @property
    def delta(self) -> float:
        return round(self.after - self.before, 6)  # no float dust: 0.1 + 0.2 shows 0.3


@dataclass(frozen=True)
class ClosedGap:
    """A measure that fell short of the target at the first point and no longer does."""

    axis: str
    steps: tuple[str, ...]  # the learning steps that gap called for, now done


@dataclass(frozen=True)
class ProgressChange:
    """First and last point compared toward the last point's target role."""

    first: ProgressPoint
    last: ProgressPoint
    moves: tuple[Move, ...]
    target: str
    target_name: str
    fit_before: float
    fit_after: float
    closed: tuple[ClosedGap, ...]
    still_short: tuple[str, ...]


def _fit(point: ProgressPoint, catalog: Catalog, role: str) -> float:
    return next(f.fit for f in match(point.profile, catalog) if f.role == role)


def compare(points: Sequence[ProgressPoint], catalog: Catalog) -> ProgressChange | None:
    """The change from the first to the last point (None with fewer than two), toward the last
    point's target, both measured on `catalog` so that one chart edition compares with itself."""
    ordered = sorted_points(points)
    if len(ordered) < 2:
        return None
    first, last = ordered[0], ordered[-1]
    target = last.target
    if target not in catalog.role_ids:  # a role of the other chart edition
        target = match(last.profile, catalog)[0].role
    before, after = gaps(first.profile, catalog, target), gaps(last.profile, catalog, target)
    closed = tuple(
        ClosedGap(axis, tuple(before.steps.get(axis, ())))
        for axis in AXES
        if before.shortfall.get(axis, 0) > 0 and after.shortfall.get(axis, 0) == 0
    )
    return ProgressChange(
        first=first,
        last=last,
        moves=tuple(Move(a, getattr(first, a), getattr(last, a)) for a in AXES),
        target=target,
        target_name=catalog.role(target).name,
        fit_before=round(_fit(first, catalog, target), 1),
        fit_after=round(_fit(last, catalog, target), 1),
        closed=closed,
        still_short=tuple(a for a in AXES if after.shortfall.get(a, 0) > 0),
    )


def move_text(move: Move, lang: Lang) -> str:
    """'+1.5', '−2' or 'no change', as the table's last column says it."""
    if move.delta == 0:
        return tr(lang, "no change")
    sign = "+" if move.delta > 0 else "−"
    return f"{sign}{abs(move.delta):g}"


def closed_sentences(change: ProgressChange, lang: Lang) -> list[str]:
    """'You closed the software-engineering gap toward ML engineer since 03 Mar 2026.'"""
    since = day(change.first.saved_at, lang)
    return [tr(lang, _CLOSED[c.axis], role=change.target_name, date=since) for c in change.closed]


def path_summary(points: Sequence[ProgressPoint], change: ProgressChange | None, lang: Lang) -> str:
    """The whole path in words: every point's date and scores, then what moved and the fit."""
    ordered = sorted_points(points)
    if not ordered:
        return tr(lang, "No saved results yet.")
    each = clauses(
        lang,
        (
            tr(
                lang,
                "{date}: ML {ml:g}, software engineering {swe:g}, communication {comm:g}",
                date=day(p.saved_at, lang),
                ml=p.ml,
                swe=p.swe,
                comm=p.comm,
            )
            for p in ordered
        ),
    )
    lead = ntr(
        lang,
        "{n} saved result: {each}.",
        "{n} saved results, oldest first: {each}.",
        len(ordered),
        n=len(ordered),
        each=each,
    )
    if change is None:
        return lead
    fit = tr(
        lang,
        "Fit to {role}: {before:.0f} then, {after:.0f} now.",
        role=change.target_name,
        before=change.fit_before,
        after=change.fit_after,
    )
    return sentences(lang, lead, fit, *closed_sentences(change, lang))


def point_heading(point: ProgressPoint, catalog: Catalog, lang: Lang) -> str:
    """The heading a saved point showed, with its chance ('Close call: A or B (about 6 in 10)')."""
    names = [catalog.role(r).name if r in catalog.role_ids else r for r in point.roles]
    words = headline_words(point.heading, names, lang)
    if point.confidence is None:
        return words
    return tr(lang, "{heading} ({chance})", heading=words, chance=chance_in_ten(point, lang))


def chance_in_ten(point: ProgressPoint, lang: Lang) -> str:
    """The point's chance as people in ten, as the heading said it ('' without one)."""
    if point.confidence is None:
        return ""
    n = in_ten(point.confidence)
    return tr(lang, "fewer than 1 in 10") if n < 1 else tr(lang, "about {n} in 10", n=n)
