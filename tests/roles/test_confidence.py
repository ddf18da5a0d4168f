"""The heading's calibration: fitted by a script on the calibration half, read from data/."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roles.calibration import TITLES, as_asked, fit_tempers, queries
from roles.catalog import parse_yaml
from roles.confidence import ConfidenceModel, chances, load_confidence
from roles.errors import CatalogError

shares = st.lists(st.floats(0, 1, allow_nan=False), min_size=5, max_size=5).filter(
    lambda v: sum(v) > 0
)


@given(shares, st.integers(1, 9))
def test_chances_are_a_distribution_ordered_like_the_shares(raw: list[float], k: int) -> None:
    total = sum(raw)
    given_shares = {t: v / total for t, v in zip(TITLES, raw, strict=True)}
    out = chances(given_shares, TITLES, k, load_confidence())
    assert sum(out.values()) == pytest.approx(1.0)
    for a in TITLES:
        for b in TITLES:
            if given_shares[a] > given_shares[b] + 1e-9:
                assert out[a] >= out[b] - 1e-12


def test_modesty_keeps_every_chance_off_certainty() -> None:
    model = load_confidence()
    out = chances({"Data Engineer": 1.0}, TITLES, 3, model)
    assert max(out.values()) < 1 - model.modesty * (1 - 1 / len(TITLES)) + 1e-9
    assert min(out.values()) >= model.modesty / len(TITLES) - 1e-12


def test_no_answers_claim_no_chance() -> None:
    with pytest.raises(ValueError, match="at least one"):
        chances({}, TITLES, 0, load_confidence())


@pytest.mark.parametrize(
    ("modesty", "answers", "message"),
    [
        ("1.5", "1", "confidence.yaml: modesty: Input should be less than 1"),
        ("0.1", "2", "by_answers must be for 1, 2, 3, ... answers in order; got [2]"),
    ],
)
def test_a_broken_calibration_file_names_the_field_and_the_fix(
    modesty: str, answers: str, message: str
) -> None:
    text = (
        f"evidence: x\nfitted_on: y\ntitles: 5\nmodesty: {modesty}\none_role_at: 0.5\n"
        "two_roles_at: 0.5\nby_answers:\n"
        f"  - {{answers: {answers}, temperature: 1, shrink: 0, n: 1}}\n"
    )
    with pytest.raises(CatalogError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_yaml(text, ConfidenceModel, "confidence.yaml")


def test_the_shipped_calibration_reproduces_from_the_calibration_half() -> None:
    # What scripts/fit_confidence.py fits first; the validation half is never read.
    fitted = fit_tempers(as_asked(queries("calibration")))
    shipped = load_confidence().by_answers
    assert [(t.answers, t.temperature, t.shrink, t.n) for t in fitted] == [
        (t.answers, t.temperature, t.shrink, t.n) for t in shipped
    ]
