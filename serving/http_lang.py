"""The language of a plain HTTP page: `?lang=` (or the form's), then the browser's languages.

The same order as the Streamlit pages (`components.lang`), where the browser's language comes
from `st.context.locale`; here it is the Accept-Language header, read in the order of its
weights (`zh-CN,zh;q=0.9,en;q=0.8` is Chinese; `fr, en;q=0.5` is English).
"""

from __future__ import annotations

from roles.i18n import DEFAULT_LANG, Lang, parse_lang
from serving.qvalues import weighted


def browser_lang(header: str | None) -> Lang | None:
    """The first of the browser's languages that the product speaks, by weight."""
    items = [(tag, q) for tag, q in weighted(header) if q > 0]
    for tag, _q in sorted(items, key=lambda item: -item[1]):  # stable: ties keep their order
        lang = parse_lang(tag)
        if lang is not None:
            return lang
    return None


def page_lang(chosen: object, accept_language: str | None) -> tuple[Lang, bool]:
    """The page's language and whether the person chose it (a `lang` they sent) rather than
    the browser: a chosen language stays in the page's links and form."""
    lang = parse_lang(chosen)
    if lang is not None:
        return lang, True
    return browser_lang(accept_language) or DEFAULT_LANG, False
