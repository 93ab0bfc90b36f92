package dialtone.hal.linux;

import dialtone.hal.HalException;
import dialtone.hal.net.ByteCounters;
import dialtone.hal.net.LinkStatus;
import dialtone.hal.net.NetworkLinks;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Interfaces from {@code ip -j -s addr show dev X}: link state, IPv4 and IPv6 addresses, counters. */
public final class IpLinks implements NetworkLinks {
    private final Commands commands;

    IpLinks(Commands commands) {
        this.commands = commands;
    }

    @Override
    public Optional<LinkStatus> link(String name) {
        if (!exists(name)) {
            return Optional.empty();
        }
        List<Map<String, Object>> links = commands.jsonArray(List.of("ip", "-j", "-s", "addr", "show", "dev", name));
        return links.stream().findFirst().map(link -> status(name, link));
    }

    /** The interface's first address of the family ({@code inet} or {@code inet6}), link-local excluded. */
    Optional<InetAddress> address(String name, String family) {
        return link(name).flatMap(link -> link.addresses().stream()
                .filter(a -> family.equals("inet") == (a.getAddress().length == 4))
                .filter(a -> !a.isLinkLocalAddress())
                .findFirst());
    }

    private boolean exists(String name) {
        return java.nio.file.Files.exists(java.nio.file.Path.of("/sys/class/net", name));
    }

    @SuppressWarnings("unchecked")
    private static LinkStatus status(String name, Map<String, Object> link) {
        List<Object> flags = (List<Object>) link.getOrDefault("flags", List.of());
        boolean up = flags.contains("UP") && flags.contains("LOWER_UP");
        List<InetAddress> addresses = new ArrayList<>();
        for (Object info : (List<Object>) link.getOrDefault("addr_info", List.of())) {
            Object local = ((Map<String, Object>) info).get("local");
            if (local != null) {
                addresses.add(literal(local.toString()));
            }
        }
        return new LinkStatus(name, up, addresses, counters((Map<String, Object>) link.get("stats64")));
    }

    @SuppressWarnings("unchecked")
    private static ByteCounters counters(Map<String, Object> stats) {
        if (stats == null) {
            return ByteCounters.ZERO;
        }
        Map<String, Object> rx = (Map<String, Object>) stats.get("rx");
        Map<String, Object> tx = (Map<String, Object>) stats.get("tx");
        return new ByteCounters(number(rx, "bytes"), number(tx, "bytes"), number(rx, "packets"), number(tx, "packets"));
    }

    private static long number(Map<String, Object> map, String key) {
        return map != null && map.get(key) instanceof Number n ? n.longValue() : 0;
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address); // ip prints literals: parsed, not resolved
        } catch (UnknownHostException e) {
            throw new HalException("ip addr", "not an address: " + address);
        }
    }
}
