package dialtone.hal.linux;

import dialtone.hal.modem.ModemStatus;
import dialtone.hal.modem.ModemStatus.Bearer;
import dialtone.hal.modem.ModemStatus.CellId;
import dialtone.hal.modem.ModemStatus.Position;
import dialtone.hal.modem.ModemStatus.Registration;
import dialtone.hal.modem.ModemStatus.SimCard;
import dialtone.hal.modem.ModemStatus.SimState;
import dialtone.hal.modem.Signal;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code mmcli -J} documents say, as a {@link ModemStatus}: pure, so every modem's quirks are
 * tested against recorded output. mmcli prints every value as a string and {@code --} for unknown;
 * a value that is not what its key promises counts as unknown, never as a guess.
 *
 * @param modem {@code mmcli -m any -J}
 * @param signal {@code mmcli -m any --signal-get -J}, or empty
 * @param sim {@code mmcli -i <path> -J}, or empty (no SIM object)
 * @param bearer {@code mmcli -b <path> -J}, or empty (no bearer yet)
 * @param location {@code mmcli -m any --location-get -J}, or empty
 */
record MmcliReading(
        Map<String, Object> modem,
        Map<String, Object> signal,
        Map<String, Object> sim,
        Map<String, Object> bearer,
        Map<String, Object> location) {

    private static final Pattern RETRIES = Pattern.compile("sim-pin \\((\\d+)\\)");

    /** The modem document alone, for the paths it names. */
    static MmcliReading of(Map<String, Object> modem) {
        return new MmcliReading(modem, Map.of(), Map.of(), Map.of(), Map.of());
    }

    ModemStatus status() {
        Map<String, Object> generic = map(modem, "modem", "generic");
        Map<String, Object> gpp = map(modem, "modem", "3gpp");
        return new ModemStatus(
                true,
                simCard(generic),
                registration(text(gpp, "registration-state")),
                text(gpp, "operator-name"),
                accessTechnology(generic),
                signal(map(signal, "modem", "signal", "lte")),
                cell(map(location, "modem", "location", "3gpp")),
                connection(),
                firstKnown(text(gpp, "imei"), text(generic, "equipment-identifier")),
                position(map(location, "modem", "location", "gps")));
    }

    /** The modem's SIM object path, the first bearer's path and its sysfs device: for the next calls. */
    String simPath() {
        return text(map(modem, "modem", "generic"), "sim");
    }

    String bearerPath() {
        return list(map(modem, "modem", "generic"), "bearers").stream()
                .map(MmcliReading::known)
                .filter(path -> path != null)
                .findFirst()
                .orElse(null);
    }

    String device() {
        return text(map(modem, "modem", "generic"), "device");
    }

    private SimCard simCard(Map<String, Object> generic) {
        Map<String, Object> properties = map(sim, "sim", "properties");
        String unlock = text(generic, "unlock-required");
        String failed = text(generic, "state-failed-reason");
        SimState state;
        if ("sim-puk".equals(unlock) || "sim-puk2".equals(unlock)) {
            state = SimState.PUK_LOCKED;
        } else if ("sim-pin".equals(unlock)) {
            state = SimState.PIN_REQUIRED;
        } else if ("sim-missing".equals(failed) || (simPath() == null && "failed".equals(text(generic, "state")))) {
            state = SimState.MISSING;
        } else if (!properties.isEmpty()) {
            state = SimState.READY;
        } else {
            state = SimState.UNKNOWN;
        }
        return new SimCard(state, text(properties, "iccid"), text(properties, "imsi"), pinRetries(generic));
    }

    private static Integer pinRetries(Map<String, Object> generic) {
        for (Object entry : list(generic, "unlock-retries")) {
            Matcher m = RETRIES.matcher(String.valueOf(entry));
            if (m.matches()) {
                return Integer.valueOf(m.group(1));
            }
        }
        return null;
    }

    /** ModemManager's MMModem3gppRegistrationState, as mmcli prints it. */
    static Registration registration(String state) {
        if (state == null) {
            return Registration.UNKNOWN;
        }
        return switch (state) {
            case "home", "home-sms-only", "home-csfb-not-preferred" -> Registration.HOME;
            case "roaming", "roaming-sms-only", "roaming-csfb-not-preferred" -> Registration.ROAMING;
            case "searching", "attached-rlos" -> Registration.SEARCHING;
            case "denied", "emergency-only" -> Registration.DENIED;
            case "idle" -> Registration.IDLE;
            default -> Registration.UNKNOWN;
        };
    }

    private static String accessTechnology(Map<String, Object> generic) {
        List<String> technologies = list(generic, "access-technologies").stream()
                .map(MmcliReading::known)
                .filter(t -> t != null)
                .toList();
        return technologies.isEmpty() ? null : String.join(", ", technologies);
    }

    private static Signal signal(Map<String, Object> lte) {
        return new Signal(number(lte, "rssi"), number(lte, "rsrp"), number(lte, "rsrq"), number(lte, "snr"));
    }

    private static CellId cell(Map<String, Object> gpp) {
        String cid = text(gpp, "cid");
        String tac = text(gpp, "tac");
        return cid == null && tac == null ? null : new CellId(cid, tac);
    }

    private Bearer connection() {
        Map<String, Object> status = map(bearer, "bearer", "status");
        if (!"yes".equals(text(status, "connected"))) {
            return Bearer.DOWN;
        }
        return new Bearer(
                true,
                text(map(bearer, "bearer", "properties"), "apn"),
                text(map(bearer, "bearer", "ipv4-config"), "address"));
    }

    private static Position position(Map<String, Object> gps) {
        Double latitude = number(gps, "latitude");
        Double longitude = number(gps, "longitude");
        if (latitude == null || longitude == null || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
            return null;
        }
        return new Position(latitude, longitude);
    }

    /** The map under {@code path}, or an empty one when any step is missing or not a map. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> root, String... path) {
        Object node = root;
        for (String key : path) {
            if (!(node instanceof Map<?, ?> m)) {
                return Map.of();
            }
            node = m.get(key);
        }
        return node instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static String text(Map<String, Object> map, String key) {
        return map.get(key) instanceof String s ? known(s) : null;
    }

    private static String known(Object value) {
        if (!(value instanceof String s)) {
            return null;
        }
        String v = s.strip();
        return v.isEmpty() || v.equals("--") ? null : v;
    }

    private static List<?> list(Map<String, Object> map, String key) {
        return map.get(key) instanceof List<?> l ? l : List.of();
    }

    private static Double number(Map<String, Object> map, String key) {
        String v = text(map, key);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String firstKnown(String a, String b) {
        return a != null ? a : b;
    }
}
