"""Layers: the domain and the store stay free of Streamlit, so a CLI or a notebook can use them,
and the store depends on the domain, never the other way round (the CLI imports the store only
inside the commands that need it)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# What importing every module of a package must not pull in.
FORBIDDEN = {
    "roles": ("streamlit", "store", "components", "serving", "views"),
    "store": ("streamlit", "components", "serving", "views"),
}


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_only_the_layers_below_it(package: str) -> None:
    if not (ROOT / package).is_dir():
        pytest.skip(f"{package}/ not present")
    modules = sorted(
        p.relative_to(ROOT).with_suffix("").as_posix().replace("/", ".")
        for p in (ROOT / package).glob("*.py")
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}:\n"
        "    if not m.endswith('__main__'): importlib.import_module(m)\n"
        f"bad = sorted(n for n in sys.modules if n.split('.')[0] in {FORBIDDEN[package]!r})\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "", f"{package} pulled in {out.stdout[:200]}"
