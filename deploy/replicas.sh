#!/usr/bin/env bash
# Start N replicas of ML Skills Map on ports FIRST_PORT.. (default 8501), restart any that
# exits, and stop them all on Ctrl-C or SIGTERM.
#   set -a; . /etc/skills-map.env; set +a      # the shared settings (deploy/skills-map.env.example)
#   deploy/replicas.sh N [FIRST_PORT]
# Before starting, it checks the database and creates or upgrades its tables once. It prints the
# `server` lines for the upstream in deploy/nginx/skills-map.conf once every replica answers.
# SKILLS_MAP_RUN_DIR (default /tmp/skills-map-replicas) gets one log and one pid file per
# replica: replica-PORT.log, replica-PORT.pid (the pid of the running server).
set -euo pipefail
count="${1:?usage: deploy/replicas.sh N [FIRST_PORT]}"
first="${2:-8501}"
here="$(cd "$(dirname "$0")" && pwd)"
python="${PYTHON:-python3}"
run_dir="${SKILLS_MAP_RUN_DIR:-/tmp/skills-map-replicas}"
address="${SKILLS_MAP_BIND_ADDRESS:-127.0.0.1}"
[[ "$count" =~ ^[1-9][0-9]*$ && "$first" =~ ^[0-9]+$ ]] ||
  { echo "usage: deploy/replicas.sh N [FIRST_PORT]" >&2; exit 2; }
mkdir -p "$run_dir"

# Check once, with one readable error, rather than have N replicas fail alike in their logs;
# and create or upgrade the tables before replicas start serving.
"$here/replica.sh" --check
(cd "$here/.." && "$python" -m cli check-store)

supervise() {
  local port=$1 code
  while :; do
    "$here/replica.sh" "$port" >>"$run_dir/replica-$port.log" 2>&1 &
    echo $! >"$run_dir/replica-$port.pid"
    code=0
    wait $! || code=$?
    echo "replica on port $port exited with code $code; restarting it in 2 s" >&2
    sleep 2
  done
}

supervisors=()
stop() {
  trap - INT TERM EXIT
  # Supervisors first, so that nothing restarts a replica being stopped.
  kill "${supervisors[@]}" 2>/dev/null || true
  for ((i = 0; i < count; i++)); do
    pid_file="$run_dir/replica-$((first + i)).pid"
    [ -f "$pid_file" ] && kill "$(cat "$pid_file")" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  rm -f "$run_dir"/replica-*.pid
}
trap stop INT TERM EXIT

for ((i = 0; i < count; i++)); do
  supervise "$((first + i))" &
  supervisors+=("$!")
done

# Each replica answers /_stcore/health about a second after it starts.
"$python" - "$address" "$first" "$count" <<'EOF'
import sys, time, urllib.request

address, first, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
deadline = time.monotonic() + 120
for port in range(first, first + count):
    while True:
        try:
            with urllib.request.urlopen(f"http://{address}:{port}/_stcore/health", timeout=2):
                break
        except OSError:
            if time.monotonic() > deadline:
                sys.exit(f"the replica on port {port} did not answer within 120 s; see its log")
            time.sleep(0.3)
print(f"{count} replicas answer. Upstream servers for deploy/nginx/skills-map.conf:")
for port in range(first, first + count):
    print(f"    server {address}:{port} max_fails=1 fail_timeout=10s;")
EOF
echo "Logs: $run_dir/replica-PORT.log. Ctrl-C stops them all."
wait "${supervisors[@]}"
