#!/usr/bin/env bash
# Voice-only policy benchmark in the network-namespace lab (root): how long applying the ruleset
# takes, and what the table costs per packet, as throughput through the router with and without it.
#
# Usage: sudo bench/voip.sh [agent-starts=10] [loads=50] [rounds=3] [seconds-each=5]
# Loopback and lab namespaces only; every process started here is stopped by PID; every load is
# bounded by its seconds.
STARTS=${1:-10}
LOADS=${2:-50}
ROUNDS=${3:-3}
SECS=${4:-5}
P=dtvoip
source "$(dirname "$0")/lab-common.sh"
SBC=198.51.100.10
WEB=198.51.100.80

# 1. the agent's own apply (render, nft -f, save), as its policy-applied event reports it; each
# start rebuilds the table in place first, so every apply after the first replaces a full policy
applies=()
for ((i = 0; i < STARTS; i++)); do
  start_agent "sbc.hosts = $SBC" "sbc.media-ports = 10000-20000"
  db=$AGENT_DIR/state/dialtone.db
  until [[ -n "$(sqlite3 "$db" "SELECT facts FROM events WHERE type = 'policy-applied'" 2>/dev/null)" ]]; do
    kill -0 "$AGENT" || { cat "$AGENT_DIR/log" >&2; exit 1; }
    sleep 0.1
  done
  applies+=("$(sqlite3 "$db" "SELECT json_extract(facts, '$.applyMillis') FROM events WHERE type = 'policy-applied'")")
  rules=$(sqlite3 "$db" "SELECT json_extract(facts, '$.rules') FROM events WHERE type = 'policy-applied'")
  kill "$AGENT"; wait "$AGENT" 2>/dev/null || true
done
SAVED=$AGENT_DIR/state/firewall.nft

# 2. the boot-time unit's load of the saved table (one nft -f of the whole table)
loads=()
for ((i = 0; i < LOADS; i++)); do
  t0=$(date +%s%N); in_ns rtr nft -f "$SAVED"; t1=$(date +%s%N)
  loads+=($(( (t1 - t0) / 1000 )))
done

# 3. per-packet cost. The agent is stopped; the router gets each firewall in turn:
#    none  = only NAT (what any router needs; the ISP and the carrier drop unmasqueraded sources)
#    voice = the agent's saved table: NAT, byte accounting, SIP protection, the LTE allow-list
plain_nat() {
  in_ns rtr nft delete table inet dialtone 2>/dev/null || true
  in_ns rtr nft -f - <<'NFT'
table ip bench_nat
delete table ip bench_nat
table ip bench_nat {
  chain nat { type nat hook postrouting priority srcnat; policy accept;
    oifname { "eth0", "wwan0" } masquerade
  }
}
NFT
}
voice_table() {
  in_ns rtr nft delete table ip bench_nat 2>/dev/null || true
  in_ns rtr nft -f "$SAVED"
}
in_ns inet nft -f - <<'NFT'
table ip bench_sink {
  counter received {}
  chain in { type filter hook input priority 0; policy accept;
    ip saddr { 203.0.113.5, 192.0.2.2 } counter name "received"
  }
}
NFT
# not through in_ns: then $! is socat itself (ip netns exec execs it), and cleanup stops it
ip netns exec "$P-inet" socat -u UDP-RECV:16000,bind=$SBC OPEN:/dev/null & PIDS+=($!)
ip netns exec "$P-inet" socat -u TCP-LISTEN:9000,bind=$WEB,reuseaddr,fork OPEN:/dev/null & PIDS+=($!)
sleep 0.5
via() { in_ns rtr ip route replace default via "$1" dev "$2" metric 5; }
received() {
  in_ns inet nft -j reset counter ip bench_sink received | grep -o "\"$1\": [0-9]*" | grep -o '[0-9]*$'
}
# media: G.711 RTP-sized datagrams (172 bytes) from a phone to the SBC over LTE, as fast as the
# sender can; packets per second at the SBC
media_pps() {
  via 100.64.0.1 wwan0; received packets >/dev/null
  in_ns lan timeout "$SECS" socat -u -b 172 OPEN:/dev/zero "UDP-SENDTO:$SBC:16000,sourceport=16001" || true
  echo $(( $(received packets) / SECS ))
}
# the LAN's ordinary Internet use over the primary: one bulk TCP upload; megabits per second
bulk_mbps() {
  via 192.0.2.1 eth0; received bytes >/dev/null
  in_ns lan timeout "$SECS" socat -u OPEN:/dev/zero "TCP:$WEB:9000" || true
  echo $(( $(received bytes) * 8 / SECS / 1000000 ))
}
declare -A media bulk
for ((r = 0; r < ROUNDS; r++)); do
  for fw in none voice; do     # alternated, so drift on a shared machine hits both alike
    if [[ $fw == none ]]; then plain_nat; else voice_table; fi
    in_ns rtr conntrack -F >/dev/null 2>&1 || true
    media[$fw]+="$(media_pps) "
    bulk[$fw]+="$(bulk_mbps) "
  done
done

echo "java: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); cores: $(nproc); rules in the policy: $rules"
echo "agent apply, median of $STARTS starts: $(printf '%s\n' "${applies[@]}" | median) ms (each: ${applies[*]})"
echo "boot-time load of the saved table, median of $LOADS: $(printf '%s\n' "${loads[@]}" | median) us"
med() { tr ' ' '\n' <<<"$1" | grep . | median; }
for fw in none voice; do
  echo "$fw: media $(med "${media[$fw]}") pps (each: ${media[$fw]}); bulk TCP $(med "${bulk[$fw]}") Mbit/s (each: ${bulk[$fw]})"
done
awk -v mn="$(med "${media[none]}")" -v mv="$(med "${media[voice]}")" -v bn="$(med "${bulk[none]}")" \
  -v bv="$(med "${bulk[voice]}")" 'BEGIN { printf "ratio voice / none: media %.3f, bulk %.3f\n", mv / mn, bv / bn }'
