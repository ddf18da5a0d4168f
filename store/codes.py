"""Room codes, facilitator keys and participant tokens.

Codes are for reading off a projector and typing on a phone, so the alphabet leaves out characters
that look alike (0 and O, 1, I and L). Keys and tokens are secrets: only their hashes are
stored, and they are compared in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import unicodedata

from roles.i18n import Joined, Msg
from store.errors import RoomNotFound

# No 0/O, 1/I/L: what a participant reads off the screen is what they type.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
_SEPARATORS = re.compile(r"[\s\-_.]+")
# url-safe base64 of at least 16 random bytes; anything else was not made by this app.
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{22,128}$")


def new_room_code() -> str:
    """A random room code (uniqueness is checked by the database on insert)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


LOOKALIKES = "01ILO"
CODE_RULE = Msg(
    "Room codes have {n} letters and digits, like K7M Q2P; they never use 0, 1, I, L or O, "
    "which look alike.",
    n=CODE_LENGTH,
)


def code_problem(code: str) -> Msg:
    """Why `code` (separators removed, upper case) cannot be a room code, in plain words."""
    lookalikes = sorted({c for c in code if c in LOOKALIKES}, key=LOOKALIKES.index)
    if lookalikes:
        found = Joined(lookalikes, how="and")
        return Msg("it contains {chars}. {rule}", chars=found, rule=CODE_RULE)
    others = sorted({c for c in code if c not in CODE_ALPHABET})
    if others:
        return Msg("it contains {chars}. {rule}", chars=" ".join(others), rule=CODE_RULE)
    return Msg("it has {n} characters. {rule}", n=len(code), rule=CODE_RULE)


def normalise_code(text: object) -> str:
    """The canonical code for what someone typed ("k7m-q2p" -> "K7MQ2P"), or RoomNotFound."""
    if not isinstance(text, str):
        raise RoomNotFound(str(text)[:20], impossible=True, reason=CODE_RULE)
    # NFKC first: a phone's Chinese or Japanese keyboard types full-width letters, digits and
    # spaces (ＫＴ２　Ｂ３Ｅ), which are the same code to the person typing it.
    code = _SEPARATORS.sub("", unicodedata.normalize("NFKC", text)).upper()
    if len(code) != CODE_LENGTH or any(c not in CODE_ALPHABET for c in code):
        raise RoomNotFound(text.strip()[:20], impossible=True, reason=code_problem(code[:40]))
    return code


def new_key() -> str:
    """A facilitator key: 128 random bits, url-safe, never starting with "-": a key that did
    (1 in 64) read as an option on the command line (`skills-map team --room C --key -x...`)."""
    while True:
        key = secrets.token_urlsafe(16)
        if not key.startswith("-"):
            return key


def new_participant_token() -> str:
    """A participant token for one device: 192 random bits, url-safe."""
    return secrets.token_urlsafe(24)


def is_participant_token(text: object) -> bool:
    """True if `text` looks like a token this app made (e.g. one read back from a URL)."""
    return isinstance(text, str) and bool(_TOKEN.match(text))


def device_id(token: str, key: bytes) -> str:
    """The participant id of a device token: a keyed hash (HMAC-SHA256), never the token."""
    return hmac.new(key, token.encode("utf-8"), hashlib.sha256).hexdigest()


def hash_secret(secret: str) -> str:
    """Hex sha256 of a high-entropy secret (no salt or stretching needed at 128+ random bits)."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def secret_matches(secret: str | None, stored_hash: str) -> bool:
    """Constant-time check of a secret against its stored hash; a missing secret never matches."""
    if not secret or not isinstance(secret, str):
        return False
    return hmac.compare_digest(hash_secret(secret), stored_hash)
