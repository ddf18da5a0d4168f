"""A refused value in a person's file is explained in their language, whatever pydantic says."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import get_args

import pytest
from pydantic_core.core_schema import ErrorType

from roles.i18n import tr
from roles.invalid_words import invalid_reason
from roles.models import Profile
from roles.progress import ProgressFileError, dump_file, load_file
from tests.progress_points import progress_point

_ASCII_WORD = re.compile(r"[A-Za-z]{3,}")


@pytest.mark.parametrize("kind", get_args(ErrorType))
def test_every_pydantic_error_type_has_words_of_ours_in_both_languages(kind: str) -> None:
    said = invalid_reason({"type": kind, "msg": "Input should be …"})
    assert said.text("en") and "Input" not in said.text("en")
    assert not _ASCII_WORD.search(said.text("zh")), (kind, said.text("zh"))


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"ml": 11}, "a number out of range"),
        ({"ml": "high"}, "not a number"),
        ({"name": "Ana"}, "a field this app does not know"),
        ({"saved_at": "yesterday"}, "not a date and time"),
    ],
)
def test_a_damaged_progress_file_says_why_in_english_and_chinese(
    change: dict[str, object], reason: str
) -> None:
    when = datetime(2026, 12, 1, tzinfo=UTC)
    good = json.loads(dump_file([progress_point(Profile(ml=3, swe=3, comm=5), when)]))
    bad = {**good, "points": [{**good["points"][0], **change}]}
    with pytest.raises(ProgressFileError) as err:
        load_file(json.dumps(bad).encode())
    assert f"({reason})" in err.value.text("en")
    zh = err.value.text("zh")
    assert tr("zh", reason) in zh and "Input should" not in zh
