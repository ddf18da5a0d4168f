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


def _run(*args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, timeout=timeout, check=False
    )


@pytest.mark.parametrize("script", WITH_OPTIONS)
def test_a_benchmark_script_imports_and_explains_itself(script: str) -> None:
    done = _run(str(BENCH / script), "--help")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "usage:" in done.stdout


def test_the_validity_benchmark_runs_to_its_figures() -> None:
    # A generous bound: the whole validation (every half, both editions, the stress groups)
    # takes about a minute alone and several on a busy 2-core machine; this is no timing test.
    done = _run(str(BENCH / "validity.py"), timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "balanced (mean over titles)" in done.stdout and "People like you" in done.stdout
    assert "expected calibration error" in done.stdout and "Stress tests" in done.stdout


@pytest.mark.parametrize(
    "script", ["fit_confidence.py", "search_regions.py", "fit_map_shifts.py", "cv_map.py"]
)
def test_the_fitting_scripts_explain_themselves(script: str) -> None:
    done = _run(str(BENCH.parent / "scripts" / script), "--help")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "usage:" in done.stdout and "calibration" in done.stdout


def test_the_map_shifts_reproduce_from_the_calibration_half() -> None:
    # The levels and shifts in data/questionnaire.yaml are what the script fits for the shipped
    # regions.
    done = _run(str(BENCH.parent / "scripts" / "fit_map_shifts.py"), "--check")
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "questionnaire.yaml has the fitted levels and shifts" in done.stdout


def test_the_whole_map_procedure_reproduces_the_shipped_numbers() -> None:
    # From #18's regions, the levels-and-shifts fit and the region search alternate until the
    # search moves nothing; where they stop is what data/ ships (about a minute alone).
    done = _run(str(BENCH.parent / "scripts" / "cv_map.py"), "--full", "--check")
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "data/roles.yaml has the fitted regions" in done.stdout
    assert "data/questionnaire.yaml has the fitted levels and shifts" in done.stdout


def test_the_fits_linear_design_scores_exactly_as_the_questionnaire() -> None:
    # fit_map_shifts.py fits levels through this design: it must be the scoring itself, for the
    # shipped levels and for levels it has never seen.
    from roles.catalog import load_questionnaire
    from roles.validity import half_rows
    from scripts.map_levels import design, levels_of, with_levels

    q, rows = load_questionnaire(), half_rows("calibration").iloc[:600]
    moved = with_levels(q, levels_of(q)[::-1].copy())
    assert levels_of(moved).tolist() == levels_of(q)[::-1].tolist()
    for questionnaire in (q, moved):
        assert design(questionnaire, rows).check(questionnaire, rows) == 0.0


@pytest.mark.parametrize("edition", ["2021", "2022"])
def test_the_shipped_regions_are_where_the_region_search_stops(edition: str) -> None:
    # Regions and shifts were fitted in turn until neither moved: one more round of the search
    # from the shipped regions, with the shipped shifts, finds nothing better.
    script = str(BENCH.parent / "scripts" / "search_regions.py")
    done = _run(script, "--catalog", edition, "--rounds", "1")
    assert done.returncode == 0, done.stderr[-2000:]
    values = [
        line.split()[1] for line in done.stdout.splitlines() if line.startswith(("start", "round"))
    ]
    assert len(values) == 2 and values[0] == values[1], done.stdout
