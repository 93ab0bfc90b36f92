package dialtone.agent.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where each configuration value comes from, highest first: the environment ({@code DIALTONE_} +
 * the key in upper case, {@code .} and {@code -} as {@code _}), the values set remotely (over
 * MQTT), the file, then the defaults of the mode (the simulated site's interface names). Values are looked up by key as the validator reads
 * them, so no separate list of keys can drift from the code.
 */
public final class ConfigSources {
    public static final String ENV_PREFIX = "DIALTONE_";

    /** Environment variables that are not configuration keys. */
    public static final Set<String> OTHER_ENV = Set.of("DIALTONE_INSTALLER_PASSWORD");

    private final Map<String, String> env;
    private final Map<String, String> remote;
    private final Map<String, String> file;
    private final Map<String, String> modeDefaults;
    private final Set<String> asked = new TreeSet<>();

    public ConfigSources(Map<String, String> env, Map<String, String> file, Map<String, String> modeDefaults) {
        this(env, Map.of(), file, modeDefaults);
    }

    public ConfigSources(
            Map<String, String> env,
            Map<String, String> remote,
            Map<String, String> file,
            Map<String, String> modeDefaults) {
        this.env = Map.copyOf(env);
        this.remote = Map.copyOf(remote);
        this.file = Map.copyOf(file);
        this.modeDefaults = Map.copyOf(modeDefaults);
    }

    public static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The raw value of {@code key}; empty when no source sets it (or sets it empty). */
    public Optional<String> value(String key) {
        asked.add(key);
        String value = env.get(envName(key));
        if (value == null) {
            value = remote.get(key);
        }
        if (value == null) {
            value = file.get(key);
        }
        if (value == null || value.isBlank()) {
            value = modeDefaults.get(key);
        }
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** For messages: where {@code key}'s value came from. */
    public String origin(String key) {
        if (env.containsKey(envName(key))) {
            return " (from " + envName(key) + ")";
        }
        if (remote.containsKey(key)) {
            return " (set remotely)";
        }
        return file.containsKey(key) ? "" : " (default)";
    }

    /** Which layer sets {@code key}: {@code environment}, {@code remote}, {@code file} or {@code default}. */
    String layer(String key) {
        if (env.containsKey(envName(key))) {
            return "environment";
        }
        if (remote.containsKey(key)) {
            return "remote";
        }
        return file.containsKey(key) ? "file" : "default";
    }

    /** Keys set remotely that nothing asked for. */
    Set<String> unknownRemoteKeys() {
        Set<String> unknown = new TreeSet<>(remote.keySet());
        unknown.removeAll(asked);
        return unknown;
    }

    /** Keys in the file that nothing asked for: typos, or settings of another version. */
    public Set<String> unknownFileKeys() {
        Set<String> unknown = new TreeSet<>(file.keySet());
        unknown.removeAll(asked);
        return unknown;
    }

    /** Every key asked for so far: after validation, all the keys there are. */
    Set<String> asked() {
        return Set.copyOf(asked);
    }

    /** {@code DIALTONE_*} variables that match no key. */
    public Set<String> unknownEnvNames() {
        Set<String> known = new TreeSet<>(OTHER_ENV);
        asked.forEach(key -> known.add(envName(key)));
        Set<String> unknown = new TreeSet<>();
        env.keySet().stream()
                .filter(name -> name.startsWith(ENV_PREFIX) && !known.contains(name))
                .forEach(unknown::add);
        return unknown;
    }
}
