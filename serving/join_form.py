"""What the light join page's form sends, read as untrusted input: bounded, and each rating
one of the choices the page drew."""

from __future__ import annotations

from urllib.parse import parse_qs

from starlette.requests import Request

import store
from roles.models import AXES

MAX_BODY = 8192  # the form is well under 1 KB
MAX_FIELDS = 16
# The ratings the page offers (0-10), and the half steps a saved answer from the Streamlit page
# may hold.
SCORES = frozenset(str(n) for n in range(11)) | frozenset(f"{n}.5" for n in range(10))


async def read_body(request: Request) -> bytes | None:
    """The request body, or None past MAX_BODY (read no further than that)."""
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def form_fields(body: bytes) -> dict[str, str]:
    """The form's fields (the first value of each); none at all for a body with too many."""
    try:
        parsed = parse_qs(
            body.decode("utf-8", "replace"), keep_blank_values=True, max_num_fields=MAX_FIELDS
        )
    except ValueError:  # more fields than the form has: not our page's form
        return {}
    return {k: v[0] for k, v in parsed.items() if v}


def sent_scores(fields: dict[str, str]) -> dict[str, float] | None:
    """The three ratings sent, each one of the choices drawn (else None: a forged request)."""
    values = {a: fields.get(a, "") for a in AXES}
    if not all(v in SCORES for v in values.values()):
        return None
    return {a: float(v) for a, v in values.items()}


def fit_name(typed: str) -> tuple[str | None, bool]:
    """The name to send and whether it had to be cut (to 40 characters, after a word), as the
    Streamlit Join page does."""
    clean = store.tidy(typed)
    short = store.shorten(clean, store.MAX_NAME)
    return (short or (typed if typed.strip() else None)), short != clean
