"""My progress on the Me page, through AppTest: keep, save, re-take, compare, delete, and the
file that loads back to the same picture."""

from __future__ import annotations

from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

import store
from roles.progress import dump_file, load_file
from tests.app.helpers import app, figures, questionnaire, shown, submit_answers, texts


def _path(at: AppTest) -> list[dict[str, Any]]:
    return [
        t
        for t in figures(at)[0]["data"]
        if t.get("meta", {}).get("kind", "").startswith("progress")
    ]


def _change_rows(at: AppTest) -> dict[str, list[str]]:
    table = at.table[0].value
    return {str(k): [str(v) for v in row] for k, row in table.iterrows()}


def _answer(at: AppTest) -> AppTest:
    questionnaire(at)
    at.selectbox(key="me_q_years_code").set_value("3-5 years")
    at.selectbox(key="me_q_years_ml").set_value("1-2 years")
    return submit_answers(at)


def _kept(fresh_store: None) -> tuple[AppTest, str, str]:
    at = _answer(app(target="ml_engineer").run())
    at.button(key="me_progress_keep").click().run()
    return at, at.session_state["me_progress_code"], at.session_state["me_progress_key"]


def test_keep_my_progress_shows_the_key_once_and_stores_only_its_hash(fresh_store: None) -> None:
    at, code, key = _kept(fresh_store)
    assert not at.exception
    page = texts(at)
    assert f"Progress code: {code}" in page and key in page
    link = next(h.proto.body for h in at.get("html") if "sm-progress-url" in h.proto.body)
    assert f"progress={code}" in link and f"pkey={key}" in link
    record = store.read_progress(code=code, key=key)
    assert len(record.points) == 1 and record.points[0].answers  # the answers are kept
    assert record.points[0].target == "ml_engineer"
    at.button(key="me_progress_key_kept").click().run()
    assert key not in texts(at)  # once kept, the key is not shown again
    assert "pkey" not in at.query_params  # and never sits in the address


def test_the_private_link_opens_the_last_result_and_re_takes_with_its_answers(
    fresh_store: None,
) -> None:
    _, code, key = _kept(fresh_store)
    other = app(progress=code, pkey=key).run()  # a new browser: only the link
    assert not other.exception
    assert "progress" not in other.query_params and "pkey" not in other.query_params
    assert "The link had a bad value" not in texts(other)
    assert other.session_state["me_progress_code"] == code
    assert other.session_state["me_target"] == "ml_engineer"
    other.button(key="me_progress_retake").click().run()
    assert other.radio(key="me_mode").value == "Questionnaire"
    assert other.selectbox(key="me_q_years_code").value == "3-5 years"
    assert other.selectbox(key="me_q_years_ml").value == "1-2 years"
    other.selectbox(key="me_q_years_ml").set_value("5-10 years")
    submit_answers(other).button(key="me_progress_save").click().run()
    points = store.read_progress(code=code, key=key).points
    assert len(points) == 2 and points[1].saved_at > points[0].saved_at
    assert points[1].ml > points[0].ml


def test_a_wrong_key_in_a_link_opens_nothing_and_says_so(fresh_store: None) -> None:
    _, code, _key = _kept(fresh_store)
    at = app(progress=code, pkey="not-the-key").run()
    assert "do not open a progress record" in texts(at)
    assert "me_progress_code" not in at.session_state
    assert "pkey" not in at.query_params


def test_a_wrong_key_typed_in_the_form_is_said_in_the_progress_section(
    fresh_store: None,
) -> None:
    _, code, _key = _kept(fresh_store)
    at = app().run()
    at.text_input(key="me_progress_open_code").input(code.lower())
    at.text_input(key="me_progress_open_key").input("not-the-key")
    next(b for b in at.get("form_submit_button") if b.label == "Open my progress").click().run()
    assert not at.exception
    assert "do not open a progress record" in shown("\n".join(e.value for e in at.error))
    assert "me_progress_code" not in at.session_state


def test_compare_draws_the_dated_path_and_the_change_table(fresh_store: None) -> None:
    at = app(ml="3", swe="3", comm="5", target="ml_engineer").run()
    at.button(key="me_progress_save").click().run()
    at.select_slider(key="me_ml").set_value(6.0).run()
    at.select_slider(key="me_swe").set_value(7.0).run()
    at.button(key="me_progress_save").click().run()
    assert not at.exception
    line, marks = _path(at)
    assert marks["x"] == line["x"] == [3.0, 6.0] and marks["y"] == line["y"] == [3.0, 7.0]
    assert len(marks["text"]) == 2 and len(marks["meta"]["dates"]) == 2  # each mark dated
    older, newer = marks["marker"]["color"]
    assert float(older.split(",")[-1][:-1]) < float(newer.split(",")[-1][:-1])  # older lighter
    rows = _change_rows(at)
    assert rows["ML expertise"][-1] == "+3" and rows["Communication"][-1] == "no change"
    # (3, 3) against the ML engineer's region (5.8, 5.7; extents 2.5, 1.9): d² 3.27, fit 48.
    assert rows["Fit to ML engineer"][0] == "48" and rows["Fit to ML engineer"][1] == "100"
    page = texts(at)
    assert "You closed the software-engineering gap toward ML engineer since" in page
    assert "Done: Package a model behind an API" in page
    assert "Your path in words: 2 saved results, oldest first:" in page


def test_delete_my_progress_removes_every_point(fresh_store: None) -> None:
    at, code, key = _kept(fresh_store)
    at.button(key="me_progress_save").click().run()
    at.button(key="me_progress_delete").click().run()
    assert store.read_progress(code=code, key=key).points  # not before the confirmation
    at.button(key="me_progress_delete_yes").click().run()
    assert "Deleted your progress record and its 2 saved results." in texts(at)
    with pytest.raises(store.RoomNotFound):
        store.read_progress(code=code, key=key)
    assert "me_progress_points" not in at.session_state and not _path(at)


def test_a_downloaded_progress_file_loads_back_to_the_same_picture(fresh_store: None) -> None:
    at = app(ml="2", swe="4", comm="5", target="data_engineer").run()
    at.button(key="me_progress_save").click().run()
    at.select_slider(key="me_swe").set_value(8.0).run()
    at.button(key="me_progress_save").click().run()
    before_path, before_rows = _path(at), _change_rows(at)
    data = dump_file(at.session_state["me_progress_points"])  # what the download button sends
    other = app().run()
    other.file_uploader(key="me_progress_file").set_value(
        ("ml-skills-map-progress.json", data, "application/json")
    ).run()
    assert not other.exception
    assert "Loaded 2 saved results from the file." in texts(other)
    assert _path(other) == before_path and _change_rows(other) == before_rows
    assert other.session_state["me_progress_points"] == load_file(data)
    assert "me_progress_code" not in other.session_state  # nothing stored on the server
    # Keeping it on the server afterwards keeps the file's results as they are.
    other.button(key="me_progress_keep").click().run()
    code, key = other.session_state["me_progress_code"], other.session_state["me_progress_key"]
    assert store.read_progress(code=code, key=key).points == load_file(data)


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b'{"profile": {"ml": 2}}', "not a progress file of ML Skills Map"),
        (b"\x89PNG\r\n", "not a progress file of ML Skills Map"),
        (
            b'{"format": "ml-skills-map-progress", "version": 1, "points": [{"ml": 99}]}',
            "damaged at points.0",
        ),
        (b" " * (600 * 1024), "at most 512 kB"),
    ],
)
def test_a_bad_or_foreign_file_is_refused_plainly(
    fresh_store: None, data: bytes, says: str
) -> None:
    at = app(ml="2", swe="4", comm="5").run()
    at.button(key="me_progress_save").click().run()
    at.file_uploader(key="me_progress_file").set_value(("x.json", data, "application/json")).run()
    assert not at.exception
    assert says in shown("\n".join(e.value for e in at.error))
    assert len(at.session_state["me_progress_points"]) == 1  # what was held stays
