"""The benchmark scripts still start: a script nobody runs in CI rots silently (bench/validity.py
called a function whose signature had changed, and nobody saw it until it was run by hand)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
WITH_OPTIONS = sorted(
    p.name for p in BENCH.glob("*.py") if "argparse" in p.read_text(encoding="utf-8")
)


def _run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, timeout=timeout, check=False
    )


@pytest.mark.parametrize("script", WITH_OPTIONS)
def test_a_benchmark_script_imports_and_explains_itself(script: str) -> None:
    done = _run(str(BENCH / script), "--help")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "usage:" in done.stdout


def test_the_validity_benchmark_runs_to_its_figures() -> None:
    done = _run(str(BENCH / "validity.py"))
    assert done.returncode == 0, done.stderr[-2000:]
    assert "balanced (mean over titles)" in done.stdout and "People like you" in done.stdout
    assert "expected calibration error" in done.stdout and "Stress tests" in done.stdout


@pytest.mark.parametrize("script", ["fit_confidence.py", "search_regions.py"])
def test_the_fitting_scripts_explain_themselves(script: str) -> None:
    done = _run(str(BENCH.parent / "scripts" / script), "--help")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "usage:" in done.stdout and "calibration" in done.stdout
