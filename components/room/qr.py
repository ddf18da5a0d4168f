"""Links into a room (join, present, host) and the QR code people scan to join.

The app's public address comes from `SKILLS_MAP_PUBLIC_URL` when set (behind a proxy or when the
facilitator's own address is `localhost`, which phones cannot reach), otherwise from the address
in the facilitator's browser (`st.context.url`). Without either, links are relative: they still
work when clicked, but a QR code needs an absolute address, so none is drawn.
"""

from __future__ import annotations

import io
from urllib.parse import urlencode, urlsplit

import segno
import streamlit as st

from roles.caching import memoize
from roles.i18n import DEFAULT_LANG, Lang
from roles.settings import env_name, settings
from serving.join_html import PATH as JOIN_PATH

PUBLIC_URL_ENV = env_name("public_url")  # named in tests; read through settings
_LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}


def app_base_url(page_slug: str) -> str | None:
    """The app's root address without a trailing slash, or None when it cannot be known."""
    configured = settings().public_url
    if configured:
        return configured.rstrip("/")
    url = st.context.url
    if not url:
        return None
    # st.context.url is the current page's address: drop the page part to get the app root.
    return url.rstrip("/").removesuffix(f"/{page_slug}")


def is_local(base: str | None) -> bool:
    """True when the address only works on this computer (phones cannot open it)."""
    return base is not None and (urlsplit(base).hostname or "") in _LOCAL_HOSTS


def page_link(base: str | None, page: str, **params: str) -> str:
    """Address of an app page with query parameters; relative when the base is unknown."""
    query = urlencode(params)
    path = f"{base}/{page}" if base else page
    return f"{path}?{query}" if query else path


def join_link(base: str | None, code: str, lang: Lang = DEFAULT_LANG) -> str:
    """What participants open (and what the QR code holds): the light join page, a few KB on
    a hall's Wi-Fi (`serving.join_page`; it links to the Streamlit Join page). A room whose
    projector speaks another language than the default says so, so phones open in the language
    of the screen (each participant can switch on their own phone)."""
    params = {"room": code, **({"lang": lang} if lang != DEFAULT_LANG else {})}
    return page_link(base, JOIN_PATH.lstrip("/"), **params)


def short_address(base: str) -> str:
    """The join page's address as a person types it: no scheme, no query ('maps.org/j')."""
    parts = urlsplit(base)
    host = parts.netloc or parts.path
    return f"{host}{parts.path.rstrip('/') if parts.netloc else ''}{JOIN_PATH}".removeprefix("www.")


@memoize(maxsize=64)
def qr_png(url: str, *, scale: int = 16) -> bytes:
    """A QR code for the address as PNG bytes (crisp: draw it with output_format='PNG')."""
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(
        buffer, kind="png", scale=scale, border=2, dark="#0f172a"
    )
    return buffer.getvalue()
