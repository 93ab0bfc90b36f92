#!/usr/bin/env bash
# Cuts or degrades the primary's ISP upstream of a link that stays up (the hard case for
# failover); this kernel has no netem, so nftables drops the packets.
# Usage: impair.sh PREFIX outage|loss PERCENT|clear
set -euo pipefail
P=$1; mode=$2; pct=${3:-0}
ip netns exec "$P-isp" nft delete table netdev impair 2>/dev/null || true
# an outage drops both directions; loss drops what comes back from the Internet (round-trip loss
# as probes see it = PERCENT)
case $mode in
  clear) exit 0 ;;
  outage) rule="counter drop"; devs="up0 down0" ;;
  loss) rule="numgen random mod 100 < $pct counter drop"; devs="up0" ;;
  *) echo "unknown mode $mode" >&2; exit 2 ;;
esac
for dev in $devs; do
  ip netns exec "$P-isp" nft -f - <<NFT
table netdev impair {
  chain in_$dev { type filter hook ingress device "$dev" priority -400; policy accept; $rule; }
}
NFT
done
