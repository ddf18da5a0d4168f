"""The page's language, from one place: every component asks `current_lang()` or says `_()`.

The language of a session is, in order: `?lang=zh|en` in the address, the switch in the sidebar
(remembered for the session), and the browser's language (`st.context.locale`). Once a person
chose it (address or switch), it stays in the address and in every link the app builds, so a
shared link opens in the language it was made in. A projector shows its room's language
instead (`speaking`).
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlencode

import streamlit as st

from components.text import md_escape
from roles.i18n import (
    DEFAULT_LANG,
    LANG_NAMES,
    LANG_TAGS,
    LANGS,
    Lang,
    escaping,
    ntr,
    parse_lang,
    say,
    tr,
)

LANG_KEY = "lang"  # the language chosen in this session (address or switch)
SWITCH_KEY = "lang_switch"
_SPEAKING = "lang_speaking"  # a page part shown in another language (a room's projector)
# The language this run speaks, worked out once per run: a page asks for it about 50 times a
# run, and each look-up of a missing session key costs Streamlit ~5 µs (a KeyError inside).
_NOW = "lang_now"
_HTML_LANG = """<script>document.documentElement.lang = "{tag}";</script>"""


def current_lang() -> Lang:
    """The language this run speaks."""
    now = st.session_state.get(_NOW)
    return now if now is not None else _settle_lang()


def _settle_lang() -> Lang:
    """Work out the language (a room's, then the chosen one, then the browser's) and keep it
    for `current_lang`; called again whenever one of those changes."""
    for key in (_SPEAKING, LANG_KEY):
        lang = parse_lang(st.session_state.get(key))
        if lang is not None:
            break
    else:
        lang = parse_lang(st.context.locale) or DEFAULT_LANG
    st.session_state[_NOW] = lang
    return lang


def _(msgid: str, /, **fields: object) -> str:
    """`msgid` in the page's language, with `{fields}` filled in."""
    return tr(current_lang(), msgid, **fields)


def ngettext(singular: str, plural: str, n: float, /, **fields: object) -> str:
    """The singular or plural message for `n` in the page's language (`{n}` filled in)."""
    return ntr(current_lang(), singular, plural, n, **fields)


def said(message: object) -> str:
    """A message made elsewhere (an error, an outcome, a file problem) in the page's language,
    as Markdown: the text in its fields (names, codes, file names: what people typed or sent)
    is escaped, so it shows as typed and never as a link or an image."""
    with escaping(md_escape):
        return say(message, current_lang())


def chosen() -> bool:
    """True once the person picked a language (address or switch) in this session."""
    return parse_lang(st.session_state.get(LANG_KEY)) is not None


def lang_params() -> dict[str, str]:
    """`{"lang": ...}` for the links the app builds, when the language was chosen or is not the
    default (an English page reached without choosing keeps its links as they were)."""
    lang = current_lang()
    return {"lang": lang} if chosen() or lang != DEFAULT_LANG else {}


def with_lang(params: dict[str, str]) -> dict[str, str]:
    """Query parameters plus the language, for `st.query_params.from_dict` and links."""
    return {**params, **lang_params()}


def resolve_lang() -> Lang:
    """Read `?lang=` (app.py, at the start of every run) and keep the address saying it."""
    from_url = parse_lang(st.query_params.get("lang"))
    if from_url is not None:
        st.session_state[LANG_KEY] = from_url
    lang = _settle_lang()
    wanted = lang_params().get("lang")
    if wanted and st.query_params.get("lang") != wanted:
        st.query_params["lang"] = wanted
    return lang


def _switch() -> None:
    from components.choices import on_choice  # it says refusals with this module's `_`

    on_choice(SWITCH_KEY, LANGS, _use_lang)


def _use_lang(lang: Lang) -> None:
    st.session_state[LANG_KEY] = lang
    st.query_params["lang"] = lang
    _settle_lang()


def render_lang_switch() -> None:
    """中文 / English, in the sidebar: the label is in both, so anyone finds it."""
    st.session_state[SWITCH_KEY] = current_lang()
    with st.sidebar:
        st.radio(
            "语言 · Language",
            LANGS,
            format_func=LANG_NAMES.__getitem__,
            key=SWITCH_KEY,
            horizontal=True,
            on_change=_switch,
        )


def other_lang_link(params: dict[str, str]) -> str:
    """A link (HTML) to this page in the other language, for pages read on a phone, where the
    sidebar's switch is out of sight. It reloads the page with `params` and the language."""
    other: Lang = "en" if current_lang() == "zh" else "zh"
    href = html.escape("?" + urlencode({**params, "lang": other}))
    name = html.escape(LANG_NAMES[other])
    return f'<a class="sm-lang" href="{href}" lang="{LANG_TAGS[other]}" target="_self">{name}</a>'


def set_document_lang(lang: Lang | None = None) -> None:
    """Say the page's language in `<html lang>` (screen readers, fonts, axe), which Streamlit
    writes as English whatever the page shows."""
    tag = LANG_TAGS[lang or current_lang()]
    st.html(_HTML_LANG.format(tag=tag), unsafe_allow_javascript=True)


@contextmanager
def speaking(lang: Lang) -> Iterator[None]:
    """Draw a part of the page in `lang` (a projector shows its room's language)."""
    before = st.session_state.get(_SPEAKING)
    st.session_state[_SPEAKING] = lang
    _settle_lang()
    try:
        yield
    finally:
        st.session_state[_SPEAKING] = before
        _settle_lang()
