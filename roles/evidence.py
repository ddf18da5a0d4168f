"""Learning steps from evidence: what people with the target role's title use that you did not pick.

`data/survey_2021_usage.csv` holds, for each of the five survey titles and each option of the
survey questions the questionnaire asks (languages, ML frameworks, computer-vision and NLP
methods, IDEs, work activities), the share of the title who use it and how many times more
often than the other four titles (the lift; `scripts/build_survey_data.py` derives it from the
survey extract's usage table). Steps are the options at least `MIN_SHARE` of the title use and
the other titles use less, most distinguishing (highest lift) first, leaving out what the person
ticked. IDEs are left out: an editor is a habit, not something to learn toward a role.
Source: Kaggle Machine Learning & Data Science Survey 2021, CC BY 2.0.

A title is what people are called, not the lecture's role, and no title is ML DevOps: for that
role there are no steps from evidence, and the note says what the steps rest on instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from roles.caching import memoize
from roles.catalog import data_dir, load_questionnaire
from roles.errors import CatalogError
from roles.i18n import DEFAULT_LANG, N_, Lang, Msg, tr
from roles.questionnaire_models import ManyChoiceItem, ShiftItem
from roles.survey import SOURCE, TITLE_ROLE

USAGE_FILE = "survey_2021_usage.csv"
MIN_SHARE = 0.15  # as the survey extract's "top items": at least this share of the title uses it
STEPS = 5
# "73% of data engineers", per title.
PEOPLE = {
    "Data Scientist": N_("{share} of data scientists"),
    "Research Scientist": N_("{share} of research scientists"),
    "Machine Learning Engineer": N_("{share} of machine learning engineers"),
    "Data Engineer": N_("{share} of data engineers"),
    "Product Manager": N_("{share} of product managers"),
}
# How each question's use is said, after "73% of data engineers".
USE = {
    "languages": N_("{people} use {option} regularly"),
    "ml_frameworks": N_("{people} use {option} regularly"),
    "cv_methods": N_("{people} use {option} regularly"),
    "nlp_methods": N_("{people} use {option} regularly"),
    "work_activities": N_("{people} say “{option}” is an important part of their work"),
}
ROLE_TITLE = {role: title for title, role in TITLE_ROLE.items()}


@dataclass(frozen=True)
class EvidenceStep:
    """One option people with the title use that the person did not pick."""

    question: str
    option: str
    label: str  # the option as the questionnaire says it, in the reader's language
    share: float  # of the title, 0-1
    others: float  # of the other four titles on average, 0-1
    lift: float  # share / others
    answered: bool  # the person answered the question (and did not pick this)
    text: str


@dataclass(frozen=True)
class Evidence:
    """The steps from evidence toward one role, and what they rest on."""

    role: str
    title: str | None  # the survey title the steps rest on (None: no title is this role)
    steps: list[EvidenceStep]
    note: str
    source: str

    def as_dict(self) -> dict[str, Any]:
        """Plain data for the CLI's JSON and the page's download."""
        return {
            "title": self.title,
            "note": self.note,
            "source": self.source,
            "steps": [
                {
                    "question": s.question,
                    "option": s.option,
                    "share": round(s.share, 3),
                    "others": round(s.others, 3),
                    "lift": round(s.lift, 2),
                    "answered": s.answered,
                    "text": s.text,
                }
                for s in self.steps
            ],
        }


@memoize(maxsize=2)
def load_usage(path: str | None = None) -> pd.DataFrame:
    """The shipped usage shares, checked."""
    source = path or str(data_dir() / USAGE_FILE)
    try:
        frame = pd.read_csv(source, comment="#", dtype={"title": str, "option": str})
        if not set(frame["title"]) <= set(TITLE_ROLE):
            raise ValueError(f"unknown titles {sorted(set(frame['title']) - set(TITLE_ROLE))}")
        frame = frame.astype({"share": float, "others": float, "lift": float})
    except (OSError, KeyError, ValueError) as exc:
        raise CatalogError(source, [Msg("cannot read the usage shares: {why}", why=exc)]) from None
    return frame


@memoize(maxsize=4)
def _labels(lang: Lang) -> dict[tuple[str, str], str]:
    q = load_questionnaire(lang)
    return {
        (item.id, o.id): o.label
        for item in q.items
        if isinstance(item, ManyChoiceItem | ShiftItem)
        for o in item.options
    }


@memoize(maxsize=8)
def _candidates(title: str) -> tuple[tuple[str, str, float, float, float], ...]:
    """(question, option, share, others, lift) the title uses and the others less, most
    distinguishing first: worked out once per title, since the page asks on every rerun."""
    usage = load_usage()
    rows = usage[
        (usage["title"] == title)
        & usage["question"].isin(list(USE))
        & (usage["share"] >= MIN_SHARE)
        & (usage["lift"] > 1)
    ].sort_values(["lift", "share"], ascending=False)
    columns = rows[["question", "option", "share", "others", "lift"]]
    return tuple(
        (str(q), str(o), float(s), float(x), float(lift))
        for q, o, s, x, lift in columns.itertuples(index=False)
    )


def _picked(answers: Mapping[str, Any], question: str) -> set[str] | None:
    given = answers.get(question)
    if not given:
        return None
    return {given} if isinstance(given, str) else set(given)


def evidence(
    answers: Mapping[str, Any], role_id: str, *, lang: Lang = DEFAULT_LANG, limit: int = STEPS
) -> Evidence:
    """What people whose survey title matches `role_id` use that these answers did not pick."""
    title = ROLE_TITLE.get(role_id)
    source = tr(lang, SOURCE)
    if title is None:
        note = tr(
            lang,
            "No survey title is this role, so these steps rest on the lecture's description of "
            "it alone, not on what people with a title use.",
        )
        return Evidence(role_id, None, [], note, source)
    labels = _labels(lang)
    steps = []
    for question, option, share, others, lift in _candidates(title):
        picked = _picked(answers, question)
        if picked is not None and option in picked:
            continue
        label = labels.get((question, option), option)
        percent = format(share, ".0%")
        people = tr(lang, PEOPLE[title], share=percent)
        said = tr(lang, USE[question], people=people, option=label)
        tail = (
            tr(lang, "you did not pick it")
            if picked is not None
            else tr(lang, "you have not answered that question")
        )
        text = tr(lang, "{said}; {tail}", said=said, tail=tail)
        steps.append(
            EvidenceStep(question, option, label, share, others, lift, picked is not None, text)
        )
        if len(steps) == limit:
            break
    note = tr(
        lang,
        "A survey title is what people are called, not the lecture's role: these steps rest on "
        "the respondents called {title}, the survey's nearest title to this role.",
        title=tr(lang, title),
    )
    return Evidence(role_id, title, steps, note, source)
