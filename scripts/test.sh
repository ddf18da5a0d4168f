#!/usr/bin/env bash
# Install everything the tests need and run them: the README's test command, and what CI runs.
#   bash scripts/test.sh [pytest args]
# On a Debian machine as root it also installs chromium, PostgreSQL and nginx, and starts a
# throwaway PostgreSQL server on 127.0.0.1 for the store and deployment tests (tests/deploy/ start
# their own nginx on 127.0.0.1); elsewhere those tests are skipped with a note.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_install() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    [ -n "${_apt_updated:-}" ] || { apt-get update -qq; _apt_updated=1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  fi
}

[ -x /usr/bin/chromium ] || apt_install chromium
# Chinese pages, charts and the report's PNG map need a CJK font in chromium and kaleido.
fc-list 2>/dev/null | grep -q "Noto Sans CJK" || apt_install fonts-noto-cjk
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || apt_install postgresql
# Installing Debian's nginx does not start it where there is no init system (CI containers);
# the deployment tests run their own nginx on a free port.
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null || apt_install nginx

[ -d .venv ] || python3 -m venv .venv
# shellcheck disable=SC1091
. .venv/bin/activate
python -m pip install -q --upgrade pip
# The exact, hash-checked versions the tests run on (made by scripts/lock.sh from pyproject.toml),
# then this checkout itself, editable, with nothing resolved again.
python -m pip install -q --require-hashes -r requirements-dev.lock
python -m pip install -q --no-deps -e .
missing=$(python -m pip check 2>&1 | grep '^ml-skills-map ' || true)
if [ -n "$missing" ]; then
  echo "$missing" >&2
  echo "requirements-dev.lock misses a dependency of pyproject.toml: run 'bash scripts/lock.sh'" >&2
  exit 2
fi

if [ -z "${SKILLS_MAP_TEST_POSTGRES_URL:-}" ] && [ "$(id -u)" = 0 ] && ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  pg_root=$(mktemp -d /tmp/skills-map-pg.XXXXXX)
  pg_port=$(python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  pg_pass=$(python -c 'import secrets; print(secrets.token_hex(12))')
  mkdir -p "$pg_root/data" "$pg_root/sock"
  echo "$pg_pass" > "$pg_root/pw"
  chown -R postgres "$pg_root"
  su postgres -c "$pg_bin/initdb -D $pg_root/data -U postgres --auth-local=trust --auth-host=scram-sha-256 --pwfile=$pg_root/pw" >/dev/null
  su postgres -c "$pg_bin/pg_ctl -D $pg_root/data -o '-p $pg_port -k $pg_root/sock -c listen_addresses=127.0.0.1' -l $pg_root/log -w start" >/dev/null
  trap 'su postgres -c "$pg_bin/pg_ctl -D $pg_root/data -m fast stop" >/dev/null 2>&1; rm -rf "$pg_root"' EXIT
  export SKILLS_MAP_TEST_POSTGRES_URL="postgresql+psycopg://postgres:${pg_pass}@127.0.0.1:${pg_port}/postgres"
fi

python -m pytest "$@"
