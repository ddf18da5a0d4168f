"""Hostile uploads: every file is made here, read in a child process whose memory is capped at
100 MB above what it had before the read (RLIMIT_AS) and whose CPU time is capped too, and must
be refused quickly with one line on stderr naming the limit, as `skills-map team FILE`."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from roles.errors import TeamFileError
from roles.team import parse_team_bytes
from tests.roles.hostile_files import HOSTILE, dimension_bomb

ROOT = Path(__file__).resolve().parents[2]
HEADROOM_MB = 100
CPU_LIMIT_S = 10  # the kernel stops the child here; the test asks for far less
CPU_BOUND_S = 2.0  # "about a second", with room for a busy shared machine

# Imports first (they are not the file's cost), then the caps, then the command itself.
CHILD = textwrap.dedent(
    """
    import contextlib, io, json, resource, sys, time
    import cli.main, pandas, roles.team  # noqa: F401

    def status(field):
        for line in open("/proc/self/status"):
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024

    cap = status("VmSize") + {headroom} * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    resource.setrlimit(resource.RLIMIT_CPU, ({cpu}, {cpu}))
    rss_before = status("VmRSS")
    err = io.StringIO()
    start = time.process_time()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        rc = cli.main.main(["team", sys.argv[1]])
    cpu = time.process_time() - start
    grew = (status("VmHWM") - rss_before) / 1024 / 1024
    print(json.dumps({{"rc": rc, "stderr": err.getvalue(), "cpu": cpu, "grew_mb": grew}}))
    """
).format(headroom=HEADROOM_MB, cpu=CPU_LIMIT_S)


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("hostile")
    for name, (filename, make, _) in HOSTILE.items():
        folder = where / name.replace(" ", "_").replace(",", "").replace("(", "").replace(")", "")
        folder.mkdir()
        (folder / filename).write_bytes(make())
    return where


def _file(hostile_dir: Path, name: str) -> Path:
    folder = name.replace(" ", "_").replace(",", "").replace("(", "").replace(")", "")
    return hostile_dir / folder / HOSTILE[name][0]


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_file_is_refused_quickly_within_100_mb_in_one_line(
    hostile_dir: Path, name: str
) -> None:
    path = _file(hostile_dir, name)
    assert path.stat().st_size <= 5 * 1024 * 1024  # every one fits under the upload limit
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, f"the child failed (memory or CPU cap?):\n{done.stderr[-2000:]}"
    result = json.loads(done.stdout.strip().splitlines()[-1])
    lines = result["stderr"].strip().splitlines()
    assert result["rc"] == 2 and len(lines) == 1, result
    words = HOSTILE[name][2]
    assert lines[0].startswith(f"skills-map: error: {path}: ") and words in lines[0], lines[0]
    assert result["cpu"] < CPU_BOUND_S, f"{name}: {result['cpu']:.2f} s of CPU"
    assert result["grew_mb"] < HEADROOM_MB


def test_the_cli_refuses_a_hostile_file_as_a_separate_process_quickly(hostile_dir: Path) -> None:
    path = _file(hostile_dir, "dimension bomb")
    done = subprocess.run(
        [sys.executable, "-m", "cli", "team", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "a value in row 1,048,576" in done.stderr


def test_the_page_s_parser_names_the_limit() -> None:
    with pytest.raises(TeamFileError, match="at most 10,000 rows") as caught:
        parse_team_bytes(dimension_bomb(), "team.xlsx")
    assert "too large for a team file" in caught.value.text("en")
