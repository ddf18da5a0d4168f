"""The light join page as HTML: the form (room code, name, three ratings), notices and result.

Plain HTML and CSS made on the server (see `serving.join_page` for why), in the reader's
language, with the same messages as the Streamlit Join page. Every text a person typed or sent
(a name, a room title, a code) is escaped here; messages are said with their fields escaped.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlencode

import store
from roles.caching import memoize
from roles.catalog import DEFAULT_CATALOG, load_catalog, load_levels
from roles.i18n import LANG_NAMES, LANG_TAGS, Lang, escaping, say, tr
from roles.levels import anchors_around, describe_level
from roles.models import AXES, Profile, axis_label
from roles.share import ShareState, encode_share
from roles.verdict import Assessment, assess
from roles.verdict_text import headline, lead_sentence, ranked_fit
from serving.join_css import CSS, LEVELS, SCRIPT

PATH = "/j"  # the light page's address (short: people type it from the big screen)
FULL_PAGE = "/join"  # the Streamlit Join page, the fallback
_BOLD = re.compile(r"\*\*(.+?)\*\*")


@dataclass(frozen=True)
class Notice:
    """A box above the form: saved (ok), not saved (err) or a warning; `text` is HTML."""

    kind: Literal["ok", "err", "warn"]
    text: str


@dataclass(frozen=True)
class JoinForm:
    """What the page shows in its form: the room, the answers and the tokens sent back."""

    lang: Lang
    chosen: bool  # the person picked the language: it stays in links and the form
    code: str = ""  # as typed, or the room's
    room: store.RoomInfo | None = None  # the opened room: its title shown, its code hidden
    name: str = ""
    scores: dict[str, float] = field(default_factory=lambda: dict.fromkeys(AXES, 5.0))
    form_token: str = ""
    room_pass: str = ""
    device_field: str = ""  # the device token, for a browser that sent no cookie
    has_entry: bool = False


def said_html(message: object, lang: Lang) -> str:
    """A message (a `Msg`, an error's message) as HTML, the text in its fields escaped."""
    with escaping(html.escape):
        return say(message, lang)


def error_notice(exc: store.StoreFault | Exception, lang: Lang, *, context: bool = True) -> Notice:
    """'Not saved: <why>' (a database fault said without its file or server)."""
    if isinstance(exc, store.StoreFault):
        with escaping(html.escape):
            text = exc.public_text(lang)
    else:
        text = said_html(getattr(exc, "message", str(exc)), lang)
    if context:
        text = tr(lang, "{context}: {message}", context=tr(lang, "Not saved"), message=text)
    return Notice("err", text)


def page_url(code: str, lang: Lang | None, path: str = PATH) -> str:
    """The page's address for a room (and a chosen language)."""
    params = {**({"room": code} if code else {}), **({"lang": lang} if lang else {})}
    return f"{path}?{urlencode(params)}" if params else path


def assessment(profile: Profile, lang: Lang) -> Assessment:
    """The heading's assessment for these ratings, in `lang`: ratings alone, so the Me page's
    and the Join page's words ("nearest role on the map", no chance claimed)."""
    return assess({}, load_catalog(DEFAULT_CATALOG, lang), profile=profile)


def _level_text(lang: Lang, axis: str, value: float) -> str:
    text = html.escape(describe_level(load_levels(lang), axis, value), quote=False)
    return _BOLD.sub(r"<b>\1</b>", text)


def _rating(form: JoinForm, axis: str) -> str:
    chosen = min(10, max(0, math.floor(form.scores.get(axis, 5.0) + 0.5)))
    return _rating_html(form.lang, axis, chosen)


@memoize(maxsize=128)
def _rating_html(lang: Lang, axis: str, chosen: int) -> str:
    """One measure's choices and level texts with `chosen` checked (made once: 66 of them)."""
    levels = load_levels(lang)
    choices, texts = [], []
    for n in LEVELS:
        title = html.escape(anchors_around(levels, axis, n)[0].title)
        checked = " checked" if n == chosen else ""
        choices.append(
            f'<label><input type="radio" name="{axis}" value="{n}"{checked}>'
            f'<span class="n" aria-hidden="true">{n}</span>'
            f'<span class="sr">{n} · {title}</span></label>'
        )
        odd = " odd" if n % 2 else ""
        texts.append(f'<p class="lv lv{n}{odd}">{_level_text(lang, axis, n)}</p>')
    low, high = (html.escape(anchors_around(levels, axis, v)[0].title) for v in (0, 10))
    return (
        f"<fieldset><legend>{html.escape(axis_label(axis, lang))}</legend>"
        f'<div class="scale">{"".join(choices)}</div>'
        f'<p class="ends" aria-hidden="true"><span>0 · {low}</span><span>10 · {high}</span></p>'
        f"{''.join(texts)}</fieldset>"
    )


def _hidden(name: str, value: str) -> str:
    return f'<input type="hidden" name="{name}" value="{html.escape(value)}">'


def _room_field(form: JoinForm) -> str:
    lang = form.lang
    if form.room is not None:
        return _hidden("room", form.room.code) + _hidden("pass", form.room_pass)
    kept = _hidden("pass", form.room_pass) if form.room_pass else ""  # valid for its code only
    label, example = html.escape(tr(lang, "Room code")), html.escape(tr(lang, "e.g. K7M Q2P"))
    return kept + (
        f'<label class="f" for="room">{label}</label>'
        f'<input type="text" id="room" name="room" value="{html.escape(form.code)}" required '
        f'maxlength="12" autocomplete="off" autocapitalize="characters" spellcheck="false" '
        f'placeholder="{example}">'
    )


def _form(form: JoinForm) -> str:
    lang = form.lang
    button = tr(lang, "Update my answers") if form.has_entry else tr(lang, "Submit")
    # The room in the form's address too: without script, the answer page's address is then
    # the room's page (a reload sends the same answer again, which changes nothing).
    action = page_url(form.room.code if form.room is not None else "", None)
    name_label = html.escape(tr(lang, "Your name (optional)"))
    anonymous = html.escape(tr(lang, "Leave empty to stay anonymous"))
    hint = html.escape(tr(lang, "Shown on the big screen only if the facilitator turns names on."))
    parts = [
        f'<form method="post" action="{html.escape(action)}">',
        _hidden("csrf", form.form_token),
        _hidden("lang", lang) if form.chosen else "",
        _hidden("t", form.device_field) if form.device_field else "",
        _room_field(form),
        f'<label class="f" for="name">{name_label}</label>',
        f'<input type="text" id="name" name="name" value="{html.escape(form.name)}" '
        f'maxlength="{4 * store.MAX_NAME}" autocomplete="nickname" aria-describedby="name-hint" '
        f'placeholder="{anonymous}">',
        f'<p class="hint" id="name-hint">{hint}</p>',
        *(_rating(form, axis) for axis in AXES),
        f'<button type="submit">{html.escape(button)}</button>',
        "</form>",
    ]
    return "".join(parts)


def _result(profile: Profile, lang: Lang, me_link: str) -> str:
    a = assessment(profile, lang)
    heading = html.escape(headline(a))
    ranked = "".join(f"<li>{html.escape(ranked_fit(f.name, f.fit, lang))}</li>" for f in a.fits)
    link = html.escape(tr(lang, "See your map and what to learn next"))
    return (
        f'<section aria-labelledby="result"><h2 id="result">{heading}</h2>'
        f"<p>{html.escape(lead_sentence(a))}</p><ol>{ranked}</ol>"
        f'<p><a href="{html.escape(me_link)}">{link}</a></p></section>'
    )


def _me_link(profile: Profile, lang: Lang | None) -> str:
    params = encode_share(ShareState(ml=profile.ml, swe=profile.swe, comm=profile.comm))
    return "/?" + urlencode({**params, **({"lang": lang} if lang else {})})


def _heading(form: JoinForm) -> str:
    lang = form.lang
    other: Lang = "en" if lang == "zh" else "zh"
    code = form.room.code if form.room is not None else form.code
    switch = (
        f'<a href="{html.escape(page_url(code, other))}" lang="{LANG_TAGS[other]}" '
        f'hreflang="{LANG_TAGS[other]}">{html.escape(LANG_NAMES[other])}</a>'
    )
    if form.room is None:
        title = html.escape(tr(lang, "Join a room"))
        sub = html.escape(
            tr(lang, "Scan the QR code on the big screen, or type the room code you were given.")
        )
    else:
        title = html.escape(form.room.title)
        spaced = f"{form.room.code[:3]} {form.room.code[3:]}"
        sub = html.escape(tr(lang, "Room {code}", code=spaced))
    return f'<p class="top"><span></span>{switch}</p><h1>{title}</h1><p class="code">{sub}</p>'


def render_page(form: JoinForm, notices: list[Notice], result: Profile | None) -> str:
    """The whole page: heading, notices, the result of the saved answers (if any), the form
    and a link to the full Join page. The result comes before the form so that the page a
    Submit returns shows it without scrolling, under "Saved"."""
    lang = form.lang
    keep = lang if form.chosen else None
    code = form.room.code if form.room is not None else ""
    boxes = "".join(
        f'<div class="note {n.kind}" role="{"status" if n.kind == "ok" else "alert"}">'
        f"{n.text}</div>"
        for n in notices
    )
    full = html.escape(page_url(code, keep, FULL_PAGE))
    full_text = html.escape(tr(lang, "Open the full version of this page"))
    canonical = html.escape(page_url(code, keep))
    title = html.escape(tr(lang, "Join a room") + " · " + tr(lang, "ML Skills Map"))
    return (
        f'<!doctype html><html lang="{LANG_TAGS[lang]}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>{title}</title><link rel="canonical" href="{canonical}">'
        # No icon to fetch: a browser would otherwise ask for /favicon.ico, one more request.
        '<link rel="icon" href="data:,">'
        f"<style>{CSS}</style></head><body><main>"
        f"{_heading(form)}{boxes}"
        f"{_result(result, lang, _me_link(result, keep)) if result is not None else ''}"
        f"{_form(form)}"
        f'<p class="foot"><a href="{full}">{full_text}</a></p>'
        f"</main><script>{SCRIPT}</script></body></html>"
    )
