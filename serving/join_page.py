"""The light join page (`/j`): a room's form as plain HTML, one request per Submit.

Joining through the Streamlit page costs a phone 2.8 MB of JavaScript (about 0.8 MB compressed)
and a WebSocket session; on a hall's Wi-Fi that is the weakest link. This page is the same form
made on the server: room code, name and the three ratings with their level texts, about 8 KB
compressed, working without JavaScript. Submit is one POST, answered directly with the page that
says "Saved" and shows the result (best fit and every role ranked): one round trip, where a
redirect after the POST would add a second on a slow network. Saving is idempotent (a device has
one entry in a room), and the page's one line of script replaces the address with the page's own,
so a reload asks for the page rather than sending the form again.

The same device cookie, store functions, limits, languages and messages as the Streamlit Join
page. A POST must carry the form's token, bound to this device's cookie by an HMAC with the
server's secret, and come from this site (Origin, Sec-Fetch-Site): another site's page cannot
answer for a phone. A code typed into the form counts toward the code-guessing back-off; a room
opened from this device (the form carries its `room_pass`) is not checked again, so a page
already open keeps working while its address backs off. Anything refused gives the form back as
it was sent, with the reason above it: nothing typed is lost.
"""

from __future__ import annotations

import asyncio
import dataclasses
import html
import secrets
import time
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

import store
from roles.errors import SkillsMapError
from roles.i18n import Lang, Msg, sentences, tr
from roles.models import AXES, Profile
from roles.settings import settings
from serving.device_cookie import COOKIE, NEW_TOKEN, set_cookie_header, valid_token
from serving.encodings import compressed
from serving.http_lang import page_lang
from serving.join_css import POLICY
from serving.join_form import fit_name, form_fields, read_body, sent_scores
from serving.join_html import PATH, JoinForm, Notice, error_notice, render_page
from serving.participant import form_token, matches, participant_id, room_pass

LOCAL = "127.0.0.1"
_HEADERS = {
    "Cache-Control": "no-store",  # it holds this device's tokens and answers
    "Vary": "Accept-Encoding, Accept-Language, Cookie",
    "Content-Security-Policy": POLICY,
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
}
_STATUS = [  # the first that matches, else 400
    (store.RoomNotFound, 404),
    (store.RoomLocked, 409),
    (store.RoomFull, 409),
    (store.RateLimited, 429),
    (store.TooManyRequests, 429),
    (store.StoreFault, 503),
]
FORGED = Msg(
    "This form was not sent from this page on this phone (it may be old, or come from another "
    "site), so nothing was saved. Check your answers below and press the button again."
)


def _status(exc: Exception) -> int:
    return next((code for kind, code in _STATUS if isinstance(exc, kind)), 400)


def _cookie_token(request: Request) -> str | None:
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(request.headers.get("cookie", ""))
    except Exception:
        return None
    morsel = jar.get(COOKIE)
    return morsel.value if morsel is not None and valid_token(morsel.value) else None


def _address(request: Request) -> str:
    # uvicorn put the forwarded address here when the proxy is trusted (FORWARDED_ALLOW_IPS).
    return request.client.host if request.client and request.client.host else LOCAL


def _same_site(request: Request) -> bool:
    """True unless the browser says the POST comes from another site (Origin, Sec-Fetch-Site)."""
    if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        return False
    origin = request.headers.get("origin")
    if origin is None:
        return True  # older browsers: the form token alone decides
    ours = {request.headers.get("host", "")}
    public = settings().public_url
    if public:
        ours.add(urlsplit(public).netloc)
    return urlsplit(origin).netloc in ours


def _page(
    request: Request,
    form: JoinForm,
    notices: list[Notice],
    result: Profile | None = None,
    status: int = 200,
    cookie: str | None = None,
) -> Response:
    """The page, compressed here (Streamlit's middleware would use gzip's slowest level)."""
    headers = dict(_HEADERS)
    if cookie is not None:
        secure = request.url.scheme == "https"
        headers["Set-Cookie"] = set_cookie_header(cookie, secure=secure).decode("latin-1")
    page = render_page(form, notices, result).encode()
    body, coding = compressed(page, request.headers.get("accept-encoding"))
    if coding is not None:
        headers["Content-Encoding"] = coding
    return HTMLResponse(body, status_code=status, headers=headers)


def _entry_form(form: JoinForm, info: store.RoomInfo, entry: store.Entry | None) -> JoinForm:
    if entry is None:
        return dataclasses.replace(form, room=info, code=info.code)
    scores = {a: float(getattr(entry, a)) for a in AXES}
    return dataclasses.replace(
        form, room=info, code=info.code, name=entry.name or "", scores=scores, has_entry=True
    )


def _profile(entry: store.Entry | None) -> Profile | None:
    return None if entry is None else Profile(ml=entry.ml, swe=entry.swe, comm=entry.comm)


def _locked(info: store.RoomInfo, lang: Lang) -> list[Notice]:
    if not info.locked:
        return []
    text = tr(
        lang,
        "The facilitator has locked this room for now. Your answers stay on this page; "
        "press the button again once the room is open.",
    )
    return [Notice("warn", html.escape(text))]


async def show(request: Request) -> Response:
    """GET: the form, for the room in `?room=` (with this device's saved answers) or empty."""
    lang, chosen = page_lang(
        request.query_params.get("lang"), request.headers.get("accept-language")
    )
    cookie = _cookie_token(request)
    token = cookie or request.scope.get("state", {}).get(NEW_TOKEN) or secrets.token_urlsafe(24)
    form = JoinForm(
        lang, chosen, form_token=form_token(token), device_field="" if cookie else token
    )
    raw = request.query_params.get("room", "")[:32]
    if not raw.strip():
        return _page(request, form, [])
    try:
        info, entry = await asyncio.to_thread(
            store.get_room_and_entry,
            room=raw,
            participant=participant_id(token),
            address=_address(request),
        )
    except SkillsMapError as exc:
        notice = error_notice(exc, lang, context=False)
        return _page(request, dataclasses.replace(form, code=raw), [notice], status=_status(exc))
    form = dataclasses.replace(
        _entry_form(form, info, entry), room_pass=room_pass(token, info.code)
    )
    return _page(request, form, _locked(info, lang), _profile(entry))


def _submit(token: str, code: str, passed: bool, fields: dict[str, str], address: str) -> Any:
    """Look the room up (counted, unless this device opened it) and save: in a worker thread."""
    who = participant_id(token)
    if not passed:
        store.get_room_and_entry(room=code, participant=who, address=address)
    name, cut = fit_name(fields.get("name", ""))
    scores = sent_scores(fields)
    if scores is None:
        raise store.InvalidSubmission(Msg("Each score must be a number from 0 to 10."))
    entry = store.submit(
        room=code, participant=who, profile=Profile(**scores), name=name, address=address
    )
    return _shown_room(code), entry, cut


_ROOMS: dict[str, tuple[float, store.RoomInfo]] = {}
ROOM_TTL_S = 2.0


def _shown_room(code: str) -> store.RoomInfo:
    """The room's title and state for the answer page, read at most every 2 s per room (it was
    just saved into, so it exists; a title changed a moment ago may show 2 s late)."""
    now = time.monotonic()
    kept = _ROOMS.get(code)
    if kept is not None and now - kept[0] < ROOM_TTL_S:
        return kept[1]
    if len(_ROOMS) > 1000:  # bounded: stale rooms go
        _ROOMS.clear()
    info = store.get_room(room=code)
    _ROOMS[code] = (now, info)
    return info


# Saving goes through one thread per server: SQLite takes one writer at a time, and writers
# racing for its lock wait in its busy handler's growing sleeps (up to 100 ms each), which
# made a burst of Submits queue for seconds; queued here they take a few ms each. (The room's
# row lock queues a room's answers on PostgreSQL too.) Reads run on the default threads.
_WRITER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="light-join-submit")


async def submit(request: Request) -> Response:
    """POST: check the form's token and origin, save, and answer with the page that says so."""
    body = await read_body(request)
    if body is None:
        return PlainTextResponse("The form is too large.", status_code=413)
    fields = form_fields(body)
    chosen_lang = fields.get("lang") or request.query_params.get("lang")
    lang, chosen = page_lang(chosen_lang, request.headers.get("accept-language"))
    cookie = _cookie_token(request)
    sent = fields.get("t", "")
    token = cookie or (sent if valid_token(sent) else None)
    typed = fields.get("room", "")[:32]
    form = JoinForm(
        lang,
        chosen,
        code=typed,
        name=fields.get("name", "")[:200],
        scores=sent_scores(fields) or {},
        room_pass=fields.get("pass", "")[:64],
    )
    if (
        token is None
        or not matches(form_token(token), fields.get("csrf"))
        or not _same_site(request)
    ):
        token = token or secrets.token_urlsafe(24)
        form = dataclasses.replace(
            form, form_token=form_token(token), device_field="" if cookie else token
        )
        forged = [Notice("err", html.escape(FORGED.text(lang)))]
        return _page(request, form, forged, None, 403, None if cookie else token)
    form = dataclasses.replace(
        form, form_token=form_token(token), device_field="" if cookie else token
    )
    try:
        code = store.normalise_code(typed)
        passed = matches(room_pass(token, code), fields.get("pass"))
        work = partial(_submit, token, code, passed, fields, _address(request))
        info, entry, cut = await asyncio.get_running_loop().run_in_executor(_WRITER, work)
    except SkillsMapError as exc:
        return _page(request, form, [error_notice(exc, lang)], status=_status(exc))
    saved = tr(lang, "Saved at {time}. Your dot is on the room's map.", time=time.strftime("%H:%M"))
    shortened = tr(lang, "Your name was shortened to {n} characters.", n=store.MAX_NAME)
    notice = Notice("ok", html.escape(sentences(lang, saved, shortened if cut else "")))
    form = dataclasses.replace(
        _entry_form(form, info, entry), room_pass=room_pass(token, info.code)
    )
    return _page(request, form, [notice], _profile(entry))


async def join_page(request: Request) -> Response:
    """The route's endpoint: the form on GET and HEAD, saving on POST."""
    if request.method == "POST":
        return await submit(request)
    return await show(request)


def routes() -> list[Route]:
    """The light page's routes, for `st.App(routes=...)`."""
    return [Route(PATH, join_page, methods=["GET", "HEAD", "POST"])]
