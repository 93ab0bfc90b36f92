#!/usr/bin/env bash
# Footprint of the agent in sim mode: time from `java` launch to a healthy /api/v1/health, and
# resident memory after an idle minute, with the shipped JVM flags (systemd/jvm.options) against
# the JVM's defaults as a baseline. Loopback only; every process started here is stopped by PID.
#
# Usage: bench/footprint.sh [start-runs=10] [rss-runs=3] [idle-seconds=60]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-$(bin/jdk)}"
JAVA="$JAVA_HOME/bin/java"
JAR=agent/target/dialtone-agent.jar
START_RUNS=${1:-10}
RSS_RUNS=${2:-3}
IDLE=${3:-60}
PORT=18181
WORK=$(mktemp -d)
PID=""

cleanup() { [[ -n "$PID" ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM


[[ -f "$JAR" ]] || mvn -q -B package -DskipTests -Dspotless.check.skip

now_ms() { date +%s%3N; }

# launch <flags-name> <data-dir>: starts the agent; sets PID and ELAPSED (ms until healthy)
launch() {
  local flags=() begin
  if curl -s "http://127.0.0.1:$PORT/" >/dev/null 2>&1; then
    echo "port $PORT is already in use; stop whatever listens there" >&2; return 1
  fi
  [[ "$1" == shipped ]] && flags=("@systemd/jvm.options")
  begin=$(now_ms)
  DIALTONE_INSTALLER_PASSWORD=bench-password-1 "$JAVA" "${flags[@]}" -jar "$JAR" --sim \
    --data-dir "$2" --http-port "$PORT" >"$WORK/agent.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 500); do   # at most 10 s
    if curl -sf "http://127.0.0.1:$PORT/api/v1/health" >/dev/null 2>&1; then
      ELAPSED=$(( $(now_ms) - begin )); return 0
    fi
    sleep 0.02
  done
  echo "agent did not become healthy; log:" >&2; cat "$WORK/agent.log" >&2; return 1
}

stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""; }

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

measure() { # <flags-name>
  local name=$1 data="$WORK/data-$1" starts=() first rss=()
  launch "$name" "$data"; first=$ELAPSED; stop     # first start: creates the DB, hashes the password
  for _ in $(seq 1 "$START_RUNS"); do launch "$name" "$data"; starts+=("$ELAPSED"); stop; done
  for _ in $(seq 1 "$RSS_RUNS"); do
    launch "$name" "$data"
    sleep "$IDLE"
    rss+=("$(ps -o rss= -p "$PID" | tr -d ' ')")
    stop
  done
  printf '%s %s %s %s\n' "$name" "$first" \
    "$(printf '%s\n' "${starts[@]}" | median)" "$(printf '%s\n' "${rss[@]}" | median)"
}

echo "java: $("$JAVA" -version 2>&1 | head -1); cores: $(nproc); runs: $START_RUNS starts, $RSS_RUNS x ${IDLE}s idle"
measure shipped >"$WORK/shipped"; shipped=$(cat "$WORK/shipped")
measure baseline >"$WORK/baseline"; baseline=$(cat "$WORK/baseline")
printf '%-9s %14s %16s %14s\n' flags "first start ms" "restart ms (med)" "RSS KiB (med)"
for row in "$shipped" "$baseline"; do printf '%-9s %14s %16s %14s\n' $row; done
read -r _ _ s_start s_rss <<<"$shipped"; read -r _ _ b_start b_rss <<<"$baseline"
awk -v a="$s_start" -v b="$b_start" -v c="$s_rss" -v d="$b_rss" \
  'BEGIN { printf "shipped/baseline: restart time %.2f, RSS %.2f\n", a/b, c/d }'
