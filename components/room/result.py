"""A participant's own result on the Join page: light enough for a hall of phones at once.

The best fit and the ranking are text (a few milliseconds); the full result (the map with the
person's bubble, the gaps and the learning steps) is one tap away on *My skills map*, whose
address holds the scores. Drawing a personal map for every Submit was the largest part of a
Join run, and a phone's screen is better spent on the form.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from components.lang import _, with_lang
from roles.errors import SkillsMapError
from roles.models import Catalog, Profile
from roles.share import ShareState, encode_share
from roles.verdict import Assessment, assess
from roles.verdict_text import headline, lead_sentence, ranked_fit


def render_join_result(
    profile: Profile, catalog: Catalog, answers: Mapping[str, object] | None = None
) -> None:
    """The heading with its reason, every role's fit, and a link to the full result; with the
    questionnaire's `answers`, the heading rests on them as My skills map's does."""
    a = _assessment(profile, catalog, answers)
    # The same heading as My skills map: ratings alone claim no chance, and say so.
    st.markdown(f"### {headline(a)}")
    st.markdown(lead_sentence(a))
    # Fits as the Me page's table says them ("fit 82 of 100"), not as percentages: a fit is
    # nearness on the map, not a chance.
    lines = (f"{i}. {ranked_fit(f.name, f.fit, catalog.lang)}" for i, f in enumerate(a.fits, 1))
    st.markdown("\n".join(lines))
    scores = encode_share(ShareState(ml=profile.ml, swe=profile.swe, comm=profile.comm))
    st.page_link(
        "views/me.py",
        label=_("See your map and what to learn next"),
        icon=":material/explore:",
        query_params=with_lang(scores),  # My skills map opens on them, in this language
    )


def _assessment(
    profile: Profile, catalog: Catalog, answers: Mapping[str, object] | None
) -> Assessment:
    if not answers:
        return assess({}, catalog, profile=profile)
    try:
        return assess(answers, catalog, profile=profile)  # type: ignore[arg-type]
    except SkillsMapError:
        # Answers saved by an older version of the questionnaire: the scores still stand.
        return assess({}, catalog, profile=profile)
