"""The People like you model: rebuilt from its shipped coefficients, reproducible from the script."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from roles.catalog import DATA_DIR, load_questionnaire
from roles.errors import CatalogError
from roles.survey import load_respondents
from roles.survey_model import (
    COPIES,
    MISSING,
    MODEL_FILE,
    QUESTIONS,
    encode,
    feature_names,
    fit_model,
    load_model,
    masked_copies,
    respondent_answers,
)

SHIPPED = json.loads((DATA_DIR / MODEL_FILE).read_text(encoding="utf-8"))


def test_the_shipped_model_was_fitted_on_the_calibration_half_only() -> None:
    table = load_respondents()
    calibration = table[table["half"] == "calibration"]
    assert SHIPPED["fitted_on"]["half"] == "calibration"
    assert SHIPPED["fitted_on"]["respondents"] == len(calibration)
    assert SHIPPED["fitted_on"]["per_title"] == calibration["title"].value_counts().to_dict()


def test_the_script_reproduces_the_shipped_coefficients() -> None:
    table = load_respondents()
    fitted = fit_model(table[table["half"] == "calibration"], c=SHIPPED["C"])
    assert list(fitted.model.classes_) == SHIPPED["classes"]
    assert fitted.names == SHIPPED["features"]
    np.testing.assert_allclose(fitted.model.coef_, SHIPPED["coef"], atol=1e-4)
    np.testing.assert_allclose(fitted.model.intercept_, SHIPPED["intercept"], atol=1e-4)


def test_the_rebuilt_estimator_gives_the_fitted_probabilities() -> None:
    model = load_model()
    rows = [respondent_answers(r) for r in load_respondents().head(50).to_dict("records")]
    p = model.probabilities(rows)
    assert p.shape == (50, 5) and np.allclose(p.sum(axis=1), 1)
    logits = encode(rows, model.names) @ np.array(SHIPPED["coef"]).T + SHIPPED["intercept"]
    expected = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    np.testing.assert_allclose(p, expected, atol=1e-9)


def test_features_are_the_questionnaire_survey_answers_with_a_missing_one_each() -> None:
    names = feature_names(load_questionnaire())
    assert names == SHIPPED["features"]
    assert [n for n in names if n.endswith(MISSING)] == [f"{q}{MISSING}" for q in QUESTIONS]
    assert "languages:sql" in names and "education=doctoral" in names


def test_a_question_not_shown_in_the_survey_is_missing_not_no() -> None:
    names = feature_names(load_questionnaire())
    row = {"years_code": "1-3 years", "title": "Data Scientist", "cv_methods": ""}
    x = encode([respondent_answers(row)], names)[0]
    assert x[names.index(f"cv_methods{MISSING}")] == 1
    assert x[names.index("cv_methods:none")] == 0


def test_masked_copies_leave_questions_out_as_missing() -> None:
    names = feature_names(load_questionnaire())
    row = respondent_answers(load_respondents().iloc[0].to_dict())
    x = encode([row] * 200, names)
    copies = masked_copies(x, names)
    assert copies.shape == (200 * COPIES, len(names))
    missing = copies[:, [names.index(f"{q}{MISSING}") for q in QUESTIONS]]
    assert 0 < missing.mean() < 1  # some questions left out, never all of every copy
    # Where a question is missing, none of its answers is set.
    sql = names.index("languages:sql")
    assert not (copies[:, names.index(f"languages{MISSING}")] * copies[:, sql]).any()


def test_a_model_file_for_other_questions_is_refused_with_the_fix(tmp_path: Path) -> None:
    broken = dict(SHIPPED, features=SHIPPED["features"][:-1])
    path = tmp_path / "model.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(CatalogError, match=r"fit_people_like_you\.py"):
        load_model(str(path))
