# Shared by the lab benchmarks (source it after setting P, the namespace prefix): the lab's
# lifetime, helpers to watch the router and to start the packaged agent on it. Every process
# started through here is stopped by its PID when the script ends, whatever way it ends.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export JAVA_HOME="${JAVA_HOME:-$(bin/jdk)}"
LAB=agent/src/test/resources/lab
WORK=$(mktemp -d)
PIDS=()
# The agent's configuration on the lab's router; scripts may change it before start_agent.
AGENT_CONFIG=("device.id = lab-bench" "uplink.primary.interface = eth0" "uplink.lte.interface = wwan0"
  "lan.interface = eth1" "lte.modem = ethernet")
PROBE_TARGETS="icmp:198.51.100.53, icmp:198.51.100.54"

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done   # each is the daemon itself (exec)
  wait 2>/dev/null || true
  bash "$LAB/topo.sh" down "$P"
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# a copy: a rebuild while the bench runs must not pull the jar from under the running agent
JAR=$WORK/dialtone-agent.jar
cp "$(bin/agent-jar)" "$JAR"

now_ms() { date +%s%3N; }
in_ns() { local ns=$1; shift; ip netns exec "$P-$ns" "$@"; }
route() { in_ns rtr ip route show default | awk '/metric 10( |$)/ { for (i = 1; i < NF; i++) if ($i == "dev") print $(i + 1) }'; }
wait_route() { # dev limit-seconds
  local until=$(( $(now_ms) + $2 * 1000 ))
  while [[ "$(route)" != "$1" ]]; do
    (( $(now_ms) < until )) || { echo "route never became $1" >&2; exit 1; }
    sleep 0.01
  done
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

# start_agent [extra config lines...]: sets AGENT (its PID) and AGENT_DIR, returns once it is ready
start_agent() {
  AGENT_DIR=$WORK/agent-$RANDOM
  mkdir -p "$AGENT_DIR"
  printf '%s\n' "${AGENT_CONFIG[@]}" "probe.targets = $PROBE_TARGETS" "$@" > "$AGENT_DIR/agent.conf"
  # not through a shell function: then $! is the agent itself (ip netns exec and env exec it)
  ip netns exec "$P-rtr" env DIALTONE_INSTALLER_PASSWORD=bench-password-1 "$JAVA_HOME/bin/java" \
    @systemd/jvm.options -jar "$JAR" --config "$AGENT_DIR/agent.conf" \
    --data-dir "$AGENT_DIR/state" >"$AGENT_DIR/log" 2>&1 &
  AGENT=$!; PIDS+=("$AGENT")
  until grep -q "ready in" "$AGENT_DIR/log"; do
    kill -0 "$AGENT" 2>/dev/null || { cat "$AGENT_DIR/log" >&2; exit 1; }
    sleep 0.1
  done
}

bash "$LAB/topo.sh" up "$P"
