"""The domain and the store stay free of Streamlit, so a CLI or a notebook can use them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("package", ["roles", "store"])
def test_package_imports_without_streamlit(package: str) -> None:
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
        "bad = sorted(n for n in sys.modules if n == 'streamlit' or n.startswith('streamlit.'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "", f"{package} pulled in streamlit: {out.stdout[:200]}"
