"""Who is on the other end: this device (from its cookie) and its network address.

The device cookie is set by `serving.device_cookie` on the first page load. Its token is turned
into a participant id with a keyed hash (HMAC, `serving.participant.hash_key`: the light join
page uses the same), and only that id reaches the store, so neither the database nor a URL ever
holds the token.
"""

from __future__ import annotations

import streamlit as st

import store
from roles.settings import env_name
from serving.device_cookie import COOKIE, valid_token
from serving.participant import hash_key

ENV_SECRET = env_name("secret")  # named in tests; read through settings
_SESSION_TOKEN = "device_session_token"
LOCAL = "127.0.0.1"


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
