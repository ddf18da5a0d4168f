#!/usr/bin/env bash
# One replica of ML Skills Map in the foreground, with the settings every replica must share.
#   deploy/replica.sh PORT
#   deploy/replica.sh --check      only check the settings below (exit code 2 and why if wrong)
# Used by deploy/replicas.sh (N of them) and deploy/skills-map@.service (systemd), or run it
# yourself under any supervisor. Settings come from the environment (deploy/skills-map.env.example):
#   SKILLS_MAP_DATABASE_URL         required: the PostgreSQL database all replicas share
#   STREAMLIT_SERVER_COOKIE_SECRET  required: one random string, the same on every replica
#   FORWARDED_ALLOW_IPS             proxies whose X-Forwarded-For is believed (default: this machine)
#   SKILLS_MAP_BIND_ADDRESS         where the replica listens (default 127.0.0.1: only nginx here)
#   PYTHON                          the Python the app is installed in (default python3)
set -euo pipefail
port="${1:?usage: deploy/replica.sh PORT|--check}"
cd "$(dirname "$0")/.."

fail() { echo "deploy/replica.sh: $*" >&2; exit 2; }
[[ "$port" =~ ^([0-9]+|--check)$ ]] || fail "PORT must be a number, not '$port'"
case "${SKILLS_MAP_DATABASE_URL:-}" in
  postgresql*) ;;
  "") fail "set SKILLS_MAP_DATABASE_URL to the PostgreSQL database the replicas share (postgresql+psycopg://user:password@host/db)" ;;
  *) fail "SKILLS_MAP_DATABASE_URL must name a PostgreSQL database: replicas share rooms, answers and limits through it (one SQLite file is one machine's)" ;;
esac
# Without it each replica would make up its own key, and (where no SKILLS_MAP_SECRET is set) a
# phone's identity would differ between replicas that were configured differently.
[ -n "${STREAMLIT_SERVER_COOKIE_SECRET:-}" ] ||
  fail "set STREAMLIT_SERVER_COOKIE_SECRET to the same random string on every replica, e.g. $(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')"
# uvicorn (Streamlit's web server) reads this: nginx on this machine is the trusted proxy.
export FORWARDED_ALLOW_IPS="${FORWARDED_ALLOW_IPS:-127.0.0.1,::1}"
[ "$port" != --check ] || exit 0

# The server settings a hall needs (also in .streamlit/config.toml; repeated here so that a
# local config edited for development never slows a replica): no garbage collection after
# every script run, no watching the source folder.
exec "${PYTHON:-python3}" -m streamlit run app.py \
  --server.port "$port" \
  --server.address "${SKILLS_MAP_BIND_ADDRESS:-127.0.0.1}" \
  --server.headless true \
  --browser.gatherUsageStats false \
  --server.fileWatcherType none \
  --runner.postScriptGC false
