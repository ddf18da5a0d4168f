"""The About page explains the model, every role and the fit formula."""

from roles.catalog import load_catalog
from tests.app.helpers import app, figures, texts


def test_about_has_a_card_per_role_with_work_product_and_backgrounds() -> None:
    at = app("views/about.py").run()
    assert not at.exception
    page = texts(at)
    headings = [h.proto.body for h in at.get("html")]
    catalog = load_catalog("2021")
    symbols = catalog.symbols()
    for role in catalog.roles:
        # The card's heading carries the role's marker: its colour and its shape, as drawn.
        heading = next(h for h in headings if h.startswith("<h4>") and role.name in h)
        assert f'fill="{role.colour}"' in heading and "<svg" in heading
        assert ("<circle" in heading) == (symbols[role.id] not in {"square", "diamond",
            "triangle-up", "triangle-down", "pentagon", "hexagon"})  # fmt: skip
        assert f"**Judged by:** {role.work_product}" in page
        assert role.backgrounds[0] in page


def test_about_says_where_each_role_sits_in_words_not_chart_coordinates() -> None:
    at = app("views/about.py").run()
    captions = [c.value for c in at.caption if "Sits at" in c.value]
    assert len(captions) == len(load_catalog("2021").roles)
    # The ML engineer: the middle of the map on both measures (5.8, 5.7 since 2026-12-07).
    engineer = next(c for c in captions if "middle ML expertise" in c and "middle software" in c)
    assert engineer and not any("(0." in c for c in captions)


def test_about_publishes_the_fit_formula_and_gap_rule() -> None:
    at = app("views/about.py").run()
    assert any("fit} = 100" in latex.value for latex in at.get("latex"))
    assert any(r"\tilde u_{ml}" in latex.value for latex in at.get("latex"))  # open directions
    page = texts(at)
    assert "never a gap to close" in page and "A role is **open** in a direction" in page
    assert "*inside* a role's region" in page and "*beyond* it in its open direction" in page


def test_about_says_how_sure_the_heading_is_and_checks_it() -> None:
    from roles.confidence import load_confidence

    at = app("views/about.py").run()
    page = texts(at)
    model = load_confidence()
    assert f"at least {model.one_role_at:.0%}" in page and "claims no chance" in page
    kinds = at.table[1].value
    assert list(kinds.columns) == ["Share of people", "Chance it states", "Actually right"]
    assert "One role" in kinds.index and "Close call (two roles)" in kinds.index
    assert "expected calibration error" in page


def test_about_shows_the_empty_map_with_all_regions() -> None:
    fig = figures(app("views/about.py").run())[0]
    regions = [s for s in fig["layout"]["shapes"] if s["name"].startswith("region:")]
    assert len(regions) == 6
    assert fig["layout"]["annotations"] and "alt" not in fig  # the summary is the chart's alt


def test_about_publishes_the_validity_figures_and_credits_kaggle() -> None:
    from roles.catalog import load_catalog, load_questionnaire
    from roles.validity import evaluate

    at = app("views/about.py").run()
    report = evaluate(load_catalog("2021"), load_questionnaire(), "validation")
    table = at.table[0].value
    balanced = table.loc["Balanced (mean over titles)"]
    assert balanced["Role ranked first"] == f"{report.top1:.0%}"
    assert balanced["Role in the first two"] == f"{report.top2:.0%}"
    assert "Kaggle Machine Learning & Data Science Survey 2021" in texts(at)
    assert "close call" in texts(at) and "halo" in texts(at)
