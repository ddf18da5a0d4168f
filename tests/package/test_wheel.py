"""`pip install .` (not -e): the wheel carries what the app and the CLI need, and works from a
fresh virtualenv outside the checkout: `skills-map match`, `check-catalog` and `serve` (the app
answers its health check and draws its first page).

The wheel is built as `pip install .` builds it; the fresh virtualenv gets this test run's
installed dependencies through a path file instead of downloading them (--no-deps), so the test
runs offline in seconds. Everything it imports of the project must come from the virtualenv.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

from tests.aio import run
from tests.expected import ROLE_IDS_2021
from testsupport.server import free_port, wait_healthy
from testsupport.stclient import Session

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PACKAGES = PYPROJECT["tool"]["setuptools"]["packages"]
# The top-level names the wheel puts into site-packages (docs/deployment.md says why these).
TOP_LEVEL = {"cli", "roles", "store", "serving", "components", "ml_skills_map"}
APP_FILES = (".streamlit", "app.py", "data", "views")


def _build_wheel(dest: Path) -> Path:
    """The wheel of a copy of what the build reads (the checkout itself stays clean)."""
    src = dest / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md", *APP_FILES, *{p.split(".")[0] for p in PACKAGES}):
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif path.exists():
            shutil.copy(path, src / name)
    out = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dest), str(src)],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    (wheel,) = dest.glob("ml_skills_map-*.whl")
    return wheel


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A fresh virtualenv with the wheel installed; its bin folder and an environment."""
    tmp = tmp_path_factory.mktemp("wheel")
    wheel = _build_wheel(tmp)
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # The dependencies of this test run, after the virtualenv's own packages on sys.path.
    Path(purelib, "test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    pip = [sys.executable, "-m", "pip", "--python", str(python)]
    out = subprocess.run(
        [*pip, "install", "-q", "--no-deps", "--no-index", str(wheel)],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    env = {k: v for k, v in os.environ.items() if not k.startswith("SKILLS_MAP_")}
    env.pop("PYTHONPATH", None)
    env["SKILLS_MAP_DATA_HOME"] = str(tmp / "appdata")
    return venv / "bin", env


def _run(installed: tuple[Path, dict[str, str]], *args: str) -> subprocess.CompletedProcess[str]:
    bin_dir, env = installed
    return subprocess.run(
        [str(bin_dir / args[0]), *args[1:]],
        cwd=bin_dir.parent,  # outside the checkout: nothing found by accident
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_wheel_holds_the_app_its_data_translations_and_settings(
    installed: tuple[Path, dict[str, str]],
) -> None:
    (wheel,) = installed[0].parents[1].glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")} == (
        TOP_LEVEL
    )
    shipped = {n.removeprefix("ml_skills_map/") for n in names if n.startswith("ml_skills_map/")}
    data = {p.relative_to(ROOT).as_posix() for p in (ROOT / "data").iterdir()}
    views = {p.relative_to(ROOT).as_posix() for p in (ROOT / "views").glob("*.py")}
    assert data | views | {"app.py", ".streamlit/config.toml"} <= shipped
    assert "roles/locale/zh/LC_MESSAGES/messages.mo" in names
    assert "store/confusables.txt" in names


def test_the_installed_package_is_the_one_that_runs(
    installed: tuple[Path, dict[str, str]],
) -> None:
    code = "import roles, cli; from roles.resources import app_root; print(roles.__file__, cli.__file__, app_root())"
    out = _run(installed, "python", "-c", code)
    venv = str(installed[0].parent)
    assert out.returncode == 0, out.stderr
    assert all(p.startswith(venv) for p in out.stdout.split()), out.stdout


def test_installed_match_answers_as_the_checkout_does(
    installed: tuple[Path, dict[str, str]],
) -> None:
    """The packaged catalog, questionnaire, survey tables and models give the same report."""
    profile = ("match", "--ml", "2", "--swe", "8", "--comm", "5")
    for extra in (("--json",), ("--json", "--lang", "zh"), ("--lang", "zh")):
        out = _run(installed, "skills-map", *profile, *extra)
        here = subprocess.run(
            [sys.executable, "-m", "cli", *profile, *extra],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert out.returncode == 0, out.stderr
        assert out.stdout == here.stdout and out.stdout.strip()
    report = json.loads(_run(installed, "skills-map", *profile, "--json").stdout)
    assert [f["role"] for f in report["fits"]] and len(report["fits"]) == len(ROLE_IDS_2021)


def test_installed_check_catalog_checks_a_file(installed: tuple[Path, dict[str, str]]) -> None:
    catalog = ROOT / "data" / "roles.yaml"
    out = _run(installed, "skills-map", "check-catalog", str(catalog))
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith(f"{catalog}: OK, {len(ROLE_IDS_2021)} roles")
    bad = _run(installed, "skills-map", "check-catalog", "missing.yaml")
    assert bad.returncode == 2 and bad.stderr.startswith("skills-map: error: missing.yaml")


def test_installed_serve_answers_and_draws_the_first_page(
    installed: tuple[Path, dict[str, str]],
) -> None:
    bin_dir, env = installed
    port = free_port()
    where = ["--server.port", str(port), "--server.address", "127.0.0.1"]
    proc = subprocess.Popen(
        [str(bin_dir / "skills-map"), "serve", *where],
        cwd=bin_dir.parent,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        wait_healthy(url, proc, timeout=60)

        async def first_page() -> str:
            tab = Session(url, "", "")
            try:
                return "\n".join((await tab.open(timeout=90)).texts)
            finally:
                await tab.close()

        text = run(first_page())
        assert "Which ML role fits you?" in text and "Every role on the map" in text, text[:2000]
    finally:
        proc.terminate()  # serve became streamlit itself (same process id)
        proc.wait(timeout=30)
