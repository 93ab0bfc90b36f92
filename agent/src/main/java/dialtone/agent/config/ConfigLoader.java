package dialtone.agent.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.tinylog.Logger;

/**
 * Loads the bootstrap configuration: the file (when there is one), the environment on top, the
 * mode's defaults beneath, then validation. A file named on the command line must exist; the
 * default file may be missing (a box provisioned only through the environment, or the demo).
 */
public final class ConfigLoader {
    /** Keys whose values must not be readable by every user of the box. */
    static final Set<String> SECRET_KEYS = Set.of("mqtt.password", "lte.apn.password", "lte.sim-pin");

    private ConfigLoader() {}

    public static ConfigValidator.Result load(
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
        ConfigValidator.Result result = ConfigValidator.validate(new ConfigSources(env, values, modeDefaults));
        if (fileProblems.isEmpty()) {
            return result;
        }
        fileProblems.putAll(result.problems());
        return new ConfigValidator.Result(java.util.Optional.empty(), fileProblems, result.warnings());
    }

    /** Whether {@code file} sets a secret and others may read it. */
    static boolean secretsExposed(Path file, Set<String> keys) throws IOException {
        return keys.stream().anyMatch(SECRET_KEYS::contains)
                && Files.getPosixFilePermissions(file).contains(PosixFilePermission.OTHERS_READ);
    }
}
