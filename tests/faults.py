"""Database faults for tests: a disk that fills up, and an SQLite write lock held elsewhere.

`small_disk()` mounts a 2 MB tmpfs (root only; the test is skipped with the reason elsewhere),
`fill(folder)` then takes every free byte of it, so the next write anywhere on it fails as on
a full disk. `write_lock(path)` holds the file's write lock from another connection, as a
backup tool or an sqlite3 shell can.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def small_disk() -> Iterator[Path]:
    """A folder on a 2 MB file system of its own, unmounted afterwards."""
    if os.geteuid() != 0:
        pytest.skip("a full disk is simulated with a small tmpfs, which needs root")
    folder = Path(tempfile.mkdtemp(prefix="skills-map-disk-"))
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        folder.rmdir()
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
        folder.rmdir()


def fill(folder: Path) -> None:
    """Take every free byte of the file system that holds `folder`."""
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass  # ENOSPC: the disk is full, as wanted
    finally:
        os.close(fd)


@contextlib.contextmanager
def write_lock(path: Path) -> Iterator[None]:
    """Hold the SQLite file's write lock (an open write transaction) until the block ends."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        yield
    finally:
        conn.execute("ROLLBACK")
        conn.close()
