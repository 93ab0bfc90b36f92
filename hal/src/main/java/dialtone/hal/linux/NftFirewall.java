package dialtone.hal.linux;

import dialtone.hal.HalException;
import dialtone.hal.Uplink;
import dialtone.hal.firewall.Counter;
import dialtone.hal.firewall.Firewall;
import dialtone.hal.firewall.Rule;
import dialtone.hal.firewall.Ruleset;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
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
    static final String LTE_RX = "lte_rx";
    static final String LTE_TX = "lte_tx";

    private static final List<String> POLICY_CHAINS = List.of("policy_fwd", "policy_out", "policy_in");

    private final LinuxNet net;
    private final Commands commands;
    private final Path saved;
    private Ruleset active = Ruleset.EMPTY;

    /** @param saved where the table is written after each change, for the boot-time unit to load */
    NftFirewall(LinuxNet net, Commands commands, Path saved) {
        this.net = net;
        this.commands = commands;
        this.saved = saved;
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
        save();
    }

    @Override
    public synchronized void apply(Ruleset ruleset) {
        commands.run(List.of("nft", "-f", "-"), NftPolicy.render(net, active, ruleset));
        active = ruleset;
        save();
    }

    /**
     * Writes the whole table, counters at zero, as one {@code nft -f} file: what the boot-time unit
     * loads before the network comes up, so LTE stays voice-only when the agent is not running.
     */
    private void save() {
        String table = "table " + TABLE + "\ndelete table " + TABLE + "\n" + definition()
                + NftPolicy.render(net, Ruleset.EMPTY, active);
        try {
            Path temporary = saved.resolveSibling(saved.getFileName() + ".new");
            Files.writeString(temporary, table);
            Files.move(temporary, saved, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Logger.warn(
                    "Cannot save the firewall table for the next boot ({}): the boot-time default applies",
                    e.getMessage());
        }
    }

    @Override
    public synchronized Ruleset active() {
        return active;
    }

    @Override
    public LteBytes readAndResetLteBytes() {
        Counter rx = counters(List.of("nft", "-j", "reset", "counter", "inet", LinuxNet.NFT_TABLE, LTE_RX))
                .getOrDefault(LTE_RX, Counter.ZERO);
        Counter tx = counters(List.of("nft", "-j", "reset", "counter", "inet", LinuxNet.NFT_TABLE, LTE_TX))
                .getOrDefault(LTE_TX, Counter.ZERO);
        return new LteBytes(rx, tx);
    }

    @Override
    public Map<String, Counter> ruleCounters() {
        Map<String, Counter> counters =
                counters(List.of("nft", "-j", "list", "counters", "table", "inet", LinuxNet.NFT_TABLE));
        counters.keySet().removeAll(List.of(LTE_RX, LTE_TX));
        return counters;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Blocked> recentlyBlocked() {
        List<Blocked> blocked = new ArrayList<>();
        for (Map<String, Object> item :
                commands.jsonArray(List.of("nft", "-j", "list", "set", "inet", LinuxNet.NFT_TABLE, "lte_blocked"))) {
            if (item.get("set") instanceof Map<?, ?> set && set.get("elem") instanceof List<?> elements) {
                for (Object element : elements) {
                    blocked(element).ifPresent(blocked::add);
                }
            }
        }
        blocked.sort(Comparator.comparingLong(Blocked::packets).reversed());
        return blocked;
    }

    /** {@code {"elem": {"val": "198.51.100.80", "counter": {"packets": 3, "bytes": 180}, ...}}} */
    @SuppressWarnings("unchecked")
    private static java.util.Optional<Blocked> blocked(Object element) {
        if (element instanceof Map<?, ?> wrapper
                && wrapper.get("elem") instanceof Map<?, ?> elem
                && elem.get("counter") instanceof Map<?, ?> counter) {
            try {
                return java.util.Optional.of(new Blocked(
                        InetAddress.getByName(String.valueOf(elem.get("val"))),
                        ((Number) counter.get("packets")).longValue(),
                        ((Number) counter.get("bytes")).longValue()));
            } catch (java.net.UnknownHostException e) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.empty();
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
                  set lte_blocked { type ipv4_addr; flags dynamic,timeout; timeout 1h; size 1024; counter;
                    comment "where traffic was stopped on LTE, for the installer"; }
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
            Map<String, List<String>> chains = new LinkedHashMap<>();
            POLICY_CHAINS.forEach(
                    chain -> chains.put(chain, new ArrayList<>(List.of("ct state established,related accept"))));
            String lte = quoted(net.lte());
            for (Rule rule : next.rules()) {
                boolean out = rule.direction() == Rule.Direction.OUTBOUND;
                for (String chain : List.of("policy_fwd", out ? "policy_out" : "policy_in")) {
                    List<String> lines = chains.get(chain);
                    boolean firstLteDrop = out
                            && rule.uplink() == Uplink.LTE
                            && rule.verdict() == Rule.Verdict.DROP
                            && lines.stream().noneMatch(line -> line.contains("@lte_blocked"));
                    if (firstLteDrop) { // what reaches here is stopped: remember where it wanted to go
                        lines.add("oifname " + lte + " meta nfproto ipv4 update @lte_blocked { ip daddr }");
                    }
                    lines.addAll(rule(net, rule));
                }
            }
            chains.forEach((chain, lines) -> lines.forEach(line -> nft.append("add rule ")
                    .append(TABLE)
                    .append(' ')
                    .append(chain)
                    .append(' ')
                    .append(line)
                    .append('\n')));
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

        /** One rule as nft text: once, or once per address family when it matches an address set. */
        private static List<String> rule(LinuxNet net, Rule rule) {
            boolean out = rule.direction() == Rule.Direction.OUTBOUND;
            String iface = (out ? "oifname " : "iifname ") + quoted(net.interfaceOf(rule.uplink()));
            String action = "counter name " + quoted(rule.counter()) + " "
                    + rule.verdict().name().toLowerCase(java.util.Locale.ROOT);
            if (rule.remoteSet() == null) {
                return List.of(iface + " " + protocol(rule) + action);
            }
            String field = out ? "daddr" : "saddr";
            return List.of(
                    iface + " ip " + field + " @" + rule.remoteSet() + "_v4 " + protocol(rule) + action,
                    iface + " ip6 " + field + " @" + rule.remoteSet() + "_v6 " + protocol(rule) + action);
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
