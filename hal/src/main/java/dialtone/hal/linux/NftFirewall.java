package dialtone.hal.linux;

import dialtone.hal.HalException;
import dialtone.hal.Uplink;
import dialtone.hal.firewall.Counter;
import dialtone.hal.firewall.Firewall;
import dialtone.hal.firewall.Rule;
import dialtone.hal.firewall.Ruleset;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tinylog.Logger;

/**
 * The agent's one nftables table, {@code inet dialtone} (research/linux-mechanics.md §2-3): LTE
 * byte counters at the IP layer, masquerade with a per-uplink conntrack mark, the set of active
 * media flows, the failover test's cut, and the policy chains a {@link Ruleset} fills. The rest of
 * the box's firewall is never touched. Every change is one {@code nft -f} transaction: it applies
 * whole or not at all.
 */
public final class NftFirewall implements Firewall {
    private static final String TABLE = "inet " + LinuxNet.NFT_TABLE;
    private static final List<String> POLICY_CHAINS = List.of("policy_fwd", "policy_out", "policy_in");

    private final LinuxNet net;
    private final Commands commands;
    private Ruleset active = Ruleset.EMPTY;

    NftFirewall(LinuxNet net, Commands commands) {
        this.net = net;
        this.commands = commands;
    }

    /**
     * Sets the table up at start: no cut, no policy. An existing table is rebuilt in place, in one
     * transaction that flushes rules and the cut but keeps the LTE counters, so bytes the kernel
     * counted while the agent was down (or between its last read and a crash) are not lost. A
     * table the in-place rebuild cannot change (an older layout) is replaced whole.
     */
    public synchronized void install() {
        try {
            commands.run(
                    List.of("nft", "-f", "-"),
                    "table " + TABLE + "\nflush table " + TABLE + "\n" + definition() + "flush set " + TABLE
                            + " blocked\n");
        } catch (HalException layoutChanged) {
            Logger.warn(
                    "Replacing the firewall table whole ({}); LTE bytes not yet read are lost",
                    layoutChanged.getMessage());
            commands.run(List.of("nft", "-f", "-"), "table " + TABLE + "\ndelete table " + TABLE + "\n" + definition());
        }
        active = Ruleset.EMPTY;
    }

    @Override
    public synchronized void apply(Ruleset ruleset) {
        commands.run(List.of("nft", "-f", "-"), NftPolicy.render(net, active, ruleset));
        active = ruleset;
    }

    @Override
    public synchronized Ruleset active() {
        return active;
    }

    @Override
    public Map<String, Counter> readAndResetCounters() {
        return counters(List.of("nft", "-j", "reset", "counters", "table", "inet", LinuxNet.NFT_TABLE));
    }

    private Map<String, Counter> counters(List<String> argv) {
        Map<String, Counter> counters = new LinkedHashMap<>();
        for (Map<String, Object> item : commands.jsonArray(argv)) {
            if (item.get("counter") instanceof Map<?, ?> c) {
                counters.put(
                        String.valueOf(c.get("name")),
                        new Counter(((Number) c.get("packets")).longValue(), ((Number) c.get("bytes")).longValue()));
            }
        }
        return counters;
    }

    @Override
    public void block(Uplink uplink, boolean blocked) {
        String element = "{ \"" + net.interfaceOf(uplink) + "\" }";
        try {
            commands.run(List.of(
                    "nft", blocked ? "add" : "delete", "element", "inet", LinuxNet.NFT_TABLE, "blocked", element));
        } catch (HalException e) {
            if (blocked || !e.getMessage().contains("No such file")) {
                throw e; // unblocking what is not blocked is fine
            }
        }
    }

    /** The table's objects and rules; {@code add}-style, so loading it over an existing table keeps counters. */
    String definition() {
        String primary = quoted(net.primary());
        String lte = quoted(net.lte());
        String lan = quoted(net.lan());
        return """
                table %1$s {
                  counter lte_rx { comment "IP bytes received on the LTE uplink, before any filter"; }
                  counter lte_tx { comment "IP bytes sent on the LTE uplink"; }
                  set blocked { type ifname; comment "uplinks cut by the installer's failover test"; }
                  set media { type ipv4_addr . inet_service; flags dynamic,timeout; timeout 10s; size 4096; }
                  chain acct_in { type filter hook prerouting priority raw; policy accept;
                    iifname %3$s counter name "lte_rx"
                  }
                  chain acct_out { type filter hook postrouting priority 300; policy accept;
                    oifname %3$s counter name "lte_tx"
                  }
                  chain media_watch { type filter hook forward priority -10; policy accept;
                    iifname %4$s udp sport != { 0-1023, 5060-5061 } udp dport != { 0-1023, 3478, 5060-5061 } update @media { ip saddr . udp sport }
                  }
                  chain cut { type filter hook forward priority -5; policy accept;
                    oifname @blocked drop
                  }
                  chain cut_local { type filter hook output priority -5; policy accept;
                    oifname @blocked drop
                  }
                  chain policy_fwd { type filter hook forward priority 0; policy accept;
                  }
                  chain policy_out { type filter hook output priority 0; policy accept;
                  }
                  chain policy_in { type filter hook input priority 0; policy accept;
                  }
                  chain nat { type nat hook postrouting priority srcnat; policy accept;
                    oifname %2$s ct mark set 0x%5$x masquerade
                    oifname %3$s ct mark set 0x%6$x masquerade
                  }
                }
                """.formatted(TABLE, primary, lte, lan, net.mark(Uplink.PRIMARY), net.mark(Uplink.LTE));
    }

    static String quoted(String name) {
        return "\"" + name + "\"";
    }

    /** Renders a ruleset into the policy chains and sets, as one transaction replacing the last. */
    static final class NftPolicy {
        private NftPolicy() {}

        static String render(LinuxNet net, Ruleset old, Ruleset next) {
            StringBuilder nft = new StringBuilder();
            POLICY_CHAINS.forEach(chain -> nft.append("flush chain ")
                    .append(TABLE)
                    .append(' ')
                    .append(chain)
                    .append('\n'));
            for (String set : old.addressSets().keySet()) {
                if (!next.addressSets().containsKey(set)) {
                    nft.append("delete set ")
                            .append(TABLE)
                            .append(' ')
                            .append(set)
                            .append("_v4\n");
                    nft.append("delete set ")
                            .append(TABLE)
                            .append(' ')
                            .append(set)
                            .append("_v6\n");
                }
            }
            next.addressSets().forEach((name, addresses) -> set(nft, name, addresses));
            Set<String> counters = new TreeSet<>();
            next.rules().forEach(rule -> counters.add(rule.counter()));
            counters.forEach(c -> nft.append("add counter ")
                    .append(TABLE)
                    .append(' ')
                    .append(c)
                    .append('\n'));
            for (Rule rule : next.rules()) {
                rule(nft, net, rule);
            }
            return nft.toString();
        }

        private static void set(StringBuilder nft, String name, Set<InetAddress> addresses) {
            for (String family : List.of("v4", "v6")) {
                String full = TABLE + " " + name + "_" + family;
                String type = family.equals("v4") ? "ipv4_addr" : "ipv6_addr";
                nft.append("add set ")
                        .append(full)
                        .append(" { type ")
                        .append(type)
                        .append("; flags interval; }\n");
                nft.append("flush set ").append(full).append('\n');
                List<String> members = addresses.stream()
                        .filter(a -> (a.getAddress().length == 4) == family.equals("v4"))
                        .map(InetAddress::getHostAddress)
                        .toList();
                if (!members.isEmpty()) {
                    nft.append("add element ")
                            .append(full)
                            .append(" { ")
                            .append(String.join(", ", members))
                            .append(" }\n");
                }
            }
        }

        private static void rule(StringBuilder nft, LinuxNet net, Rule rule) {
            boolean out = rule.direction() == Rule.Direction.OUTBOUND;
            String iface = (out ? "oifname " : "iifname ") + quoted(net.interfaceOf(rule.uplink()));
            String match = protocol(rule);
            String action = "counter name " + quoted(rule.counter()) + " "
                    + rule.verdict().name().toLowerCase(java.util.Locale.ROOT);
            List<String> addressMatches = rule.remoteSet() == null
                    ? List.of("")
                    : List.of(
                            "ip " + (out ? "daddr" : "saddr") + " @" + rule.remoteSet() + "_v4 ",
                            "ip6 " + (out ? "daddr" : "saddr") + " @" + rule.remoteSet() + "_v6 ");
            for (String chain : List.of("policy_fwd", out ? "policy_out" : "policy_in")) {
                for (String address : addressMatches) {
                    nft.append("add rule ")
                            .append(TABLE)
                            .append(' ')
                            .append(chain)
                            .append(' ')
                            .append(iface)
                            .append(' ')
                            .append(address)
                            .append(match)
                            .append(action)
                            .append('\n');
                }
            }
        }

        private static String protocol(Rule rule) {
            String ports = rule.ports().equals(Rule.PortRange.ANY)
                    ? ""
                    : rule.ports().from() == rule.ports().to()
                            ? String.valueOf(rule.ports().from())
                            : rule.ports().from() + "-" + rule.ports().to();
            return switch (rule.protocol()) {
                case ANY -> "";
                case ICMP -> "meta l4proto { icmp, ipv6-icmp } ";
                case UDP, TCP -> {
                    String proto = rule.protocol().name().toLowerCase(java.util.Locale.ROOT);
                    yield ports.isEmpty() ? "meta l4proto " + proto + " " : proto + " dport " + ports + " ";
                }
            };
        }
    }
}
