#!/usr/bin/env bash
# Fuzzes the agent's HTTP API and measures its latency (see bench/README.md):
#   bench/api-fuzz.sh [requests=10000] [seed=1] [latency-requests=2000]
# Starts the packaged agent in --sim on 127.0.0.1 (a free port, a fresh data directory, a password
# made for the run), runs bench/ApiFuzz.java against it, then stops the agent by its PID.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME="$(bin/jdk)"
export JAVA_HOME
JAR="$(bin/agent-jar)"
REQUESTS="${1:-10000}" SEED="${2:-1}" LATENCY="${3:-2000}"

WORK="$(mktemp -d)"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
PASSWORD="fuzz-$(head -c 9 /dev/urandom | base64 | tr -d '/+=')"
DIALTONE_INSTALLER_PASSWORD="$PASSWORD" "$JAVA_HOME/bin/java" @systemd/jvm.options -jar "$JAR" --sim \
  --data-dir "$WORK/data" --http-port "$PORT" >"$WORK/agent.log" 2>&1 &
AGENT=$!
cleanup() {
  kill "$AGENT" 2>/dev/null || true
  wait "$AGENT" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

for _ in $(seq 1 300); do # at most 30 s
  if curl -sf "http://127.0.0.1:$PORT/api/v1/health" >/dev/null; then break; fi
  kill -0 "$AGENT" 2>/dev/null || { cat "$WORK/agent.log" >&2; exit 1; }
  sleep 0.1
done

status=0
"$JAVA_HOME/bin/java" bench/ApiFuzz.java "http://127.0.0.1:$PORT" "$PASSWORD" "$REQUESTS" "$SEED" "$LATENCY" || status=$?
if grep -q "Bug while answering" "$WORK/agent.log"; then
  echo "the agent logged bugs:" >&2
  grep -A3 "Bug while answering" "$WORK/agent.log" | head -40 >&2
  status=1
fi
exit "$status"
