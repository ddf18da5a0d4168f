#!/usr/bin/env bash
# Lock the dependencies: the exact version and hashes of every package, for Python 3.11+ on any
# platform (`uv pip compile --universal`), from pyproject.toml:
#   requirements.lock      what the app needs, PostgreSQL's driver included (README "Run it")
#   requirements-dev.lock  the app and the dev extra (scripts/test.sh, and so CI, installs it)
# Run it after changing dependencies in pyproject.toml (or merging a branch that did); pass
# --upgrade to move every package to its newest allowed version. tests/test_lock.py fails while
# a lock misses a dependency that pyproject.toml declares.
#   bash scripts/lock.sh [--upgrade]
set -euo pipefail
cd "$(dirname "$0")/.."

uv=.venv/bin/uv  # pinned with the dev extra; without a .venv, run `bash scripts/test.sh` once
[ -x "$uv" ] || uv=$(command -v uv) || { echo "uv not found: run 'bash scripts/test.sh' once (it makes .venv with uv) or 'pip install uv'" >&2; exit 2; }

lock() {
  "$uv" pip compile pyproject.toml --universal --python-version 3.11 --generate-hashes \
    --no-header --quiet "$@"
}
lock --extra postgres --output-file requirements.lock ${1+"$@"}
lock --extra dev --output-file requirements-dev.lock ${1+"$@"}
echo "wrote requirements.lock and requirements-dev.lock"
