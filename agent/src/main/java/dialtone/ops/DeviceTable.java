package dialtone.ops;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The devices' retained states as the operator reads them: one row per device, sorted by id,
 * offline ones marked; or one JSON array for machines. Pure formatting.
 */
final class DeviceTable {
    private static final List<String> HEADER = List.of("DEVICE", "ONLINE", "UPLINK", "MODE", "E911", "USAGE", "BOOT");

    private final SortedMap<String, Map<String, Object>> states;

    /** @param states each device's state document; an empty map when its payload was not readable */
    DeviceTable(Map<String, Map<String, Object>> states) {
        this.states = new TreeMap<>(states);
    }

    /** Aligned columns, alerts last (the widest), then a count. */
    String text() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(withAlerts(HEADER, "ALERTS"));
        states.forEach((device, state) -> rows.add(row(device, state)));
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < widths.length; i++) {
                text.append(String.format("%-" + widths[i] + "s  ", row.get(i)));
            }
            text.append(row.getLast()).append('\n');
        }
        long offline = states.values().stream()
                .filter(state -> !Boolean.TRUE.equals(state.get("online")))
                .count();
        return text.append(states.size())
                .append(states.size() == 1 ? " device, " : " devices, ")
                .append(offline)
                .append(" offline\n")
                .toString();
    }

    /** {@code [{"device": id, ...its state}]}, sorted by id. */
    String json() {
        List<Map<String, Object>> devices = new ArrayList<>();
        states.forEach((device, state) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("device", device);
            entry.putAll(state);
            devices.add(entry);
        });
        return OpsJson.pretty(devices);
    }

    private static List<String> row(String device, Map<String, Object> state) {
        return withAlerts(
                List.of(
                        device,
                        online(state),
                        field(state, "uplink"),
                        field(state, "mode"),
                        field(state, "e911"),
                        state.get("usagePercent") instanceof Number n ? n + "%" : "-",
                        field(state, "boot")),
                state.get("alerts") instanceof Collection<?> alerts && !alerts.isEmpty()
                        ? alerts.stream().map(String::valueOf).collect(Collectors.joining(","))
                        : "-");
    }

    private static String online(Map<String, Object> state) {
        Object online = state.get("online");
        if (Boolean.TRUE.equals(online)) {
            return "yes";
        }
        if (Boolean.FALSE.equals(online)) {
            return state.get("why") == null ? "OFFLINE" : "OFFLINE (" + state.get("why") + ")";
        }
        return "?";
    }

    private static String field(Map<String, Object> state, String name) {
        Object value = state.get(name);
        return value == null ? "-" : String.valueOf(value);
    }

    private static List<String> withAlerts(List<String> columns, String alerts) {
        List<String> row = new ArrayList<>(columns);
        row.add(alerts);
        return row;
    }
}
