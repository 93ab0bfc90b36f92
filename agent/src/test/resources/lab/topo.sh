#!/usr/bin/env bash
# The failover lab of research/linux-mechanics.md §8, in network namespaces named PREFIX-*:
#   lan (phones 198.18.50.10) -- rtr (the box: eth1 LAN, eth0 primary, wwan0 LTE)
#   rtr eth0 -- isp (192.0.2.1; BCP38) -- inet
#   rtr wwan0 -- lte (100.64.0.1; CGNAT, PGW source check) -- inet
#   inet: SBC 198.51.100.10 (.11), DNS and probe targets .53 .54, web .80, others .99 .66
# Only documentation and benchmark address ranges, only inside these namespaces.
# Usage: topo.sh up|down PREFIX
set -euo pipefail
mode=$1; P=$2
NS="$P-inet $P-isp $P-lte $P-rtr $P-lan"
down() {
  for n in $NS; do ip netns del "$n" 2>/dev/null || true; done
  rm -rf "/etc/netns/$P-rtr"
}
if [[ $mode == down ]]; then down; exit 0; fi
down
x() { local n=$1; shift; ip netns exec "$n" "$@"; }
for n in $NS; do ip netns add "$n"; ip -n "$n" link set lo up; done
ip link add eth0  netns "$P-rtr" type veth peer name down0 netns "$P-isp"
ip link add wwan0 netns "$P-rtr" type veth peer name down0 netns "$P-lte"
ip link add eth1  netns "$P-rtr" type veth peer name eth0  netns "$P-lan"
ip link add up0   netns "$P-isp" type veth peer name isp   netns "$P-inet"
ip link add up0   netns "$P-lte" type veth peer name lte   netns "$P-inet"
# SBC, its second address, DNS/probe targets, a web server, an outside resolver, a SIP scanner
for a in 198.51.100.10 198.51.100.11 198.51.100.53 198.51.100.54 198.51.100.80 198.51.100.99 198.51.100.66; do
  x "$P-inet" ip addr add "$a/32" dev lo
done

x "$P-inet" ip addr add 203.0.113.2/30 dev isp
x "$P-inet" ip addr add 203.0.113.6/30 dev lte
x "$P-isp" ip addr add 203.0.113.1/30 dev up0
x "$P-isp" ip addr add 192.0.2.1/24 dev down0
x "$P-lte" ip addr add 203.0.113.5/30 dev up0
x "$P-lte" ip addr add 100.64.0.1/30 dev down0
x "$P-rtr" ip addr add 192.0.2.2/24 dev eth0
x "$P-rtr" ip addr add 100.64.0.2/30 dev wwan0
x "$P-rtr" ip addr add 198.18.50.1/24 dev eth1
x "$P-lan" ip addr add 198.18.50.10/24 dev eth0
for n in "$P-isp" "$P-lte" "$P-rtr"; do x "$n" sysctl -qw net.ipv4.ip_forward=1; done
for n in $NS; do
  for i in $(ip -n "$n" -o link show | awk -F': ' '{print $2}' | cut -d@ -f1); do ip -n "$n" link set "$i" up; done
done
# routes only after links are up
x "$P-inet" ip route add 192.0.2.0/24 via 203.0.113.1
x "$P-isp" ip route add default via 203.0.113.2
x "$P-lte" ip route add default via 203.0.113.6
x "$P-lan" ip route add default via 198.18.50.1
# what the DHCP client and ModemManager would have installed on the box
x "$P-rtr" ip route add default via 192.0.2.1 dev eth0 metric 100
x "$P-rtr" ip route add default via 100.64.0.1 dev wwan0 metric 700
# the carrier: CGNAT, and its PGW drops packets not from the subscriber's address; the ISP: BCP38
x "$P-lte" nft -f - <<'NFT'
table ip carrier {
  counter spoofed {}
  counter subscriber_bytes { comment "what the carrier bills: IP bytes to and from the subscriber" }
  chain antispoof { type filter hook forward priority filter; policy accept;
    iifname "down0" ip saddr != 100.64.0.2 counter name "spoofed" drop
    iifname "down0" counter name "subscriber_bytes"
    oifname "down0" counter name "subscriber_bytes"
  }
  chain cgnat { type nat hook postrouting priority srcnat; policy accept;
    oifname "up0" masquerade
  }
}
NFT
# the router asks the lab's name server (ip netns exec mounts this over /etc/resolv.conf)
mkdir -p "/etc/netns/$P-rtr"
echo "nameserver 198.51.100.53" > "/etc/netns/$P-rtr/resolv.conf"
x "$P-isp" nft -f - <<'NFT'
table ip isp {
  counter spoofed {}
  chain antispoof { type filter hook forward priority filter; policy accept;
    iifname "down0" ip saddr != 192.0.2.0/24 counter name "spoofed" drop
  }
}
NFT
