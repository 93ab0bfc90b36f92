package dialtone.hal.linux;

import dialtone.hal.HalException;
import dialtone.hal.lldp.Lldp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.Set;
import java.util.TreeSet;

/**
 * LLDP through lldpd (started with {@code -M 4}: a network connectivity device sending LLDP-MED),
 * driven by {@code lldpcli} on its control socket.
 */
public final class LldpdLldp implements Lldp {
    /** lldpcli's keyword for each civic element it can send (RFC 4776 CAtypes). RD has none: it goes as A6. */
    static final Map<String, String> KEYWORDS = Map.ofEntries(
            Map.entry("A1", "country-subdivision"),
            Map.entry("A2", "county"),
            Map.entry("A3", "city"),
            Map.entry("A4", "city-division"),
            Map.entry("A5", "block"),
            Map.entry("A6", "street"),
            Map.entry("RD", "street"),
            Map.entry("PRD", "direction"),
            Map.entry("POD", "trailing-street-suffix"),
            Map.entry("STS", "street-suffix"),
            Map.entry("HNO", "number"),
            Map.entry("HNS", "number-suffix"),
            Map.entry("LMK", "landmark"),
            Map.entry("LOC", "additional"),
            Map.entry("NAM", "name"),
            Map.entry("PC", "zip"),
            Map.entry("BLD", "building"),
            Map.entry("UNIT", "unit"),
            Map.entry("FLR", "floor"),
            Map.entry("ROOM", "room"),
            Map.entry("PLC", "place-type"));

    private final String lan;
    private final String primary;
    private final String socket;
    private final Commands commands;

    /** @param socket lldpd's control socket, or null for its default */
    LldpdLldp(String lan, String primary, String socket, Commands commands) {
        this.lan = lan;
        this.primary = primary;
        this.socket = socket;
        this.commands = commands;
    }

    @Override
    public void advertise(SequencedMap<String, String> civic) {
        commands.run(argv(configure(lan, civic)));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Set<String> upstreamChassis() {
        Map<String, Object> shown =
                commands.jsonObject(argv(List.of("-f", "json", "show", "neighbors", "ports", primary)));
        Set<String> ids = new TreeSet<>();
        collect(shown, ids);
        return ids;
    }

    /** {@code configure ports <lan> med location address country US language en <keyword> <value>...}. */
    static List<String> configure(String port, SequencedMap<String, String> civic) {
        String country = civic.get("country");
        if (country == null) {
            throw new HalException("lldp", "a civic location starts with its country");
        }
        List<String> args = new ArrayList<>(List.of(
                "configure", "ports", port, "med", "location", "address", "country", country, "language", "en"));
        civic.forEach((element, value) -> {
            String keyword = KEYWORDS.get(element);
            if (keyword != null && !value.isEmpty()) {
                args.add(keyword);
                args.add(value);
            }
        });
        return args;
    }

    /** Every {@code chassis.*.id.value} (lldpcli nests neighbours by interface, then by chassis name). */
    @SuppressWarnings("unchecked")
    private static void collect(Object node, Set<String> ids) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("chassis") instanceof Map<?, ?> chassis) {
                for (Object c : chassis.values()) {
                    if (c instanceof Map<?, ?> one
                            && one.get("id") instanceof Map<?, ?> id
                            && id.get("value") instanceof String value) {
                        ids.add(value);
                    }
                }
            }
            map.values().forEach(v -> collect(v, ids));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collect(v, ids));
        }
    }

    private List<String> argv(List<String> args) {
        List<String> argv = new ArrayList<>(List.of("lldpcli"));
        if (socket != null) {
            argv.addAll(List.of("-u", socket));
        }
        argv.addAll(args);
        return argv;
    }
}
