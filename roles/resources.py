"""Where the app's files are: the one place that knows the layout of a checkout and of a wheel.

In a checkout (run as is, or installed with `pip install -e .`) `app.py`, `views/`, `data/` and
`.streamlit/` sit beside the packages. An installed wheel cannot put them there (site-packages
would get a top-level `data/`), so it carries them as the package data of `ml_skills_map`, a
package made of that folder (pyproject.toml, `[tool.setuptools.package-dir]`).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

APP_PACKAGE = "ml_skills_map"
_CHECKOUT = Path(__file__).resolve().parents[1]


def app_root() -> Path:
    """The folder holding `app.py`, `views/`, `data/` and `.streamlit/config.toml`."""
    spec = importlib.util.find_spec(APP_PACKAGE)
    # An installed wheel (or an editable install, which maps the package to the checkout);
    # a checkout used without installing has no such package and is the folder itself.
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations))).resolve()
    return _CHECKOUT


def shipped_data() -> Path:
    """The folder of the catalogs, questionnaire, survey tables and fitted models."""
    return app_root() / "data"
