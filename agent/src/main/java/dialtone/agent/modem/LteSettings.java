package dialtone.agent.modem;

import com.fasterxml.jackson.jr.ob.JSON;
import dialtone.agent.config.AgentConfig;
import dialtone.agent.config.LteRules;
import dialtone.agent.events.EventLog;
import dialtone.agent.store.Settings;
import dialtone.hal.modem.DataSettings;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The modem's data settings (APN, credentials, roaming) and the SIM PIN in force: the configuration
 * file's, until the installer sets them on site; then the installer's, kept in the database across
 * restarts, applied at once (the recovery service reconnects the bearer within seconds). Secrets are
 * never shown back, only whether they are set.
 */
public final class LteSettings {
    public static final String KEY = "lte.settings";

    /** What is in force, without its secrets; {@code source} is {@code config} or {@code installer}. */
    public record Shown(
            String apn,
            String apnUser,
            boolean apnPasswordSet,
            boolean roamingAllowed,
            boolean simPinSet,
            String source) {}

    private record Values(String apn, String user, String password, boolean roaming, String pin, String source) {}

    private final Settings store;
    private final EventLog events;
    private final boolean applies;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Values values;

    public LteSettings(AgentConfig.Lte config, Settings store, EventLog events) {
        this.store = store;
        this.events = events;
        this.applies = !config.modem().equals("ethernet");
        Values fromConfig = new Values(
                config.apn(),
                config.apnUser(),
                config.apnPassword().value(),
                config.roamingAllowed(),
                config.simPin().value(),
                "config");
        this.values = store.get(KEY).flatMap(LteSettings::parse).orElse(fromConfig);
    }

    /** {@code listener} hears every change (the recovery service reconnects with it). */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    public DataSettings data() {
        Values v = values;
        return new DataSettings(blankIsNull(v.apn()), blankIsNull(v.user()), blankIsNull(v.password()), v.roaming());
    }

    /** The PIN to offer, or null. */
    public String pin() {
        return blankIsNull(values.pin());
    }

    public Shown shown() {
        Values v = values;
        return new Shown(
                v.apn(),
                v.user(),
                !v.password().isEmpty(),
                v.roaming(),
                !v.pin().isEmpty(),
                v.source());
    }

    /**
     * The installer's settings, all fields at once ({@code apn}, {@code apnUser}, {@code apnPassword},
     * {@code roamingAllowed}, {@code simPin}); an absent secret keeps the one in force, "" clears it.
     *
     * @return the problems by field; empty when the settings are in force
     */
    public synchronized Map<String, String> update(Map<String, Object> fields, String by) {
        if (!applies) {
            return Map.of("apn", "an LTE router on Ethernet keeps its own APN and SIM PIN: set them on the router");
        }
        Values now = values;
        Map<String, String> problems = new LinkedHashMap<>();
        String apn = text(fields, "apn", now.apn(), LteRules::apn, problems);
        String user = text(fields, "apnUser", now.user(), LteRules::credential, problems);
        String password = text(fields, "apnPassword", now.password(), LteRules::credential, problems);
        String pin = text(fields, "simPin", now.pin(), LteRules::pin, problems);
        boolean roaming = now.roaming();
        if (fields.containsKey("roamingAllowed")) {
            if (fields.get("roamingAllowed") instanceof Boolean b) {
                roaming = b;
            } else {
                problems.put("roamingAllowed", "must be true or false");
            }
        }
        for (String name : fields.keySet()) {
            if (!List.of("apn", "apnUser", "apnPassword", "roamingAllowed", "simPin")
                    .contains(name)) {
                problems.put(name, "unknown field");
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        Values next = new Values(apn, user, password, roaming, pin, "installer");
        store.put(KEY, json(next));
        values = next;
        Shown shown = shown();
        events.append(
                "lte-settings-changed",
                "info",
                "LTE settings set by " + by + ": APN " + (apn.isEmpty() ? "(the modem's own)" : apn) + ", roaming "
                        + (roaming ? "allowed" : "forbidden"),
                Map.of(
                        "by", by,
                        "apn", apn,
                        "roamingAllowed", roaming,
                        "apnPasswordSet", shown.apnPasswordSet(),
                        "simPinSet", shown.simPinSet()));
        listeners.forEach(Runnable::run);
        return Map.of();
    }

    private static String text(
            Map<String, Object> fields,
            String name,
            String current,
            Function<String, Optional<String>> rule,
            Map<String, String> problems) {
        if (!fields.containsKey(name)) {
            return current;
        }
        if (!(fields.get(name) instanceof String value)) {
            problems.put(name, "must be a string");
            return current;
        }
        String v = value.strip();
        rule.apply(v).ifPresent(p -> problems.put(name, p));
        return v;
    }

    private static String json(Values v) {
        try {
            return JSON.std.asString(Map.of(
                    "apn",
                    v.apn(),
                    "user",
                    v.user(),
                    "password",
                    v.password(),
                    "roaming",
                    v.roaming(),
                    "pin",
                    v.pin()));
        } catch (IOException e) {
            throw new IllegalStateException("a map of strings is JSON", e);
        }
    }

    private static Optional<Values> parse(String json) {
        try {
            Map<String, Object> m = JSON.std.mapFrom(json);
            return Optional.of(new Values(
                    String.valueOf(m.getOrDefault("apn", "")),
                    String.valueOf(m.getOrDefault("user", "")),
                    String.valueOf(m.getOrDefault("password", "")),
                    Boolean.TRUE.equals(m.get("roaming")),
                    String.valueOf(m.getOrDefault("pin", "")),
                    "installer"));
        } catch (IOException e) {
            return Optional.empty(); // unreadable: the configuration file's stand
        }
    }

    private static String blankIsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
