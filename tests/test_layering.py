"""Layers: views -> components -> serving -> store -> roles, and the command line (cli/) beside
the app, using the domain and the store only; checked by import-linter with the contracts in
pyproject.toml ([tool.importlinter]). The domain and the store stay free of Streamlit, so the CLI
or a notebook can use them; every import statement counts, including one inside a function (the
old hand-written check only saw what importing a module pulled in)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT = Path(sys.executable).parent / "lint-imports"


def _lint(cwd: Path) -> subprocess.CompletedProcess[str]:
    if not LINT.exists() and shutil.which("lint-imports") is None:
        pytest.skip("import-linter is not installed (it comes with the dev extra)")
    command = str(LINT) if LINT.exists() else "lint-imports"
    # The tree under test first on the path (not the editable install of this checkout).
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    return subprocess.run(
        [command, "--config", "pyproject.toml", "--no-cache"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
    )


def test_every_package_imports_only_the_layers_below_it() -> None:
    out = _lint(ROOT)
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]
    assert "0 broken" in out.stdout


def _tree(root: Path, files: dict[str, str]) -> None:
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    packages = ("cli", "roles", "store", "serving", "components", "views", "tests", "bench")
    for name in (*packages, "testsupport"):
        (root / name).mkdir()
        (root / name / "__init__.py").write_text("")
    # The command line may use the domain and the store (the tree's one allowed shape of it).
    (root / "cli" / "main.py").write_text("def run():\n    import roles\n    import store\n")
    for path, text in files.items():
        (root / path).write_text(text)


@pytest.mark.parametrize(
    ("path", "text", "broken"),
    [
        ("roles/leak.py", "def f():\n    import store\n", "roles is not allowed to import store"),
        (
            "roles/leak.py",
            "def f():\n    import streamlit as st\n",
            "roles.leak -> streamlit",
        ),
        (
            "serving/warm.py",
            "def warm():\n    import components\n",
            "serving is not allowed to import components",
        ),
        ("store/leak.py", "import serving\n", "store is not allowed to import serving"),
        ("components/up.py", "import views\n", "components is not allowed to import views"),
        ("store/ui.py", "from streamlit import config\n", "store.ui -> streamlit"),
        ("bench/load.py", "from tests import helpers\n", "bench.load -> tests"),
        ("tests/e2e.py", "def f():\n    import bench\n", "tests.e2e -> bench"),
        ("testsupport/x.py", "import tests\n", "testsupport.x -> tests"),
        ("roles/leak.py", "def f():\n    from cli import main\n", "roles.leak -> cli.main"),
        ("store/leak.py", "import cli\n", "store.leak -> cli"),
        ("cli/ui.py", "def f():\n    import components\n", "cli.ui -> components"),
        ("cli/serve.py", "import streamlit\n", "cli.serve -> streamlit"),
    ],
)
def test_an_import_across_the_layers_breaks_a_contract(
    tmp_path: Path, path: str, text: str, broken: str
) -> None:
    _tree(tmp_path, {path: text})
    out = _lint(tmp_path)
    assert out.returncode == 1, out.stdout[-3000:] + out.stderr[-2000:]
    assert broken in out.stdout


def test_the_command_line_may_use_the_domain_and_the_store(tmp_path: Path) -> None:
    """No exception is left in the contracts: the tree above (cli imports roles and store) and
    nothing else passes."""
    _tree(tmp_path, {})
    out = _lint(tmp_path)
    assert out.returncode == 0, out.stdout[-3000:]
    assert "ignore_imports" not in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
