"""The heading in words, for the page, the CLI and the download alike (one vocabulary).

Where a person stands is said with `roles.region`'s three words only: inside a role's region,
beyond it in its open direction, or outside it. A chance is said as people in ten, for the
survey's population with every title equally common.
"""

from __future__ import annotations

import math

from roles.i18n import N_, Lang, listing, ntr, sentences, tr
from roles.match import comm_part, open_phrase
from roles.models import Catalog, axis_label
from roles.survey import TITLE_ROLE, title_name
from roles.verdict import MEASURE_WORDS, Assessment

_HEADLINES = {
    "one": N_("Best fit: {first}"),
    "close_call": N_("Close call: {first} or {second}"),
    "unsure": N_("No role stands out yet: {first} or {second}"),
    "no_evidence": N_("Nearest role on the map: {first}"),
}
_TITLE_OF = {role: title for title, role in TITLE_ROLE.items()}


def headline(a: Assessment) -> str:
    """The heading: the role(s) named, no more firmly than the evidence allows."""
    return headline_words(a.kind, [a.name(r) for r in a.roles], a.lang)


def headline_words(kind: str, names: list[str], lang: Lang) -> str:
    """The heading of this kind naming these roles (a saved result's heading, read again)."""
    second = names[1] if len(names) > 1 else ""
    return tr(lang, _HEADLINES[kind], first=names[0] if names else "", second=second)


def tip_sentence(phrase: str, lang: Lang) -> str:
    """A tip as a sentence of its own ('1 point more ... would make it X.')."""
    end = "。" if lang == "zh" else "."
    return phrase[:1].upper() + phrase[1:] + end


def lead_sentence(a: Assessment) -> str:
    """The sentence under a short result's heading: the chance, else the tip that would change
    the best fit, else why the map puts the person there."""
    if a.confidence is not None:
        return chance_sentence(a)
    return tip_sentence(a.tip.phrase(), a.lang) if a.tip else a.best.reason


def ranked_fit(name: str, fit: float, lang: Lang) -> str:
    """One line of the ranked fits, in the words the Me page's table uses ('fit 82 of 100')."""
    return tr(lang, "{role}: fit {fit:.0f} of 100", role=name, fit=fit)


def in_ten(chance: float) -> int:
    """A chance as people in ten (halves round up)."""
    return math.floor(chance * 10 + 0.5)


def chance_words(a: Assessment) -> str:
    """'about 6 in 10' for the heading's chance ('' without evidence)."""
    if a.confidence is None:
        return ""
    n = in_ten(a.confidence)
    if n == 0:
        return tr(a.lang, "fewer than 1 in 10")
    return tr(a.lang, "about {n} in 10", n=n)


def chance_sentence(a: Assessment) -> str:
    """How many people who answer like the person do the named job(s), and for which people."""
    lang = a.lang
    if a.confidence is None:
        return tr(
            lang,
            "This rests on your own ratings alone, so no chance is claimed.",
        )
    words = chance_words(a)
    if a.kind == "one":
        said = tr(lang, "{chance} people who answer like you do this job.", chance=words)
    else:
        said = tr(
            lang, "{chance} people who answer like you do one of these two jobs.", chance=words
        )
    said = said[:1].upper() + said[1:]
    untitled = [r for r in a.roles if r not in a.chances]
    if untitled:
        said = sentences(
            lang,
            said,
            tr(
                lang,
                "The survey has no {role} title, so that counts {other} alone.",
                role=a.name(untitled[0]),
                other=a.name(next(r for r in a.roles if r != untitled[0])),
            ),
        )
    who = tr(
        lang,
        "(Respondents of the 2021 Kaggle survey, every title counted as equally common.)",
    )
    return sentences(lang, said, who)


def place_phrase(a: Assessment, role_id: str, catalog: Catalog) -> str:
    """'inside the ML engineer region', 'beyond the … region in its open direction (…)'."""
    name, lang = a.name(role_id), a.lang
    place = a.places[role_id]
    if place == "inside":
        return tr(lang, "inside the {role} region", role=name)
    if place == "beyond":
        return tr(
            lang,
            "beyond the {role} region in its open direction ({open})",
            role=name,
            open=open_phrase(catalog.role(role_id), lang, a.profile),
        )
    return tr(lang, "outside the {role} region", role=name)


def map_sentence(a: Assessment, catalog: Catalog) -> str:
    """Where the person stands against the named roles' regions, and the map's best fit."""
    lang = a.lang
    phrases = [place_phrase(a, r, catalog) for r in a.roles]
    said = tr(lang, "On the map you are {where}.", where=listing(lang, phrases, conjunction=True))
    if a.kind == "no_evidence":
        short = comm_part(a.profile, catalog.role(a.best.role), lang)
        fit = (
            tr(lang, "Fit {fit:.0f} of 100: {comm}.", fit=a.best.fit, comm=short)
            if short
            else tr(lang, "Fit {fit:.0f} of 100.", fit=a.best.fit)
        )
        if all(p == "outside" for p in a.places.values()):
            said = tr(lang, "On the map you are outside every region; this one is the nearest.")
        others = [r for r, p in a.places.items() if p != "outside" and r not in a.roles]
        also = [place_phrase(a, r, catalog) for r in others]
        more = tr(lang, "You are also {where}.", where=listing(lang, also, conjunction=True))
        return sentences(lang, said, fit, more if also else "")
    if a.map_role is not None and a.map_role not in a.roles:
        said = sentences(
            lang,
            said,
            tr(
                lang,
                "The map's best fit is {role} ({where}).",
                role=a.name(a.map_role),
                where=place_phrase(a, a.map_role, catalog),
            ),
        )
    return said


def disagreement(a: Assessment) -> str:
    """Why the map and People like you differ, when they do ('' when they agree)."""
    lang, first = a.lang, a.roles[0]
    if a.kind == "no_evidence" or a.map_role is None or a.map_role == first:
        return ""
    if a.map_role not in _TITLE_OF:
        return tr(
            lang,
            "The map puts you nearest {role}, which the survey cannot count: it has no {role} "
            "title, so people who answer like you are counted under the titles they hold.",
            role=a.name(a.map_role),
        )
    return tr(
        lang,
        "The map puts you nearest {role}, while people who answer like you are more often "
        "called {title}: a job title is what people are called, not the lecture's role, and "
        "the map also reads your other answers.",
        role=a.name(a.map_role),
        title=title_name(_TITLE_OF[first], lang),
    )


def unmeasured_sentence(a: Assessment) -> str:
    """Which measures no answer speaks to, and that they decide nothing ('' when none)."""
    if not a.unmeasured:
        return ""
    lang = a.lang
    names = listing(lang, [axis_label(x, lang) for x in a.unmeasured], conjunction=True)
    said = ntr(
        lang,
        "{measures} is not measured yet: none of your answers speaks to it, so it stays where "
        "its slider is and decides nothing here.",
        "{measures} are not measured yet: none of your answers speaks to them, so they stay "
        "where their sliders are and decide nothing here.",
        len(a.unmeasured),
        measures=names,
    )
    if a.undecided_by is not None:
        said = sentences(
            lang,
            said,
            tr(
                lang,
                "On the map {measure} would decide the nearest role, so the heading rests on "
                "your survey answers.",
                measure=tr(lang, MEASURE_WORDS[a.undecided_by]),
            ),
        )
    return said


def heading_lines(a: Assessment, catalog: Catalog) -> list[str]:
    """Everything said under the heading, in order (empty parts left out)."""
    parts = [
        chance_sentence(a),
        map_sentence(a, catalog),
        disagreement(a),
        unmeasured_sentence(a),
    ]
    return [p for p in parts if p]
