package dialtone.hal.linux;

import dialtone.hal.HalException;
import dialtone.hal.Uplink;
import dialtone.hal.route.Routes;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Policy routing as research/linux-mechanics.md §1.1 lays it out. Each uplink has its own table
 * (101, 102), always populated from the gateway the DHCP client or ModemManager installed (or the
 * configured one), and rules that send traffic from the uplink's address or bound to its interface
 * into that table, so probes test each path whatever the default. The active default is one route
 * of ours in the main table (metric {@value LinuxNet#ACTIVE_METRIC}), swapped with one atomic
 * {@code ip route replace}. Changes are made one at a time (the controller and the periodic
 * refresh may ask together).
 */
public final class IpRoutes implements Routes {
    private final LinuxNet net;
    private final Commands commands;
    private final IpLinks links;

    IpRoutes(LinuxNet net, Commands commands, IpLinks links) {
        this.net = net;
        this.commands = commands;
        this.links = links;
    }

    @Override
    public synchronized void activate(Uplink uplink) {
        List<String> via = prepare(uplink);
        List<String> replace = new ArrayList<>(List.of("ip", "route", "replace", "default"));
        replace.addAll(via);
        replace.addAll(List.of("proto", "static", "metric", String.valueOf(LinuxNet.ACTIVE_METRIC)));
        commands.run(replace);
    }

    @Override
    public synchronized void refresh() {
        for (Uplink uplink : Uplink.values()) {
            if (links.address(net.interfaceOf(uplink), "inet").isPresent()) {
                prepare(uplink);
            }
        }
    }

    @Override
    public Optional<Uplink> active() {
        return commands.jsonArray(List.of("ip", "-j", "route", "show", "default")).stream()
                .filter(route -> route.get("metric") instanceof Number m && m.intValue() == LinuxNet.ACTIVE_METRIC)
                .map(route -> String.valueOf(route.get("dev")))
                .flatMap(dev -> net.uplinkOf(dev).stream())
                .findFirst();
    }

    /**
     * Fills the uplink's own table and rules from the current address and gateway (they change
     * with a new LTE bearer). Returns the route's target: {@code via GW dev IF} or {@code dev IF}.
     */
    List<String> prepare(Uplink uplink) {
        String dev = net.interfaceOf(uplink);
        InetAddress source = links.address(dev, "inet")
                .orElseThrow(() -> new HalException("ip route", dev + " has no IPv4 address"));
        List<String> via =
                gateway(uplink).map(gw -> List.of("via", gw, "dev", dev)).orElse(List.of("dev", dev));
        String table = String.valueOf(net.table(uplink));
        List<String> own = new ArrayList<>(List.of("ip", "route", "replace", "default"));
        own.addAll(via);
        own.addAll(List.of("table", table));
        commands.run(own);
        rule(preference(1000, uplink), List.of("from", source.getHostAddress(), "lookup", table));
        rule(preference(1200, uplink), List.of("oif", dev, "lookup", table));
        return via;
    }

    @Override
    public Optional<String> gatewayMac(Uplink uplink) {
        Optional<String> gateway = gateway(uplink);
        if (gateway.isEmpty()) {
            return Optional.empty();
        }
        return commands
                .jsonArray(List.of("ip", "-j", "neigh", "show", gateway.get(), "dev", net.interfaceOf(uplink)))
                .stream()
                .filter(n -> states(n).stream().noneMatch(s -> s.equals("FAILED") || s.equals("INCOMPLETE")))
                .map(n -> n.get("lladdr"))
                .filter(mac -> mac != null)
                .map(Object::toString)
                .findFirst();
    }

    private static List<?> states(Map<String, Object> neighbour) {
        return neighbour.get("state") instanceof List<?> states ? states : List.of();
    }

    private Optional<String> gateway(Uplink uplink) {
        String configured = net.configuredGateway(uplink);
        if (!configured.isEmpty()) {
            return Optional.of(configured);
        }
        // the DHCP client's or ModemManager's default in main, else ours in the uplink's table (lease lost)
        String dev = net.interfaceOf(uplink);
        return commands.jsonArray(List.of("ip", "-j", "route", "show", "default", "table", "all", "dev", dev)).stream()
                .map(route -> route.get("gateway"))
                .filter(gw -> gw != null)
                .map(Object::toString)
                .findFirst();
    }

    /** Makes sure exactly this rule holds at this preference (the LTE address may have changed). */
    private void rule(int preference, List<String> selector) {
        String pref = String.valueOf(preference);
        List<Map<String, Object>> existing = commands.jsonArray(List.of("ip", "-j", "rule", "show", "pref", pref));
        boolean same = existing.size() == 1 && matches(existing.getFirst(), selector);
        if (same) {
            return;
        }
        for (int i = 0; i < existing.size(); i++) {
            commands.run(List.of("ip", "rule", "del", "pref", pref));
        }
        List<String> add = new ArrayList<>(List.of("ip", "rule", "add", "pref", pref));
        add.addAll(selector);
        commands.run(add);
    }

    private static boolean matches(Map<String, Object> rule, List<String> selector) {
        String table = selector.getLast();
        Object src = rule.get("src");
        Object oif = rule.get("oif");
        boolean selects = selector.getFirst().equals("from")
                ? selector.get(1).equals(String.valueOf(src))
                : selector.get(1).equals(String.valueOf(oif));
        return selects && table.equals(String.valueOf(rule.get("table")));
    }

    private static int preference(int base, Uplink uplink) {
        return base + (uplink == Uplink.PRIMARY ? 1 : 2);
    }
}
