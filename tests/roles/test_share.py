"""Shared links: good values restore the page, bad ones warn and fall back."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from roles.share import ShareState, encode_share, parse_share

IDS = {"2021": ["ml_devops", "data_engineer", "ml_engineer"], "2022": ["ml_devops", "ml_engineer"]}


def test_valid_link_restores_every_value() -> None:
    state, warnings = parse_share(
        {"ml": "7", "swe": "3.5", "comm": "8", "target": "ml_engineer"}, IDS
    )
    assert warnings == []
    assert state == ShareState(ml=7, swe=3.5, comm=8, target="ml_engineer")


def test_bad_values_warn_and_fall_back_to_defaults() -> None:
    state, warnings = parse_share(
        {"ml": "banana", "swe": "11", "comm": "nan", "target": "wizard"}, IDS
    )
    assert (state.ml, state.swe, state.comm, state.target) == (5.0, 5.0, 5.0, None)
    assert len(warnings) == 4
    assert any("“ml=banana” is not a number" in str(w) for w in warnings)
    assert any("outside 0-10" in str(w) and "swe" in str(w) for w in warnings)


def test_target_must_belong_to_the_chosen_catalog() -> None:
    state, warnings = parse_share({"catalog": "2022", "target": "data_engineer"}, IDS)
    assert state.catalog == "2022" and state.target is None and warnings


def test_unknown_catalog_falls_back_to_2021() -> None:
    state, warnings = parse_share({"catalog": "1999"}, IDS)
    assert state.catalog == "2021" and "catalog" in str(warnings[0])


halves = st.integers(min_value=0, max_value=20).map(lambda n: n / 2)


@given(halves, halves, halves, st.sampled_from([None, "ml_devops", "ml_engineer"]))
def test_encode_then_parse_is_the_identity(
    ml: float, swe: float, comm: float, target: str | None
) -> None:
    state = ShareState(ml=ml, swe=swe, comm=comm, target=target)
    parsed, warnings = parse_share(encode_share(state), IDS)
    assert parsed == state and warnings == []


def test_answers_travel_in_the_link_and_come_back_the_same() -> None:
    from roles.catalog import load_questionnaire

    q = load_questionnaire()
    answers = {
        "years_code": "10-20 years",
        "years_ml": "5-10 years",
        "work_activities": ["ml_research", "improve_models"],
        "swe_tests_ci": "No chance to do this yet",
    }
    state = ShareState(ml=8, swe=4.5, comm=6, answers=answers)
    params = encode_share(state, q)
    assert len(params["a"]) < 60
    parsed, warnings = parse_share(params, IDS, questionnaire=q)
    assert warnings == [] and parsed == state


def test_a_link_read_without_its_questionnaire_ignores_the_answers() -> None:
    state, warnings = parse_share({"ml": "3", "a": "whatever"}, IDS)
    assert state.answers is None and warnings == []
