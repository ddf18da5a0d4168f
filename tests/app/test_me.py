"""The Me page, driven through AppTest: sliders, best fit, ranked fits, target, URL state."""

from __future__ import annotations

import json

from roles.catalog import load_catalog
from roles.match import match
from roles.models import Profile
from tests.app.helpers import (
    app,
    figures,
    html_bodies,
    questionnaire,
    submit_answers,
    texts,
    values,
)


def _person_trace(fig: dict) -> dict:
    return next(t for t in fig["data"] if t.get("meta", {}).get("kind") == "person")


def _regions(fig: dict) -> list[dict]:
    return [s for s in fig["layout"].get("shapes", []) if s.get("name", "").startswith("region:")]


def _fits_table(at) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """The rows of the "All roles" Markdown table: [rank, role, fit, why]."""
    table = next(m.value for m in at.markdown if "| # | Role" in m.value)  # every role, by fit
    lines = table[table.index("| # | Role") :].splitlines()
    return [[c.strip() for c in line.strip("|").split(" | ")] for line in lines[2:]]


def test_backend_engineer_sees_ml_devops_as_the_nearest_role() -> None:
    at = app(ml="1", swe="9", comm="5").run()
    assert not at.exception
    assert "Nearest role on the map: ML DevOps / platform engineer" in texts(at)
    rows = _fits_table(at)
    assert rows[0][1] == "ML DevOps / platform engineer"
    assert [int(r[2]) for r in rows] == sorted((int(r[2]) for r in rows), reverse=True)


def test_every_reason_is_shown_whole_in_a_table_that_wraps_not_a_data_grid() -> None:
    at = app(ml="9.5", swe="5.5", comm="6").run()
    assert not at.dataframe  # a data grid cuts long text at the column edge
    expected = {f.name: f.reason for f in match(Profile(ml=9.5, swe=5.5, comm=6), load_catalog())}
    assert {r[1]: r[3] for r in _fits_table(at)} == expected


def test_compact_best_fit_line_sits_with_the_sliders() -> None:
    at = app(ml="1", swe="9", comm="5").run()
    rate_column = at.columns[0]
    assert (
        '<p class="sm-fit-line"><strong>Nearest role on the map: ML DevOps / platform '
        "engineer</strong> (fit 98)</p>" in [h.proto.body for h in rate_column.get("html")]
    )
    assert len(rate_column.select_slider) == 3


def test_map_has_a_text_summary_for_screen_readers() -> None:
    at = app(ml="5", swe="5", comm="5", target="data_engineer").run()
    alt = at.get("plotly_chart")[0].proto.alt
    assert "You are at ML expertise 5.0 and software engineering 5.0" in alt
    assert "You are inside the region of ML engineer." in alt
    assert "Nearest other regions: " in alt and "points away)" in alt
    assert "Best fit on the map: ML engineer (fit " in alt
    assert "An arrow points from you toward the Data engineer region." in alt


def test_map_offers_only_png_export_and_no_hover_only_instructions() -> None:
    at = app().run()
    config = json.loads(at.get("plotly_chart")[0].proto.config)
    assert config["modeBarButtons"] == [["toImage"]]
    assert "hover" not in texts(at).lower()


def test_sliders_and_headings_add_no_extra_tab_stops() -> None:
    at = app().run()
    assert all(not s.help for s in at.select_slider)  # a help icon is one more Tab stop per slider
    assert all(h.proto.hide_anchor for h in at.subheader)  # so is a heading's anchor link
    assert '[data-testid="stHeaderActionElements"]' in "".join(html_bodies(at))  # Markdown's


def test_moving_the_ml_slider_changes_best_fit_map_and_url() -> None:
    at = app(ml="1", swe="9", comm="5").run()
    at.select_slider(key="me_ml").set_value(7.0).run()
    at.select_slider(key="me_swe").set_value(5.5).run()
    assert "Nearest role on the map: ML engineer" in texts(at)
    person = _person_trace(figures(at)[0])
    assert values(person["x"]) == [7.0] and values(person["y"]) == [5.5]
    assert at.query_params["ml"] == "7" and at.query_params["swe"] == "5.5"


def test_map_shows_every_role_region_and_labels_them() -> None:
    fig = figures(app().run())[0]
    regions = _regions(fig)
    assert len(regions) == 6 and all(r["type"] == "circle" and r["fillcolor"] for r in regions)
    labels = {a["text"].replace("<br>", " ") for a in fig["layout"]["annotations"]}
    assert "<b>Data scientist</b>" in labels
    bands = [s for s in fig["layout"]["shapes"] if s.get("name", "").startswith("open:")]
    assert {b["name"] for b in bands} == {
        "open:ml_devops",
        "open:data_engineer",
        "open:ml_engineer",
        "open:ml_researcher",
        "open:ml_product_manager",
    }
    assert all(b["line"]["dash"] == "dash" and b["fillrule"] == "evenodd" for b in bands)


def test_slider_shows_the_behaviour_anchor_of_its_level() -> None:
    at = app(swe="6").run()
    assert "shipped and maintained a service behind an API" in texts(at)


def test_target_role_shows_gap_steps_and_an_arrow_on_the_map() -> None:
    at = app(ml="1", swe="9", comm="5", target="ml_engineer").run()
    assert at.selectbox(key="me_target").value == "ml_engineer"
    page = texts(at)
    assert "Your path toward ML engineer" in page
    assert "- **ML expertise: +2.5**, from 1 to 3.5. Next steps:" in page
    assert "    1. Train a deep-learning model from scratch" in page
    # More engineering never lowers the ML engineer's fit: no "above" to explain.
    assert "- **Software engineering: no gap.**\n" in page
    arrows = [a for a in figures(at)[0]["layout"]["annotations"] if a.get("showarrow")]
    assert len(arrows) == 1 and arrows[0]["ax"] == 1.0 and arrows[0]["ay"] == 9.0
    assert arrows[0]["y"] == 9.0  # the arrow keeps the engineering and only adds ML


def test_choosing_a_target_is_written_to_the_url() -> None:
    at = app(ml="1", swe="9", comm="5").run()
    at.selectbox(key="me_target").set_value("ml_researcher").run()
    assert at.query_params["target"] == "ml_researcher"
    assert "Your path toward ML researcher" in texts(at)


def test_default_target_follows_the_best_fit_with_no_gap() -> None:
    at = app(ml="7", swe="5.5", comm="6").run()
    assert "You are already inside the region of ML engineer" in texts(at)
    assert not [a for a in figures(at)[0]["layout"]["annotations"] if a.get("showarrow")]


def test_bad_link_values_warn_and_fall_back() -> None:
    at = app(ml="banana", swe="99", target="wizard").run()
    warnings = " ".join(w.value for w in at.warning)
    assert "“ml=banana” is not a number" in warnings and "outside 0-10" in warnings
    assert at.select_slider(key="me_ml").value == 5.0
    assert not at.exception


def test_questionnaire_fills_the_sliders_and_returns_to_them() -> None:
    at = app().run()
    at.radio(key="me_mode").set_value("Questionnaire").run()
    assert not at.select_slider  # the sliders give way to the questions
    radios = [r for r in at.radio if r.key and r.key.startswith("me_q_")]
    for r in radios:
        r.set_value(r.options[-2])  # the strongest answer of each item
    submit = next(b for b in at.get("form_submit_button") if "Use these answers" in b.label)
    submit.click().run()
    assert at.select_slider(key="me_ml").value == 10.0
    assert at.select_slider(key="me_comm").value == 10.0
    assert "Scores set from your answers: ML expertise 10" in texts(at)
    assert at.radio(key="me_mode").value == "Quick rating"
    assert "*From 5 answers.*" in texts(at)  # each measure says what it rests on


def test_slider_values_survive_a_visit_to_the_questionnaire() -> None:
    at = app(ml="2", swe="8", comm="3").run()
    at.radio(key="me_mode").set_value("Questionnaire").run()
    at.radio(key="me_mode").set_value("Quick rating").run()
    assert (
        at.select_slider(key="me_ml").value == 2.0 and at.select_slider(key="me_swe").value == 8.0
    )


def test_equal_scores_warn_that_the_match_is_unreliable() -> None:
    at = app(ml="4", swe="4", comm="4").run()
    assert "All three scores are the same" in texts(at)


def test_2022_chart_has_five_regions_and_no_data_engineer_target() -> None:
    at = app(catalog="2022", target="data_engineer").run()
    assert len(_regions(figures(at)[0])) == 5
    assert "not a role of this chart" in " ".join(w.value for w in at.warning)


def test_switching_to_the_2022_chart_says_the_target_role_is_missing_from_it() -> None:
    at = app(ml="5", swe="5", comm="5", target="data_engineer").run()
    assert at.selectbox(key="me_target").value == "data_engineer"
    at.radio(key="me_catalog").set_value("2022").run()
    said = " ".join(i.value for i in at.info)
    assert "This chart edition has no Data engineer" in said
    assert at.selectbox(key="me_target").value != "data_engineer"
    at.radio(key="me_catalog").set_value("2021").run()  # back: the role is there again
    assert "This chart edition has no" not in " ".join(i.value for i in at.info)


def test_share_link_restores_the_state_and_has_a_copy_button() -> None:
    at = app(ml="2", swe="8", comm="3", target="ml_engineer").run()
    share = next(b for b in html_bodies(at) if "sm-share" in b)
    assert "ml=2&amp;swe=8&amp;comm=3&amp;target=ml_engineer" in share
    assert '<button type="button">Copy link</button>' in share


def test_a_gap_under_one_slider_step_reads_within_reach_with_no_steps() -> None:
    at = app(ml="5.5", swe="3", comm="6.5", target="data_scientist").run()
    page = texts(at)
    assert "**Communication: within reach.**" in page  # 0.4 below the bar of 6.9
    assert "Next steps" not in page and "    1. " not in page


def test_being_past_a_region_it_is_not_open_to_is_explained_where_it_lowers_the_fit() -> None:
    at = app(ml="9.5", swe="3", comm="7", target="data_scientist").run()
    page = texts(at)
    assert "**ML expertise: no gap.** You are " in page and " past the region: more than" in page
    assert "That lowers your fit for it" in page
    assert (
        "**Nothing to learn for Data scientist: you are outside its region only because you have "
        "more ML expertise than it asks, and you meet its communication bar.**"
    ) in page
    assert "axes that matter" not in page


def test_more_ml_never_costs_an_ml_engineer_their_region() -> None:
    at = app(ml="9.5", swe="5.5", comm="6", target="ml_engineer").run()
    page = texts(at)
    assert "You are already beyond the region of ML engineer in its open direction" in page
    assert " past the region" not in page


_questionnaire, _submit = questionnaire, submit_answers


def _answer_survey(at, code: str, ml: str, *activities: str):  # type: ignore[no-untyped-def]
    at.selectbox(key="me_q_years_code").set_value(code)
    at.selectbox(key="me_q_years_ml").set_value(ml)
    for a in activities:
        at.checkbox(key=f"me_q_work_activities__{a}").check()
    return _submit(at)


def test_the_survey_questions_come_first_in_the_questionnaire() -> None:
    at = _questionnaire(app().run())
    labels = [s.label for s in at.selectbox if s.key and s.key.startswith("me_q_")]
    assert labels[:2] == [
        "For how many years have you been writing code and/or programming?",
        "For how many years have you used machine learning methods?",
    ]
    assert at.checkbox(key="me_q_work_activities__ml_research").label.startswith("Do research")


def test_survey_answers_show_people_like_you_with_caveats() -> None:
    at = _answer_survey(_questionnaire(app().run()), "10-20 years", "5-10 years", "ml_research")
    page = texts(at)
    assert "### People like you" in page
    assert "People in the 2021 Kaggle survey who answer like you: " in page
    assert "Research Scientist" in page and "3 of the 9 survey questions" in page
    assert "a job title is what people are called" in page
    bars = next(
        f for f in figures(at) if f["data"][0].get("meta", {}).get("kind") == "people_like_you"
    )
    assert bars["data"][0]["y"][-1] == "Research Scientist"  # best first, drawn at the top


def test_few_answers_say_so_and_draw_a_halo_around_the_person() -> None:
    at = _answer_survey(_questionnaire(app().run()), "1-3 years", "1-2 years", "ml_service")
    page = texts(at)
    assert "From 2 answers (pulled toward the middle: fewer than 3)." in page
    assert "From 1 answer (pulled toward the middle: fewer than 3)." in page  # communication
    fig = figures(at)[0]
    halo = [s for s in fig["layout"]["shapes"] if s.get("name") == "halo"]
    assert len(halo) == 1
    assert halo[0]["x1"] - halo[0]["x0"] == __import__("pytest").approx(2 * 1.5, abs=0.01)


def test_moving_a_slider_after_the_questionnaire_makes_it_your_own_rating() -> None:
    at = _answer_survey(_questionnaire(app().run()), "1-3 years", "1-2 years", "ml_service")
    at.select_slider(key="me_ml").set_value(9.0).run()
    at.select_slider(key="me_swe").set_value(1.0).run()
    assert "From 2 answers" not in texts(at)
    assert not [s for s in figures(at)[0]["layout"]["shapes"] if s.get("name") == "halo"]


def test_an_empty_questionnaire_says_what_is_missing_and_changes_nothing() -> None:
    at = _submit(_questionnaire(app(ml="2", swe="8", comm="3").run()))
    assert "Nothing answered yet: answer at least one question." in [e.value for e in at.error]
    assert not at.success
    assert at.radio(key="me_mode").value == "Questionnaire"
    at.radio(key="me_mode").set_value("Quick rating").run()
    assert at.select_slider(key="me_ml").value == 2.0


def test_none_with_other_activities_is_refused_with_advice() -> None:
    at = _answer_survey(_questionnaire(app().run()), "1-3 years", "1-2 years", "none", "ml_service")
    assert any("'none' cannot be combined" in e.value for e in at.error)


def test_between_regions_the_heading_says_so_and_the_path_leads() -> None:
    # Below the data engineer's region, left of the product manager's: the fitted regions
    # cover the middle of the map, so the gap between regions is at its low-ML edge.
    at = app(ml="2", swe="3", comm="5").run()
    page = texts(at)
    assert "\nNearest role on the map: Data engineer" in page
    assert "On the map you are outside every region; this one is the nearest." in page
    assert "You are within one slider step of Data engineer on every measure" in page
    assert page.index("### Your path toward") < page.index("### Every role on the map")
    assert "inside the region" not in page.replace("inside the region of", "")


def test_the_strongest_all_rounder_is_in_the_ml_engineer_region_not_outside_every_one() -> None:
    at = app(ml="9.5", swe="9.5", comm="9").run()
    page = texts(at)
    assert "\nNearest role on the map: ML engineer" in page
    assert "On the map you are beyond the ML engineer region in its open direction" in page
    assert "outside every region" not in page


def test_sliders_alone_claim_no_chance_and_offer_the_questionnaire() -> None:
    at = app(ml="7", swe="6", comm="5").run()
    assert "so no chance is claimed" in texts(at)
    offer = at.button(key="me_offer_questionnaire")
    assert offer.label == "Answer the questionnaire to see how sure this is"
    offer.click().run()
    assert at.radio(key="me_mode").value == "Questionnaire"


def test_communication_deciding_the_best_fit_is_said_on_the_page() -> None:
    from roles.catalog import load_catalog
    from roles.models import Profile
    from roles.verdict import assess

    # Find a profile on the 2021 map where communication alone tips the best fit.
    catalog = load_catalog("2021")
    grid = [
        (m / 2, s / 2, c / 2)
        for m in range(0, 21, 2)
        for s in range(0, 21, 2)
        for c in range(0, 21, 2)
    ]
    ml, swe, comm = next(
        p
        for p in grid
        if assess({}, catalog, profile=Profile(ml=p[0], swe=p[1], comm=p[2])).comm_decides
    )
    at = app(ml=f"{ml:g}", swe=f"{swe:g}", comm=f"{comm:g}").run()
    assert "Communication decided this:" in " ".join(i.value for i in at.info)


def test_the_same_scores_note_waits_until_the_person_moves_something() -> None:
    at = app().run()  # all sliders at their default 5
    assert "All three scores are the same" not in texts(at)
    at.select_slider(key="me_ml").set_value(6.0).run()
    at.select_slider(key="me_ml").set_value(5.0).run()
    assert "All three scores are the same" in texts(at)


def test_target_box_does_not_name_a_stale_best_fit() -> None:
    at = app(ml="1", swe="9", comm="5").run()
    box = at.selectbox(key="me_target")
    assert box.options[0] == "Best fit (follows your scores)"
