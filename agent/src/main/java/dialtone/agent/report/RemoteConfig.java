package dialtone.agent.report;

import com.fasterxml.jackson.jr.ob.JSON;
import dialtone.agent.store.Database;
import dialtone.agent.store.Settings;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tinylog.Logger;

/**
 * The configuration values the operations team set from afar (set-config, cfg/desired), with
 * their version, kept in the database: a layer between the environment and the file, read at
 * start. Version 0 is none.
 */
public record RemoteConfig(long version, Map<String, String> values) {
    public static final RemoteConfig NONE = new RemoteConfig(0, Map.of());
    static final String KEY = "config.remote";

    public RemoteConfig {
        values = Map.copyOf(values);
    }

    /** What the database holds; a record it cannot read is none, said in the log. */
    public static RemoteConfig read(Settings settings) {
        return settings.get(KEY).map(RemoteConfig::parse).orElse(NONE);
    }

    /** Keeping it, as work for the transaction that also records the change. */
    Database.Work<Integer> storing(Settings settings) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", version);
        json.put("values", values);
        try {
            return settings.putting(KEY, JSON.std.asString(json));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the remote configuration", e);
        }
    }

    private static RemoteConfig parse(String text) {
        try {
            Map<String, Object> json = JSON.std.mapFrom(text);
            Map<String, String> values = new LinkedHashMap<>();
            ((Map<?, ?>) json.get("values")).forEach((k, v) -> values.put((String) k, (String) v));
            return new RemoteConfig(((Number) json.get("version")).longValue(), values);
        } catch (IOException | RuntimeException e) {
            Logger.error("The remote configuration in the database cannot be read ({}): using none", e.getMessage());
            return NONE;
        }
    }
}
