"""The Me page, driven through AppTest: sliders, best fit, ranked fits, target, URL state."""

from __future__ import annotations

from tests.app.helpers import app, figures, texts, values


def _person_trace(fig: dict) -> dict:
    return next(t for t in fig["data"] if t.get("meta", {}).get("kind") == "person")


def test_backend_engineer_sees_ml_devops_as_best_fit() -> None:
    at = app(ml="1", swe="9", comm="5").run()
    assert not at.exception
    assert "Best fit: ML DevOps / platform engineer" in texts(at)
    fits = at.dataframe[0].value
    assert fits["Role"].iloc[0] == "ML DevOps / platform engineer"
    assert list(fits["Fit"]) == sorted(fits["Fit"], reverse=True)


def test_moving_the_ml_slider_changes_best_fit_map_and_url() -> None:
    at = app(ml="1", swe="9", comm="5").run()
    at.slider(key="me_ml").set_value(7.0).run()
    at.slider(key="me_swe").set_value(5.5).run()
    assert "Best fit: ML engineer" in texts(at)
    person = _person_trace(figures(at)[0])
    assert values(person["x"]) == [7.0] and values(person["y"]) == [5.5]
    assert at.query_params["ml"] == "7" and at.query_params["swe"] == "5.5"


def test_map_shows_every_role_region_and_labels_them() -> None:
    fig = figures(app().run())[0]
    regions = [t for t in fig["data"] if t.get("meta", {}).get("kind") == "region"]
    assert len(regions) == 6 and all(t["fill"] == "toself" for t in regions)
    labels = {a["text"] for a in fig["layout"]["annotations"]}
    assert "<b>Data scientist</b>" in labels


def test_slider_shows_the_behaviour_anchor_of_its_level() -> None:
    at = app(swe="6").run()
    assert "shipped and maintained a service behind an API" in texts(at)


def test_target_role_shows_gap_steps_and_an_arrow_on_the_map() -> None:
    at = app(ml="1", swe="9", comm="5", target="ml_engineer").run()
    assert at.selectbox(key="me_target").value == "ml_engineer"
    page = texts(at)
    assert "Your path toward ML engineer" in page
    assert "ML expertise: next steps" in page
    ml_metric = next(m for m in at.metric if m.label == "ML expertise")
    assert ml_metric.value.startswith("+")
    arrows = [a for a in figures(at)[0]["layout"]["annotations"] if a.get("showarrow")]
    assert len(arrows) == 1 and arrows[0]["ax"] == 1.0 and arrows[0]["ay"] == 9.0


def test_choosing_a_target_is_written_to_the_url() -> None:
    at = app(ml="1", swe="9", comm="5").run()
    at.selectbox(key="me_target").set_value("ml_researcher").run()
    assert at.query_params["target"] == "ml_researcher"
    assert "Your path toward ML researcher" in texts(at)


def test_default_target_follows_the_best_fit_with_no_gap() -> None:
    at = app(ml="7", swe="5.5", comm="6").run()
    assert "You are already inside the region of **ML engineer**" in texts(at)
    assert not [a for a in figures(at)[0]["layout"]["annotations"] if a.get("showarrow")]


def test_bad_link_values_warn_and_fall_back() -> None:
    at = app(ml="banana", swe="99", target="wizard").run()
    warnings = " ".join(w.value for w in at.warning)
    assert "`ml=banana` is not a number" in warnings and "outside 0-10" in warnings
    assert at.slider(key="me_ml").value == 5.0
    assert not at.exception


def test_questionnaire_fills_the_sliders_and_returns_to_them() -> None:
    at = app().run()
    at.radio(key="me_mode").set_value("Questionnaire").run()
    assert not at.slider  # the sliders give way to the questions
    radios = [r for r in at.radio if r.key and r.key.startswith("me_q_")]
    for r in radios:
        r.set_value(r.options[-2])  # the strongest answer of each item
    submit = next(b for b in at.get("form_submit_button") if "Use these answers" in b.label)
    submit.click().run()
    assert at.slider(key="me_ml").value == 10.0
    assert at.slider(key="me_comm").value == 10.0
    assert "Scores set: ML expertise 10" in texts(at)
    assert at.radio(key="me_mode").value == "Quick rating"


def test_slider_values_survive_a_visit_to_the_questionnaire() -> None:
    at = app(ml="2", swe="8", comm="3").run()
    at.radio(key="me_mode").set_value("Questionnaire").run()
    at.radio(key="me_mode").set_value("Quick rating").run()
    assert at.slider(key="me_ml").value == 2.0 and at.slider(key="me_swe").value == 8.0


def test_equal_scores_warn_that_the_match_is_unreliable() -> None:
    at = app(ml="4", swe="4", comm="4").run()
    assert "All three scores are the same" in texts(at)


def test_2022_chart_has_five_regions_and_no_data_engineer_target() -> None:
    at = app(catalog="2022", target="data_engineer").run()
    regions = [t for t in figures(at)[0]["data"] if t.get("meta", {}).get("kind") == "region"]
    assert len(regions) == 5
    assert "not a role of this chart" in " ".join(w.value for w in at.warning)


def test_share_link_restores_the_state() -> None:
    at = app(ml="2", swe="8", comm="3", target="ml_engineer").run()
    link = at.code[0].value
    assert "ml=2" in link and "swe=8" in link and "target=ml_engineer" in link
