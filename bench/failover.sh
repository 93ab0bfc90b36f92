#!/usr/bin/env bash
# Failover benchmark in the network-namespace lab (root): over N outages of the primary's ISP
# (behind a link that stays up), the detection time (outage -> default route on LTE) and the phone
# recovery time (outage -> first 200 OK to a REGISTER sent over LTE, the phone refreshing every
# 2 s); then the LTE bytes the agent costs in standby, counted by the carrier's own counter.
#
# Usage: sudo bench/failover.sh [outages=10] [standby-seconds=600]
# Loopback and lab namespaces only; every process started here is stopped by PID.
OUTAGES=${1:-10}
STANDBY=${2:-600}
P=dtbench
source "$(dirname "$0")/lab-common.sh"
AGENT_CONFIG+=("sbc.hosts = 198.51.100.10")
PROBE_TARGETS="icmp:198.51.100.53, icmp:198.51.100.54, sip:198.51.100.10"

ip netns exec "$P-inet" kamailio -f /etc/kamailio/kamailio.cfg -DD -E -l udp:198.51.100.10:5060 -Y "$WORK" \
  -n 2 -m 32 -M 8 >"$WORK/kamailio.log" 2>&1 &
PIDS+=($!)
sleep 2

# --- detection and phone recovery, hold time shortened to 10 s so the cycles are quick ---
start_agent "failover.hold-time = 10s"
PHONE_START=$(now_ms)
ip netns exec "$P-lan" sipp 198.51.100.10:5060 -sf "$LAB/reg-loop.xml" -i 198.18.50.10 -p 5060 -m 1 -l 1 \
  -trace_logs -log_file "$WORK/register.log" -nostdin >"$WORK/sipp.out" 2>&1 &
PIDS+=($!)
wait_route eth0 30
sleep 5
detections=(); recoveries=()
for i in $(seq 1 "$OUTAGES"); do
  sleep $(( RANDOM % 3 )).$(( RANDOM % 10 ))      # outages at random phases of probes and REGISTERs
  cut=$(now_ms)
  bash "$LAB/impair.sh" "$P" outage
  wait_route wwan0 30
  detections+=($(( $(now_ms) - cut )))
  since=$(( cut - PHONE_START ))
  give_up=$(( $(now_ms) + 60000 ))
  until ok=$(awk -v s="$since" '$2 == "OK" && $1 > s { print $1; exit }' "$WORK/register.log" 2>/dev/null) \
      && [[ -n "$ok" ]]; do
    (( $(now_ms) < give_up )) || { echo "the phone never registered again; sipp: $(cat "$WORK/sipp.out")" >&2; exit 1; }
    sleep 0.05
  done
  recoveries+=($(( ok - since )))
  printf 'outage %2d: detection %5d ms, phone registered over LTE after %5d ms\n' "$i" "${detections[-1]}" "${recoveries[-1]}"
  sleep 3
  bash "$LAB/impair.sh" "$P" clear
  wait_route eth0 90
  # independent outages: a new agent each time, else flap damping (rightly) doubles the hold
  kill "$AGENT"; wait "$AGENT" 2>/dev/null || true
  start_agent "failover.hold-time = 10s"
  sleep 3
done
kill "$AGENT"; wait "$AGENT" 2>/dev/null || true

# --- LTE bytes in standby, shipped defaults (hourly SIP OPTIONS to the SBC over LTE) ---
in_ns lte nft reset counter ip carrier subscriber_bytes >/dev/null
start_agent
carrier_bytes() { in_ns lte nft -j list counter ip carrier subscriber_bytes | grep -o '"bytes": [0-9]*' | grep -o '[0-9]*'; }
sleep 55; before_check=$(carrier_bytes)
sleep 20; after_check=$(carrier_bytes)
sleep $(( STANDBY - 75 )); total=$(carrier_bytes)
check=$(( after_check - before_check ))
per_day=$(( (total - check) * 86400 / STANDBY + check * 24 ))

echo
echo "java: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); cores: $(nproc); outages: $OUTAGES"
printf 'detection (outage -> default route on LTE): median %d ms, max %d ms\n' \
  "$(printf '%s\n' "${detections[@]}" | median)" "$(printf '%s\n' "${detections[@]}" | sort -n | tail -1)"
printf 'phone recovery (outage -> 200 OK over LTE): median %d ms, max %d ms\n' \
  "$(printf '%s\n' "${recoveries[@]}" | median)" "$(printf '%s\n' "${recoveries[@]}" | sort -n | tail -1)"
printf 'LTE standby: %d bytes in %d s (one SBC check: %d bytes) -> %d bytes/day, %d KB/month\n' \
  "$total" "$STANDBY" "$check" "$per_day" $(( per_day * 30 / 1000 ))
