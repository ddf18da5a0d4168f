"""Each Streamlit internal the app relies on (serving/st_internals.py), checked against the
installed Streamlit: when an upgrade moves one, its test fails naming the trick and what it
protects. Run this file before raising the pin in pyproject.toml (`streamlit>=1.67,<1.68`)."""

from __future__ import annotations

import ast
import json
from pathlib import Path
from typing import Any

import streamlit
from streamlit.testing.v1 import AppTest

from serving import st_internals

ROOT = Path(__file__).resolve().parents[2]
VERSION = streamlit.__version__


def _broke(trick: str, protects: str) -> str:
    return (
        f"Streamlit internals: the trick {trick!r} (serving/st_internals.py) broke on Streamlit "
        f"{VERSION}; it protects {protects}. Adapt it or keep the pin below this version."
    )


def _run(script: Any) -> AppTest:
    at = AppTest.from_function(script, default_timeout=30).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _watched_slider() -> None:
    import streamlit as st

    from serving.st_internals import watch_widget

    seen = st.session_state.setdefault("seen", [])
    st.slider("Rating", 0.0, 10.0, 5.0, step=0.5, key="rating")
    st.session_state["watched"] = watch_widget("rating", seen.append)


def test_watch_widget_sees_what_the_browser_sent_to_a_slider() -> None:
    broke = _broke("watch_widget", "sliders against forged ratings (components/choices.py)")
    at = _run(_watched_slider)
    assert at.session_state["watched"] is True, broke
    at.slider(key="rating").set_value(3.3).run()
    # The browser's value reaches the check before Streamlit swaps it for the default.
    assert [3.3] in [list(v) for v in at.session_state["seen"]], broke


def _sent_twice() -> None:
    import streamlit as st

    from components.skills_map import figure, map_spec
    from roles.catalog import load_catalog
    from serving.st_internals import SentAsIs

    spec = map_spec(load_catalog())
    st.plotly_chart(SentAsIs(spec), key="as_is", theme=None)
    st.plotly_chart(figure(spec), key="figure", theme=None)  # plotly's own copy of the spec


def test_a_spec_sent_as_is_reaches_the_browser_as_the_figure_would() -> None:
    at = _run(_sent_twice)
    as_is, figure = (json.loads(c.proto.spec) for c in at.get("plotly_chart"))
    assert as_is["data"] and as_is["layout"]["shapes"]
    assert as_is == figure, _broke("SentAsIs", "the Me page's rerun time (bench/bench_me.py)")


def _lost_upload() -> None:
    import streamlit as st
    from streamlit.elements.widgets.file_uploader import FileUploaderSerde
    from streamlit.proto.Common_pb2 import FileUploaderState

    from serving.st_internals import is_lost_upload

    sent = FileUploaderState()
    sent.uploaded_file_info.add(file_id="held-by-another-replica", name="team.csv", size=3)
    value = FileUploaderSerde(accept_multiple_files=False).deserialize(sent)
    st.session_state["lost"] = is_lost_upload(value)
    st.session_state["nothing"] = is_lost_upload(None)


def test_an_upload_this_server_does_not_hold_is_told_apart() -> None:
    at = _run(_lost_upload)
    broke = _broke("is_lost_upload", "the Team page after a replica failover")
    assert at.session_state["lost"] is True, broke
    assert at.session_state["nothing"] is False, broke


def test_the_operators_cookie_secret_is_told_from_streamlits_random_one() -> None:
    from streamlit import config

    broke = _broke("cookie_secret_set", "one participant per phone across replicas")
    before = config.get_option("server.cookieSecret")
    where = config.get_where_defined("server.cookieSecret")
    try:
        config.set_option(
            "server.cookieSecret", "random", where_defined=config.ConfigOption.DEFAULT_DEFINITION
        )
        assert st_internals.cookie_secret_set() is None, broke
        config.set_option("server.cookieSecret", "from-config-toml", where_defined="config.toml")
        assert st_internals.cookie_secret_set() == "from-config-toml", broke
    finally:
        config.set_option("server.cookieSecret", before, where_defined=where)


def test_the_runtime_says_which_sessions_this_server_holds() -> None:
    from streamlit.runtime import Runtime

    broke = _broke("session_is_here", "uploads after a failover (serving/affinity.py)")
    assert callable(getattr(Runtime, "exists", None)), broke
    assert callable(getattr(Runtime, "instance", None)), broke
    assert callable(getattr(Runtime, "is_active_session", None)), broke
    assert not Runtime.exists() and st_internals.session_is_here("any"), broke


# What the rest of the app may import from Streamlit: `streamlit as st`, and the type of a
# container (documented as st.delta_generator.DeltaGenerator).
ALLOWED = {"streamlit", "streamlit.delta_generator"}
APP_CODE = ["app.py", "views", "components", "serving", "store", "roles"]


def _streamlit_imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "streamlit":  # `from streamlit import config` is streamlit.config
                names = [f"streamlit.{a.name}" for a in node.names]
            else:
                names = [node.module]
        else:
            continue
        found += [n for n in names if n.split(".")[0] == "streamlit" and n not in ALLOWED]
    return found


def test_no_module_but_st_internals_reaches_into_streamlit() -> None:
    files = [ROOT / "app.py"] + [p for d in APP_CODE[1:] for p in (ROOT / d).rglob("*.py")]
    reaching = {
        str(p.relative_to(ROOT)): names
        for p in files
        if p.name != "st_internals.py" and (names := _streamlit_imports(p))
    }
    assert reaching == {}, "Streamlit internals belong in serving/st_internals.py"
