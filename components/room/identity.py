"""Who is on the other end: this device (from its cookie) and its network address.

The device cookie is set by `serving.device_cookie` on the first page load. Its token is turned
into a participant id with a keyed hash (HMAC), and only that id reaches the store, so neither the
database nor a URL ever holds the token. The key is, in order: `SKILLS_MAP_SECRET`, Streamlit's
`server.cookieSecret` when it is set, else a random key kept in the room store. Servers that
share a database, or one of those settings, give the same device the same id.
"""

from __future__ import annotations

import streamlit as st

import store
from roles.caching import memoize
from roles.settings import env_name, secret_value, settings
from serving.device_cookie import COOKIE, valid_token
from serving.st_internals import cookie_secret_set

ENV_SECRET = env_name("secret")  # named in tests; read through settings
_SESSION_TOKEN = "device_session_token"
LOCAL = "127.0.0.1"


@memoize(maxsize=8)
def _key(explicit: str, database: str) -> bytes:
    """The hash key for this secret setting and database (cached: it is read on every submit)."""
    if explicit:
        return explicit.encode("utf-8")
    return store.device_key()


def hash_key() -> bytes:
    """The key of device hashes (see the module docstring for where it comes from)."""
    explicit = secret_value(settings().secret) or cookie_secret_set() or ""
    return _key(explicit, store.database_url())


def device_token() -> str:
    """This browser's token from its cookie; without one (cookies blocked), one per session."""
    token = st.context.cookies.get(COOKIE)
    if valid_token(token):
        return str(token)
    if not store.is_participant_token(st.session_state.get(_SESSION_TOKEN)):
        st.session_state[_SESSION_TOKEN] = store.new_participant_token()
    return str(st.session_state[_SESSION_TOKEN])


def participant() -> str:
    """This device's participant id in the store: a keyed hash of its token."""
    return store.device_id(device_token(), hash_key())


def client_address() -> str:
    """The client's address as the server saw it (behind a trusted proxy: the forwarded one).

    Streamlit's server (uvicorn) believes `X-Forwarded-For` only from the proxies listed in
    `FORWARDED_ALLOW_IPS` (default: this machine), so a client cannot pick its own address.
    """
    address = st.context.ip_address  # None on localhost
    return address if isinstance(address, str) and address else LOCAL
