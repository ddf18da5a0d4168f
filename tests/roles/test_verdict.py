"""The heading: which roles it names, how sure it is, and that it never claims more than it has."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from roles.catalog import load_catalog, load_questionnaire
from roles.confidence import load_confidence
from roles.match import match
from roles.models import Catalog, Profile
from roles.questionnaire import answer_options
from roles.verdict import assess
from roles.verdict_text import disagreement, heading_lines, headline
from tests.roles.strategies import profiles

RESEARCHER = {
    "years_code": "10-20 years",
    "years_ml": "10-20 years",
    "work_activities": ["ml_research"],
}
DATA_ENGINEER = {
    "years_code": "5-10 years",
    "years_ml": "Under 1 year",
    "work_activities": ["data_infrastructure"],
}
CATALOG = load_catalog("2021")
_Q = load_questionnaire()
YEARS_CODE = answer_options(_Q, "years_code")
YEARS_ML = answer_options(_Q, "years_ml")
ACTIVITIES = [o.id for o in _Q.item("work_activities").options]  # type: ignore[union-attr]


def test_sliders_alone_name_the_nearest_region_and_claim_no_chance(catalog: Catalog) -> None:
    a = assess({}, catalog, profile=Profile(ml=1, swe=9, comm=5))
    assert a.kind == "no_evidence" and a.confidence is None
    assert a.roles == ("ml_devops",)
    assert headline(a) == "Nearest role on the map: ML DevOps / platform engineer"
    assert "no chance is claimed" in heading_lines(a, catalog)[0]


def test_research_answers_name_one_role_with_its_chance(catalog: Catalog) -> None:
    a = assess(RESEARCHER, catalog)
    assert a.kind == "one" and a.roles == ("ml_researcher",)
    assert a.confidence is not None and a.confidence >= load_confidence().one_role_at
    assert headline(a) == "Best fit: ML researcher"
    n = round(a.confidence * 10)
    assert heading_lines(a, catalog)[0].startswith(f"About {n} in 10 people who answer like you")


def test_a_data_engineer_is_not_told_ml_devops_without_a_word_why(catalog: Catalog) -> None:
    # Engineering practice strong enough to sit in the ML DevOps region on the map.
    a = assess(DATA_ENGINEER, catalog, profile=Profile(ml=1, swe=9.5, comm=4))
    assert a.roles[0] == "data_engineer"
    assert a.map_role == "ml_devops"
    assert "has no ML DevOps / platform engineer title" in disagreement(a)


def test_the_survey_cannot_count_a_role_it_has_no_title_for(catalog: Catalog) -> None:
    a = assess(DATA_ENGINEER, catalog, profile=Profile(ml=1, swe=9.5, comm=4))
    if "ml_devops" in a.roles:
        assert a.confidence == pytest.approx(a.chances["data_engineer"])
        assert (
            "The survey has no ML DevOps / platform engineer title" in heading_lines(a, catalog)[0]
        )


def test_two_answers_leave_communication_unmeasured_and_say_so(catalog: Catalog) -> None:
    a = assess({"years_code": "3-5 years", "years_ml": "1-2 years"}, catalog)
    assert a.unmeasured == ("comm",)
    assert any("Communication is not measured yet" in line for line in heading_lines(a, catalog))


answers_without_communication = st.fixed_dictionaries(
    {"years_code": st.sampled_from(YEARS_CODE), "years_ml": st.sampled_from(YEARS_ML)}
)


@settings(max_examples=60, deadline=None)
@given(answers_without_communication, st.sampled_from([0.0, 2.5, 5.0, 7.5, 10.0]))
def test_an_unmeasured_measure_never_decides_the_heading(answers: dict, comm: float) -> None:
    from roles.questionnaire import score

    profile, unscored = score(load_catalog_questionnaire(), answers)
    assert unscored == ["comm"]
    middle = assess(answers, CATALOG, profile=profile, unmeasured=unscored)
    moved = assess(
        answers, CATALOG, profile=profile.model_copy(update={"comm": comm}), unmeasured=unscored
    )
    assert (moved.kind, moved.roles) == (middle.kind, middle.roles)


def load_catalog_questionnaire():  # type: ignore[no-untyped-def]
    from roles.catalog import load_questionnaire

    return load_questionnaire()


survey_answers = st.fixed_dictionaries(
    {
        "years_code": st.sampled_from(YEARS_CODE),
        "years_ml": st.sampled_from(YEARS_ML),
        "work_activities": st.lists(
            st.sampled_from(ACTIVITIES[:-1]), min_size=1, max_size=3, unique=True
        ),
    }
)


@settings(max_examples=80, deadline=None)
@given(survey_answers, profiles)
def test_the_heading_never_claims_more_than_its_kind_allows(answers: dict, p: Profile) -> None:
    model = load_confidence()
    a = assess(answers, CATALOG, profile=p)
    assert a.confidence is not None and 0 <= a.confidence <= 1
    assert len(a.roles) == (1 if a.kind == "one" else 2)
    assert a.confidence == pytest.approx(sum(a.chances.get(r, 0.0) for r in a.roles))
    if a.kind == "one":
        # The map agrees: in the role's region, or the role is its best fit.
        first = a.roles[0]
        assert a.confidence >= model.one_role_at
        assert a.places[first] != "outside" or a.map_role == first
    elif a.kind == "close_call":
        assert a.confidence >= model.two_roles_at
    else:
        assert a.kind == "unsure" and a.confidence < model.two_roles_at
    chances = [a.chances.get(r, 0.0) for r in a.roles]
    assert chances == sorted(chances, reverse=True)  # best first
    if a.map_role is not None and a.kind != "one":
        assert a.map_role in a.roles  # the map's own answer is never dropped


def test_one_role_needs_the_map_to_agree_not_the_person_inside_its_region() -> None:
    # A data engineer's answers, sliders short of the data engineer's region on ML and
    # software engineering while it is still the map's best fit: the evidence carries the one
    # role, and the words under the heading still say the person is outside its region.
    a = assess(DATA_ENGINEER, CATALOG, profile=Profile(ml=1, swe=4, comm=4))
    assert a.places["data_engineer"] == "outside" and a.map_role == "data_engineer"
    assert a.kind == "one" and a.roles == ("data_engineer",)
    assert "outside the Data engineer region" in heading_lines(a, CATALOG)[1]


def test_one_role_is_not_named_where_the_map_points_elsewhere() -> None:
    # The same answers with the sliders deep in the researcher's region: the map disagrees.
    a = assess(DATA_ENGINEER, CATALOG, profile=Profile(ml=8, swe=3, comm=6))
    assert a.map_role == "ml_researcher" and a.places["data_engineer"] == "outside"
    assert a.kind != "one" and a.roles[0] == "data_engineer" and "ml_researcher" in a.roles


@settings(max_examples=150, deadline=None)
@given(profiles)
def test_communication_never_changes_the_best_fit_silently(profile: Profile) -> None:
    a = assess({}, CATALOG, profile=profile)
    for delta in (-1.0, -0.5, 0.5, 1.0):
        comm = min(10.0, max(0.0, profile.comm + delta))
        moved = match(profile.model_copy(update={"comm": comm}), CATALOG)[0].role
        if moved != a.best.role:
            assert a.comm_decides is not None, (profile, delta, moved)


@settings(max_examples=100, deadline=None)
@given(profiles)
def test_a_tip_really_tips_the_best_fit(profile: Profile) -> None:
    a = assess({}, CATALOG, profile=profile)
    if a.tip is None:
        return
    value = min(10.0, max(0.0, getattr(profile, a.tip.axis) + a.tip.delta))
    moved = profile.model_copy(update={a.tip.axis: value})
    assert match(moved, CATALOG)[0].role == a.tip.role


def test_the_heading_speaks_chinese(catalog: Catalog) -> None:
    zh = load_catalog("2021", "zh")
    a = assess(RESEARCHER, zh)
    assert headline(a).startswith("最匹配") and "机器学习研究员" in headline(a)
    assert all(line for line in heading_lines(a, zh))
