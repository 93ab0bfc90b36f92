#!/usr/bin/env bash
# The agent's own MQTT bytes on the LTE uplink, in the network-namespace lab (root): Debian's
# Mosquitto with mutual TLS in the "Internet" at 198.51.100.20:8883 (reachable over both uplinks), a
# throwaway CA, the agent with default settings except the broker and the SBC. nftables counters of
# the bench's own table on the router count IP bytes both ways on wwan0: to and from the broker
# (MQTT) and everything else (the LTE standby check's SIP OPTIONS to the SBC).
#   1. standby (primary up) for STANDBY minutes: MQTT and other bytes on LTE, extrapolated to a month
#   2. the primary cut (impair.sh): the failover moment, from the cut to 2 min after the switch
#   3. on LTE for STEADY minutes: the steady rate, extrapolated to an hour and a day
#   4. the agent's estimate (status mqtt.lteBytes) against the count over 2 and 3
#   5. failback: the keepalive each connection asked for, from the broker's log
#
# Usage: sudo bench/mqtt.sh [standby-minutes=3] [steady-minutes=15]
# Loopback and lab namespaces only; every process started here is stopped by PID; about 22 min.
STANDBY=${1:-3}
STEADY=${2:-15}
MOMENT=120 # seconds after the switch that count as the failover moment
[[ $STANDBY =~ ^[0-9]+$ && $STEADY =~ ^[0-9]+$ ]] && (( STANDBY >= 2 && STANDBY <= 60 && STEADY >= 1 && STEADY <= 20 )) ||
  { echo "standby-minutes must be 2..60 (one LTE check, at +1 min) and steady-minutes 1..20" >&2; exit 2; }
P=dtmqtt
source "$(dirname "$0")/lab-common.sh"
BROKER=198.51.100.20
SBC=198.51.100.10

# --- a throwaway CA, the broker's certificate (for its address) and the device's (CN = device.id)
PKI=$WORK/pki
mkdir -p "$PKI"
ossl() { openssl "$@" 2>>"$PKI/openssl.log"; }
ossl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=dialtone-bench-ca \
  -keyout "$PKI/ca.key" -out "$PKI/ca.pem"
cert() { # name subject extension
  ossl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "$2" -keyout "$PKI/$1.key" -out "$PKI/$1.csr"
  ossl x509 -req -in "$PKI/$1.csr" -CA "$PKI/ca.pem" -CAkey "$PKI/ca.key" -CAcreateserial -days 2 \
    -extfile <(printf '%s\n' "$3") -out "$PKI/$1.pem"
}
cert broker /CN=$BROKER "subjectAltName = IP:$BROKER"
cert device /CN=lab-bench "extendedKeyUsage = clientAuth"

# --- the broker, in the "Internet", logging every packet (CONNECT's keepalive, SUBSCRIBE)
in_ns inet ip addr add "$BROKER/32" dev lo
cat >"$WORK/mosquitto.conf" <<CONF
user root
persistence false
log_dest file $WORK/mosquitto.log
log_type all
log_timestamp_format %H:%M:%S
listener 8883 $BROKER
cafile $PKI/ca.pem
certfile $PKI/broker.pem
keyfile $PKI/broker.key
require_certificate true
use_identity_as_username true
CONF
ip netns exec "$P-inet" mosquitto -c "$WORK/mosquitto.conf" >"$WORK/mosquitto.out" 2>&1 &
PIDS+=($!)
ip netns exec "$P-inet" kamailio -f /etc/kamailio/kamailio.cfg -DD -E -l udp:$SBC:5060 -Y "$WORK" \
  -n 2 -m 32 -M 8 >"$WORK/kamailio.log" 2>&1 &
PIDS+=($!)

# --- the bench's counters on the router, ahead of the agent's own table
in_ns rtr nft -f - <<NFT
table inet mqttbench {
  counter mqtt_lte {}
  counter other_lte {}
  chain out { type filter hook output priority -300; policy accept;
    oifname "wwan0" ip daddr $BROKER counter name "mqtt_lte"
    oifname "wwan0" ip daddr != $BROKER counter name "other_lte"
  }
  chain in { type filter hook input priority -300; policy accept;
    iifname "wwan0" ip saddr $BROKER counter name "mqtt_lte"
    iifname "wwan0" ip saddr != $BROKER counter name "other_lte"
  }
}
NFT
counted() { in_ns rtr nft -j list counter inet mqttbench "$1" | grep -o '"bytes": [0-9]*' | grep -o '[0-9]*'; }

start_agent "sbc.hosts = $SBC" "mqtt.url = ssl://$BROKER:8883" "mqtt.tls.ca = $PKI/ca.pem" \
  "mqtt.tls.cert = $PKI/device.pem" "mqtt.tls.key = $PKI/device.key"
STARTED=$(now_ms)
# the agent's page over HTTPS on loopback (-k: its own certificate)
in_ns rtr curl -sfk -c "$WORK/cookies" -H 'Content-Type: application/json' -d '{"password":"bench-password-1"}' \
  https://127.0.0.1/api/v1/session >/dev/null
status() { in_ns rtr curl -sfk -b "$WORK/cookies" https://127.0.0.1/api/v1/status; }
estimate() { status | grep -o '"lteBytes":[0-9]*' | grep -o '[0-9]*$' || echo 0; }
connects() { grep -c "New client connected from .* as lab-bench" "$WORK/mosquitto.log" || true; }
wait_connects() { # count limit-seconds
  local until=$(( $(now_ms) + $2 * 1000 ))
  until (( $(connects) >= $1 )); do
    (( $(now_ms) < until )) || { echo "the agent never connected ($1); its log:" >&2; tail -20 "$AGENT_DIR/log" >&2; exit 1; }
    sleep 0.2
  done
}
wait_connects 1 60
wait_route eth0 30

# 1. standby
m0=$(counted mqtt_lte); o0=$(counted other_lte)
sleep $(( STANDBY * 60 - ( $(now_ms) - STARTED ) / 1000 ))
m1=$(counted mqtt_lte); o1=$(counted other_lte)
standby_s=$(( ( $(now_ms) - STARTED ) / 1000 ))

# 2. the failover moment
e1=$(estimate)
bash "$LAB/impair.sh" "$P" outage
wait_route wwan0 30
wait_connects 2 60
sleep "$MOMENT"
m2=$(counted mqtt_lte); e2=$(estimate)

# 3. steady on LTE
sleep $(( STEADY * 60 ))
m3=$(counted mqtt_lte); e3=$(estimate)

# 5. failback (hold time 60 s, then the SBC must answer through the primary)
bash "$LAB/impair.sh" "$P" clear
wait_route eth0 180
wait_connects 3 60
sleep 5
m4=$(counted mqtt_lte)

kv() { grep "New client connected from .* as lab-bench" "$WORK/mosquitto.log" | sed -n "${1}p" |
  sed -E 's/.* from ([0-9.]+):[0-9]+ .*, k([0-9]+).*/\1 keepalive \2 s/'; }
subs() { grep -c "Received SUBSCRIBE from lab-bench" "$WORK/mosquitto.log" || true; }
echo "date: $(date -u +%F); java: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); $(mosquitto -h | head -1)"
echo "agent: default settings but probe.targets, sbc.hosts and mqtt.url/tls.*; mutual TLS (EC P-256)"
awk -v s="$standby_s" -v m=$(( m1 - m0 )) -v o=$(( o1 - o0 )) 'BEGIN {
  printf "standby %d s: MQTT on LTE %d B; LTE check (SIP OPTIONS, first at +1 min, then hourly) %d B\n", s, m, o
  month = m * 30 * 86400 / s + o * 24 * 30
  printf "standby a month: MQTT %.0f B + LTE checks %.0f B (one an hour) = %.1f kB (target <= 1 MB)\n",
    m * 30 * 86400 / s, o * 24 * 30, month / 1000 }'
awk -v mo=$(( m2 - m1 )) -v st=$(( m3 - m2 )) -v fb=$(( m4 - m3 )) -v min="$STEADY" -v ms="$MOMENT" 'BEGIN {
  h = st * 60 / min
  printf "failover moment (cut to %d s after the switch): %d B; failback (old flow closing on LTE): %d B\n", ms, mo, fb
  printf "on LTE %d min: %d B = %.0f B an hour, %.1f kB a day\n", min, st, h, 24 * h / 1000
  printf "a day of failover (moment + 24 h + failback): %.1f kB (target <= 1 MB)\n", (mo + 24 * h + fb) / 1000 }'
awk -v em=$(( e2 - e1 )) -v es=$(( e3 - e2 )) -v cm=$(( m2 - m1 )) -v cs=$(( m3 - m2 )) 'BEGIN {
  printf "agent estimate / carrier count: moment %d / %d B = %.2f; steady %d / %d B = %.2f; all %.2f\n",
    em, cm, (cm ? em / cm : 0), es, cs, (cs ? es / cs : 0), ((cm + cs) ? (em + es) / (cm + cs) : 0) }'
echo "connections (broker side): start $(kv 1); failover $(kv 2); failback $(kv 3)"
echo "SUBSCRIBE packets: $(subs) over $(connects) connections (CONNACK session-present:" \
  "$(grep -o "Sending CONNACK to lab-bench ([01]" "$WORK/mosquitto.log" | grep -o '[01]$' | xargs))"
echo "PINGREQ on LTE (between the failover and failback connects): $(awk '/New client connected .* as lab-bench/ { n++ }
  n == 2 && /Received PINGREQ from lab-bench/ { p++ } END { print p + 0 }' "$WORK/mosquitto.log")"
