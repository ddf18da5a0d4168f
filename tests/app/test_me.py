"""The Me page, driven through AppTest: sliders, best fit, ranked fits, target, URL state."""

from __future__ import annotations

import json

from roles.catalog import load_catalog
from roles.match import match
from roles.models import Profile
from tests.app.helpers import app, figures, html_bodies, texts, values


def _person_trace(fig: dict) -> dict:
    return next(t for t in fig["data"] if t.get("meta", {}).get("kind") == "person")


def _regions(fig: dict) -> list[dict]:
    return [s for s in fig["layout"].get("shapes", []) if s.get("name", "").startswith("region:")]


def _fits_table(at) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """The rows of the "All roles" Markdown table: [rank, role, fit, why]."""
    table = next(m.value for m in at.markdown if "| # | Role" in m.value)
    lines = table[table.index("| # | Role") :].splitlines()
    return [[c.strip() for c in line.strip("|").split(" | ")] for line in lines[2:]]


def test_backend_engineer_sees_ml_devops_as_best_fit() -> None:
    at = app(ml="1", swe="9", comm="5").run()
    assert not at.exception
    assert "Best fit: ML DevOps / platform engineer" in texts(at)
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
        '<p class="sm-fit-line"><strong>Best fit: ML DevOps / platform engineer</strong> '
        "(fit 98)</p>" in [h.proto.body for h in rate_column.get("html")]
    )
    assert len(rate_column.slider) == 3


def test_map_has_a_text_summary_for_screen_readers() -> None:
    at = app(ml="5", swe="5", comm="5", target="ml_engineer").run()
    alt = at.get("plotly_chart")[0].proto.alt
    assert "You are at ML expertise 5.0 and software engineering 5.0" in alt
    assert "Nearest regions: ML engineer (" in alt and "points away)" in alt
    assert "Best fit: ML engineer (fit " in alt
    assert "An arrow points from you toward the ML engineer region." in alt


def test_map_offers_only_png_export_and_no_hover_only_instructions() -> None:
    at = app().run()
    config = json.loads(at.get("plotly_chart")[0].proto.config)
    assert config["modeBarButtons"] == [["toImage"]]
    assert "hover" not in texts(at).lower()


def test_sliders_and_headings_add_no_extra_tab_stops() -> None:
    at = app().run()
    assert all(not s.help for s in at.slider)  # a help icon is one more Tab stop per slider
    assert all(h.proto.hide_anchor for h in at.subheader)  # so is a heading's anchor link
    assert '[data-testid="stHeaderActionElements"]' in "".join(html_bodies(at))  # Markdown's


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
    regions = _regions(fig)
    assert len(regions) == 6 and all(r["type"] == "circle" and r["fillcolor"] for r in regions)
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
    assert "- **ML expertise: +4.5**, from 1 to 5.5. Next steps:" in page
    assert "    1. Train a deep-learning model from scratch" in page
    assert "**Software engineering: no gap.**" in page
    arrows = [a for a in figures(at)[0]["layout"]["annotations"] if a.get("showarrow")]
    assert len(arrows) == 1 and arrows[0]["ax"] == 1.0 and arrows[0]["ay"] == 9.0


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
    assert len(_regions(figures(at)[0])) == 5
    assert "not a role of this chart" in " ".join(w.value for w in at.warning)


def test_share_link_restores_the_state_and_has_a_copy_button() -> None:
    at = app(ml="2", swe="8", comm="3", target="ml_engineer").run()
    share = next(b for b in html_bodies(at) if "sm-share" in b)
    assert "ml=2&amp;swe=8&amp;comm=3&amp;target=ml_engineer" in share
    assert '<button type="button">Copy link</button>' in share


def test_a_gap_under_one_slider_step_reads_within_reach_with_no_steps() -> None:
    at = app(ml="9.5", swe="3", comm="5", target="ml_researcher").run()
    page = texts(at)
    assert "**Communication: within reach.**" in page
    assert "Next steps" not in page and "    1. " not in page


def test_over_qualification_is_explained_where_it_lowers_the_fit() -> None:
    at = app(ml="9.5", swe="5.5", comm="6", target="ml_engineer").run()
    page = texts(at)
    assert "**ML expertise: no gap.** You are 2.5 above what the role typically uses." in page
    assert "That lowers your fit for it" in page
