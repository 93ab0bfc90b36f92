#!/usr/bin/env bash
# LTE meter benchmark in the network-namespace lab (root): the meter against the carrier's own
# counter over a known volume sent both ways through LTE, and the CPU cost of one counter read.
#
# Usage: sudo bench/usage.sh [megabytes-each-way=50] [reads=200]
# Loopback and lab namespaces only; every process started here is stopped by PID.
MB=${1:-50}
READS=${2:-200}
P=dtusage
source "$(dirname "$0")/lab-common.sh"
start_agent "usage.interval = 5s"
ip netns exec "$P-lte" nft reset counter ip carrier subscriber_bytes >/dev/null
bash "$LAB/impair.sh" "$P" outage
wait_route wwan0 30

# accuracy: MB up and MB down over TCP through LTE, on the SBC's SIP ports (the voice-only policy lets them through)
ip netns exec "$P-inet" socat -u TCP-LISTEN:5060,bind=198.51.100.10,reuseaddr OPEN:/dev/null & PIDS+=($!)
ip netns exec "$P-inet" socat -u "EXEC:head -c ${MB}000000 /dev/zero" TCP-LISTEN:5061,bind=198.51.100.10,reuseaddr &
PIDS+=($!)
sleep 0.5
head -c "${MB}000000" /dev/zero | ip netns exec "$P-lan" socat -u - TCP:198.51.100.10:5060
ip netns exec "$P-lan" socat -u TCP:198.51.100.10:5061 OPEN:/dev/null

# CPU of one read-and-reset of the counters, as the meter does it every interval
cpu=$( { /usr/bin/time -f "%U %S" bash -c "for i in \$(seq 1 $READS); do
           ip netns exec $P-rtr nft -j list counters table inet dialtone >/dev/null; done" ; } 2>&1 | tail -1)

kill "$AGENT"; wait "$AGENT" 2>/dev/null || true          # an orderly stop reads one last time
carrier=$(ip netns exec "$P-lte" nft -j list counter ip carrier subscriber_bytes | grep -o '"bytes": [0-9]*' | grep -o '[0-9]*')
# placed in hours, or still waiting for a trusted clock (no NTP in a sandbox): both are metered
metered=$(sqlite3 "$AGENT_DIR/state/dialtone.db" "SELECT (SELECT coalesce(sum(rx + tx), 0) FROM usage_hours)
  + (SELECT coalesce(sum(rx + tx), 0) FROM usage_pending)")
echo "java: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); cores: $(nproc)"
awk -v c="$carrier" -v m="$metered" 'BEGIN { printf "accuracy: carrier %d bytes, meter %d bytes, error %+.4f %%\n", c, m, 100 * (m - c) / c }'
awk -v t="$cpu" -v n="$READS" 'BEGIN { split(t, a, " "); ms = 1000 * (a[1] + a[2]) / n;
  printf "one counter read (ip netns exec + nft -j): %.2f ms CPU; every 30 s: %.1f CPU-seconds a day\n", ms, ms * 2880 / 1000 }'
