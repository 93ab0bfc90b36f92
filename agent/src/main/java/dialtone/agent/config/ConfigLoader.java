package dialtone.agent.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.tinylog.Logger;

/**
 * Loads the configuration from its layers, highest first: the environment (provisioning), the
 * values set remotely by the operations team (over MQTT, kept in the database), the file (when
 * there is one), the mode's defaults; then validation. A file named on the command line must
 * exist; the default file may be missing (a box provisioned only through the environment, or the
 * demo). The file is read once; the layers above it can be tried again and again.
 */
public final class ConfigLoader {
    /** Keys whose values must not be readable by every user of the box. */
    static final Set<String> SECRET_KEYS =
            Set.of("mqtt.password", "lte.apn.password", "lte.sim-pin", "notify.smtp.password");

    private final Map<String, String> env;
    private final Map<String, String> file;
    private final Map<String, String> modeDefaults;
    private final SortedMap<String, String> fileProblems;

    private ConfigLoader(
            Map<String, String> env,
            Map<String, String> file,
            Map<String, String> modeDefaults,
            SortedMap<String, String> fileProblems) {
        this.env = env;
        this.file = file;
        this.modeDefaults = modeDefaults;
        this.fileProblems = fileProblems;
    }

    /** The file and the environment, with nothing set remotely. */
    public static ConfigValidator.Result load(
            Path file, boolean fileRequired, Map<String, String> env, Map<String, String> modeDefaults) {
        return read(file, fileRequired, env, modeDefaults).validate(Map.of());
    }

    /** Reads the file; its problems come with every {@link #validate}. */
    public static ConfigLoader read(
            Path file, boolean fileRequired, Map<String, String> env, Map<String, String> modeDefaults) {
        SortedMap<String, String> fileProblems = new TreeMap<>();
        Map<String, String> values = Map.of();
        try {
            ConfigFile.Parsed parsed = ConfigFile.parse(file.toString(), Files.readAllBytes(file));
            values = parsed.values();
            fileProblems.putAll(parsed.problems());
            if (secretsExposed(file, values.keySet())) {
                Logger.warn(
                        "{} holds secrets (a password, the SIM PIN) and every user can read it: chmod 600 it", file);
            }
        } catch (NoSuchFileException e) {
            if (fileRequired) {
                fileProblems.put(file.toString(), "no such file");
            }
        } catch (AccessDeniedException e) {
            fileProblems.put(file.toString(), "permission denied");
        } catch (IOException e) {
            fileProblems.put(file.toString(), "cannot be read: " + e.getMessage());
        }
        return new ConfigLoader(Map.copyOf(env), values, Map.copyOf(modeDefaults), fileProblems);
    }

    /** The configuration with {@code remote} (key -> value) between the environment and the file. */
    public ConfigValidator.Result validate(Map<String, String> remote) {
        ConfigSources sources = new ConfigSources(env, remote, file, modeDefaults);
        ConfigValidator.Result result = ConfigValidator.validate(sources);
        SortedMap<String, String> problems = new TreeMap<>(fileProblems);
        sources.unknownRemoteKeys().forEach(key -> problems.put(key, "unknown key"));
        if (problems.isEmpty()) {
            return result;
        }
        problems.putAll(result.problems());
        return new ConfigValidator.Result(Optional.empty(), problems, result.warnings());
    }

    /**
     * Every key with its effective value and where it comes from ({@code environment}, {@code remote},
     * {@code file} or {@code default}); secrets as {@code ****}, unset values as null.
     */
    public Map<String, Map<String, Object>> describe(Map<String, String> remote) {
        ConfigSources sources = new ConfigSources(env, remote, file, modeDefaults);
        ConfigValidator.validate(sources);
        Map<String, Map<String, Object>> keys = new LinkedHashMap<>();
        for (String key : sources.asked()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            String value = sources.value(key).orElse(null);
            entry.put("value", value != null && secret(key) ? "****" : value);
            entry.put("source", sources.layer(key));
            keys.put(key, entry);
        }
        return keys;
    }

    /**
     * Whether {@code key} holds a secret: one of {@link #SECRET_KEYS}, or any key named like a
     * password, PIN or secret, so a key added later is masked before anyone remembers the list.
     */
    public static boolean secret(String key) {
        return SECRET_KEYS.contains(key)
                || key.endsWith("password")
                || key.endsWith(".pin")
                || key.endsWith("-pin")
                || key.endsWith("secret");
    }

    /** Keys the environment sets: provisioning's, not to be changed from afar. */
    public boolean provisioned(String key) {
        return env.containsKey(ConfigSources.envName(key));
    }

    /** Whether {@code file} sets a secret and others may read it. */
    static boolean secretsExposed(Path file, Set<String> keys) throws IOException {
        return keys.stream().anyMatch(ConfigLoader::secret)
                && Files.getPosixFilePermissions(file).contains(PosixFilePermission.OTHERS_READ);
    }
}
