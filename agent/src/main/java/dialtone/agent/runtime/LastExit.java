package dialtone.agent.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.tinylog.Logger;

/**
 * How systemd saw the agent's previous run end, as {@code record-exit} wrote it after the stop
 * ({@code ExecStopPost}): {@code SERVICE_RESULT} (success, exit-code, signal, core-dump, watchdog,
 * timeout, oom-kill, ...), {@code EXIT_CODE} and {@code EXIT_STATUS}.
 */
public record LastExit(String result, String code, String status) {

    /** Reads and removes the record: it tells about one stop only. Empty when there is none. */
    public static Optional<LastExit> take(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Files.delete(file);
            return parse(text);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            Logger.warn("Cannot read how the agent last stopped ({}): {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** The record in {@code key=value} lines, or empty when it has no result. */
    static Optional<LastExit> parse(String text) {
        Map<String, String> fields = text.lines()
                .filter(line -> line.indexOf('=') > 0)
                .collect(Collectors.toMap(
                        line -> line.substring(0, line.indexOf('=')),
                        line -> line.substring(line.indexOf('=') + 1).strip(),
                        (first, second) -> second));
        String result = fields.getOrDefault("result", "");
        return result.isEmpty()
                ? Optional.empty()
                : Optional.of(new LastExit(result, fields.getOrDefault("code", ""), fields.getOrDefault("status", "")));
    }

    /** The watchdog ended the run: the agent hung. */
    public boolean hung() {
        return result.equals("watchdog");
    }

    /** Why the run ended, for a person. */
    public String describe() {
        return switch (result) {
            case "watchdog" -> "it hung and the watchdog restarted it";
            case "signal", "core-dump" -> "it was killed by signal " + status;
            case "exit-code" -> "it exited with status " + status;
            case "oom-kill" -> "the kernel killed it: out of memory";
            case "timeout" -> "it did not start or stop in time";
            default -> "systemd reported '" + result + "'";
        };
    }
}
