"""Questionnaire answers in a link: compact, and still valid when questions or options are added.

Each answered question is one token: a code of its item id (4 letters) followed by a code of
each answer (3 letters each): the English key of a one-choice answer, or the id of each ticked
option (a survey question about tools or education: each chip ticked, or the one option
chosen). Codes are the first letters of the base-32 SHA-1 of the id or key, so they never
depend on the order or number of questions and options; `NOT_YET` ("no chance to do this
yet") is `000`, which no code can be. Tokens are joined with dots:

    a=kq3bx2m.f7zqpa2jd

A question or option this version does not have (an old link, a hand-edited one) is left out
with a warning; answers that do not score (a combination the questionnaire refuses) are all
left out with a warning. Nothing in a link is trusted: it is parsed like any other value.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping, Sequence

from roles.errors import ProfileError
from roles.i18n import Msg, plural_msg
from roles.questionnaire import NOT_YET, Answer, Answers, score_detail
from roles.questionnaire_models import ManyChoiceItem, OneChoiceItem, Questionnaire, ShiftItem

ITEM_CODE = 4
VALUE_CODE = 3
NOT_YET_CODE = "000"
MAX_LENGTH = 2000  # characters of the `a` parameter; a real questionnaire needs a few hundred
_SEPARATOR = "."


def code(text: str, length: int) -> str:
    """The first `length` letters of the base-32 SHA-1 of `text` (a-z, 2-7)."""
    digest = hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).digest()
    return base64.b32encode(digest).decode("ascii").lower()[:length]


def _values(q: Questionnaire, item: OneChoiceItem | ManyChoiceItem | ShiftItem) -> dict[str, str]:
    """Code -> answer (a one-choice key or an option id) for one item."""
    if isinstance(item, ManyChoiceItem | ShiftItem):
        return {code(o.id, VALUE_CODE): o.id for o in item.options}
    out = {code(c.key, VALUE_CODE): c.key for c in q.choices(item)}
    if not item.survey:
        out[NOT_YET_CODE] = NOT_YET
    return out


def _codebook(q: Questionnaire) -> dict[str, tuple[str, dict[str, str]]]:
    """Item code -> (item id, value code -> answer)."""
    return {code(i.id, ITEM_CODE): (i.id, _values(q, i)) for i in q.items}


def encode_answers(q: Questionnaire, answers: Answers) -> str:
    """The answers as one compact token string (unanswered questions left out)."""
    tokens = []
    for item in q.items:
        given: Answer = answers.get(item.id)
        if not given:
            continue
        chosen = [given] if isinstance(given, str) else list(given)
        if isinstance(item, ShiftItem):
            # A one-option survey answer may be given by its English label (answers files).
            chosen = [o.id for c in chosen if (o := item.option(c)) is not None]
        reverse = {v: k for k, v in _values(q, item).items()}
        known = [reverse[c] for c in chosen if c in reverse]
        if known:
            tokens.append(code(item.id, ITEM_CODE) + "".join(known))
    return _SEPARATOR.join(tokens)


def _chunks(text: str) -> list[str] | None:
    if len(text) % VALUE_CODE:
        return None
    return [text[i : i + VALUE_CODE] for i in range(0, len(text), VALUE_CODE)]


def decode_answers(q: Questionnaire, text: str) -> tuple[dict[str, Answer], list[Msg]]:
    """The answers a token string holds, and a warning for each part left out."""
    if len(text) > MAX_LENGTH:
        return {}, [Msg("The answers in the link are too long; they were left out.")]
    book, dropped = _codebook(q), 0
    answers: dict[str, Answer] = {}
    for token in (t for t in text.split(_SEPARATOR) if t):
        found = book.get(token[:ITEM_CODE])
        chunks = _chunks(token[ITEM_CODE:])
        if found is None or not chunks:
            dropped += 1
            continue
        item_id, values = found
        picked = [values[c] for c in chunks if c in values]
        dropped += len(chunks) - len(picked)
        item = q.item(item_id)
        if picked:
            many = isinstance(item, ManyChoiceItem) or (
                isinstance(item, ShiftItem) and item.multiple
            )
            answers[item_id] = picked if many else picked[0]
    warnings: list[Msg] = []
    if dropped:
        warnings.append(
            plural_msg(
                "{n} answer in the link belongs to a question or option this version does not "
                "have; it was left out.",
                "{n} answers in the link belong to questions or options this version does not "
                "have; they were left out.",
                dropped,
            )
        )
    try:
        score_detail(q, answers)
    except ProfileError as exc:
        # The reason (a Msg) is said in the reader's language with the warning.
        return {}, [
            *warnings,
            Msg(
                "The answers in the link do not fit together ({why}); they were left out.",
                why=exc.message,
            ),
        ]
    return answers, warnings


def answers_only(answers: Mapping[str, object]) -> dict[str, Answer]:
    """Answers with the unanswered questions removed (what a link carries)."""
    out: dict[str, Answer] = {}
    for k, v in answers.items():
        if isinstance(v, str) and v:
            out[k] = v
        elif isinstance(v, Sequence) and not isinstance(v, str) and v:
            out[k] = [str(x) for x in v]
    return out
