"""Who a device is to the store, and the form tokens bound to it (no Streamlit pages here).

A device is known by its cookie's token (`serving.device_cookie`), turned into a participant id
with a keyed hash (HMAC), so neither the database nor a URL ever holds the token. The key is,
in order: `SKILLS_MAP_SECRET`, Streamlit's `server.cookieSecret` when it is set, else a random
key kept in the room store; servers that share a database, or one of those settings, give the
same device the same id. The Streamlit pages (`components.room.identity`) and the light join
page use this one key, so a phone is one participant whichever page it used.

The light page's forms carry two tokens derived from the same key and the device's token:
`form_token` (anti-forgery: a page of another site cannot know it, and it is worthless on
another device) and `room_pass` (this device already opened this room, so its next Submit is
not checked against the code-guessing back-off, as an open Streamlit page is not).
"""

from __future__ import annotations

import hashlib
import hmac

import store
from roles.caching import memoize
from roles.settings import secret_value, settings
from serving.st_internals import cookie_secret_set


@memoize(maxsize=8)
def _key(explicit: str, database: str) -> bytes:
    """The hash key for this secret setting and database (cached: it is read on every submit)."""
    if explicit:
        return explicit.encode("utf-8")
    return store.device_key()


def hash_key() -> bytes:
    """The key of device hashes (see the module docstring for where it comes from)."""
    config = settings()
    explicit = secret_value(config.secret) or cookie_secret_set() or ""
    # Which database, as the cache's key (store.database_url() would create the data folder on
    # every call, and this is asked two or three times a request).
    database = secret_value(config.database_url) or str(config.data_home)
    return _key(explicit, database)


def participant_id(token: str) -> str:
    """A device token's participant id in the store."""
    return store.device_id(token, hash_key())


def _mac(purpose: str, *parts: str) -> str:
    message = "\x1f".join((purpose, *parts)).encode("utf-8")
    return hmac.new(hash_key(), message, hashlib.sha256).hexdigest()[:32]


def form_token(token: str) -> str:
    """The anti-forgery token of this device's forms."""
    return _mac("form", token)


def room_pass(token: str, code: str) -> str:
    """Proof, in a form, that this device opened room `code` (see the module docstring)."""
    return _mac("room", token, code)


def matches(expected: str, given: object) -> bool:
    """True if a token sent back equals the expected one (in constant time)."""
    return isinstance(given, str) and hmac.compare_digest(expected, given)
