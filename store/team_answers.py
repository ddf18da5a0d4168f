"""Team rooms, the member's side: one device is one member, answering once per round.

A member is created by their first answer (a name is required, unique in the room) and keeps
their identity across rounds; each round holds at most one answer per member, which they can
update while the round is open. A member reads back only their own answers.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta
from typing import Any, get_args

from sqlalchemy import Connection, Engine, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from roles.i18n import Msg
from roles.models import Profile
from store import codes, limits
from store.access import record_miss
from store.engine import begin_read, begin_write
from store.entries import as_profile, rate_settings
from store.errors import (
    InvalidSubmission,
    NameTaken,
    RateLimited,
    RoomFull,
    RoomNotFound,
    RoundClosed,
)
from store.migrations import ready
from store.rooms import load_room
from store.schema import team_answers, team_members
from store.skeleton import look_alike, name_key
from store.team_models import MemberHistory, Method, TeamRoomInfo
from store.teams import KIND, answer_from_row, read_rounds, team_info, touch
from store.text import clean_name

# The answers JSON is what the questionnaire sent: a few hundred bytes. A cap keeps a forged
# request from storing megabytes.
MAX_ANSWERS_CHARS = 8_000


# Room for a name's key in the table. A skeleton may be longer than its name (one ligature
# stands for 18 letters); a longer key is stored as its hash, which keeps keys apart.
_KEY_CHARS = 160


def _stored_key(name: str) -> str:
    key = name_key(name)
    return key if len(key) <= _KEY_CHARS else "#" + hashlib.sha256(key.encode()).hexdigest()


def _member_row(conn: Connection, code: str, who: str) -> Any:
    return conn.execute(
        select(team_members).where(
            team_members.c.room_code == code, team_members.c.participant_hash == who
        )
    ).first()


def _history(conn: Connection, member: Any) -> MemberHistory:
    rows = conn.execute(
        select(team_answers)
        .where(
            team_answers.c.room_code == member.room_code,
            team_answers.c.member_id == member.member_id,
        )
        .order_by(team_answers.c.round_number)
    )
    return MemberHistory(
        member_id=member.member_id, name=member.name, answers=[answer_from_row(r) for r in rows]
    )


def member_view(
    *, room: str, participant: str, address: str | None = None, engine: Engine | None = None
) -> tuple[TeamRoomInfo, MemberHistory | None]:
    """The team room and this device's member with their own answers (None before the first
    answer), in one read; with an `address`, unknown codes count toward the back-off of this
    device and of the address."""
    code = codes.normalise_code(room)
    eng = ready(engine)
    try:
        with begin_read(eng) as conn:
            now = datetime.now(UTC)
            limits.check(conn, limits.CODES, now, device=participant, address=address)
            info = team_info(conn, load_room(conn, code, kind=KIND))
            if not codes.is_participant_token(participant):
                return info, None
            member = _member_row(conn, code, codes.hash_secret(participant))
            return info, (None if member is None else _history(conn, member))
    except RoomNotFound:
        record_miss(eng, limits.CODES, device=participant, address=address)
        raise


def _clean_member_name(name: str | None) -> str:
    clean = clean_name(name)
    if clean is None:
        raise InvalidSubmission(Msg("Type your name: your manager needs it to put you on the map."))
    return clean


def _answers_json(method: str, answers: dict[str, Any] | None) -> str | None:
    if method not in get_args(Method):
        raise InvalidSubmission(Msg("Answer with the questionnaire or the sliders."))
    if answers is None:
        return None
    text = json.dumps(answers, ensure_ascii=False, sort_keys=True)
    if len(text) > MAX_ANSWERS_CHARS:
        raise InvalidSubmission(Msg("These answers are too long to be questionnaire answers."))
    return text


def _check_name_free(conn: Connection, code: str, name: str, member_id: int | None) -> None:
    """NameTaken if another member's name looks the same (TR39 skeleton, case folded).

    Keys are compared here from the stored names, not by the key column alone: rows written
    before look-alikes were folded together hold an older key.
    """
    others = conn.execute(
        select(team_members.c.member_id, team_members.c.name).where(
            team_members.c.room_code == code
        )
    )
    if any(r.member_id != member_id and look_alike(name, r.name) for r in others):
        raise NameTaken(name)


def _join(conn: Connection, room: Any, who: str, name: str, address: str | None) -> Any:
    """A new member: a place in the room (RoomFull) and the per-address join limit."""
    now = datetime.now(UTC)
    taken = conn.execute(select(func.count()).where(team_members.c.room_code == room.code)).scalar()
    if (taken or 0) >= room.capacity:
        raise RoomFull(room.code, room.capacity)
    limits.count(conn, limits.JOINS, address, now)
    conn.execute(
        team_members.insert().values(
            room_code=room.code,
            participant_hash=who,
            name=name,
            name_key=_stored_key(name),
            joined_at=now,
            window_start=now,
            window_count=0,
        )
    )
    return _member_row(conn, room.code, who)


def _count_submission(conn: Connection, member: Any, name: str, now: datetime) -> None:
    """This device's rate window (RateLimited over it) and a changed name, on its member row."""
    limit, window = rate_settings()
    fresh = member.window_start <= now - timedelta(seconds=window)
    start, count = (now, 1) if fresh else (member.window_start, member.window_count + 1)
    if count > limit:
        raise RateLimited((start + timedelta(seconds=window) - now).total_seconds())
    conn.execute(
        update(team_members)
        .where(
            team_members.c.room_code == member.room_code,
            team_members.c.member_id == member.member_id,
        )
        .values(
            window_start=start,
            window_count=count,
            name=name,
            name_key=_stored_key(name),
        )
    )


def _answer_upsert(dialect_name: str, code: str) -> Any:
    dialect = postgresql if dialect_name == "postgresql" else sqlite
    stmt = dialect.insert(team_answers)
    return stmt.on_conflict_do_update(
        index_elements=[team_answers.c.member_id, team_answers.c.round_number],
        set_={
            c: stmt.excluded[c] for c in ("ml", "swe", "comm", "method", "answers", "updated_at")
        },
        where=team_answers.c.room_code == code,
    )


def submit_team_answer(
    *,
    room: str,
    participant: str,
    name: str | None,
    profile: Profile,
    method: str,
    answers: dict[str, Any] | None = None,
    address: str | None = None,
    engine: Engine | None = None,
) -> MemberHistory:
    """Save this device's answer in the current round (created, or replaced while it is open).

    The first answer makes the device a member under `name` (required, unique in the room);
    a later one may change the name. `answers` are the questionnaire's, kept to fill the form
    again. Limits as in `entries.submit`: per address, per device, and the room's capacity.
    """
    code = codes.normalise_code(room)
    if not codes.is_participant_token(participant):
        raise InvalidSubmission(
            Msg("This device's answer link is damaged; open the team link again.")
        )
    clean = _clean_member_name(name)
    stored_answers = _answers_json(method, answers)
    scores = as_profile(profile).as_dict()
    who = codes.hash_secret(participant)
    with begin_write(ready(engine)) as conn:
        # Locking the room row queues the room's writes: capacity and unique names hold exactly.
        row = load_room(conn, code, lock=True, kind=KIND)
        current = read_rounds(conn, code)[-1]
        if not current.is_open:
            raise RoundClosed(code, current.number)
        now = datetime.now(UTC)
        limits.count(conn, limits.SUBMITS, address, now)
        member = _member_row(conn, code, who)
        _check_name_free(conn, code, clean, None if member is None else member.member_id)
        if member is None:
            member = _join(conn, row, who, clean, address)
        _count_submission(conn, member, clean, now)
        values = {
            "member_id": member.member_id,
            "round_number": current.number,
            "room_code": code,
            **scores,
            "method": method,
            "answers": stored_answers,
            "updated_at": now,
        }
        conn.execute(_answer_upsert(conn.dialect.name, code), values)
        touch(conn, row, now)
        return _history(conn, _member_row(conn, code, who))
