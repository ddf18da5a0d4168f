"""Learning steps from evidence on the Me page: what people with the target role's title use."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from components.lang import _, current_lang
from roles.evidence import evidence
from roles.i18n import sentences
from roles.survey import title_name


def evidence_markdown(answers: Mapping[str, Any] | None, role_id: str) -> str:
    """Under the path: the survey's evidence toward `role_id` and what it rests on, as markdown
    drawn in the path's own element (one element less on every rerun)."""
    lang = current_lang()
    found = evidence(answers or {}, role_id, lang=lang)
    source = _("Source: {source}.", source=found.source)
    note = ":small[" + sentences(lang, found.note, source) + "]"
    if found.title is None:
        return note
    heading = _(
        "**From the survey**: what people called {title} use, most distinguishing first",
        title=title_name(found.title, lang),
    )
    return "\n".join([heading, "", *(f"- {s.text}" for s in found.steps), "", note])
