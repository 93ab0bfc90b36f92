package dialtone.hal.linux;

import com.fasterxml.jackson.jr.ob.JSON;
import dialtone.hal.HalException;
import dialtone.hal.sys.ProcessResult;
import dialtone.hal.sys.ProcessRunner;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs {@code ip}, {@code nft}, {@code conntrack} and {@code mmcli} and reads their JSON, failing with context. */
final class Commands {
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ProcessRunner runner;

    Commands(ProcessRunner runner) {
        this.runner = runner;
    }

    /** Runs {@code argv}; a non-zero exit is a {@link HalException} carrying stderr. */
    String run(List<String> argv) {
        return run(argv, (String) null);
    }

    String run(List<String> argv, String stdin) {
        return run(argv, stdin, TIMEOUT);
    }

    /** For the few commands that take long by nature (a modem connecting). */
    String run(List<String> argv, Duration timeout) {
        return run(argv, null, timeout);
    }

    private String run(List<String> argv, String stdin, Duration timeout) {
        ProcessResult result = runner.run(argv, stdin, timeout);
        if (!result.ok()) {
            throw new HalException(operation(argv), "exit " + result.exitCode() + ": " + result.stderrTail());
        }
        return result.stdout();
    }

    /** The result whatever the exit code, for commands whose failures mean something (conntrack). */
    ProcessResult attempt(List<String> argv) {
        return runner.run(argv, null, TIMEOUT);
    }

    /** Runs a {@code -J} command that prints one JSON object ({@code mmcli}) and reads it. */
    Map<String, Object> jsonObject(List<String> argv) {
        return jsonObject(argv, run(argv));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> jsonObject(List<String> argv, String out) {
        if (parse(argv, out.strip()) instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw unexpected(argv, out.strip());
    }

    /** Runs a {@code -j} command and reads its top-level JSON array. */
    List<Map<String, Object>> jsonArray(List<String> argv) {
        String out = run(argv).strip();
        if (out.isEmpty()) {
            return List.of();
        }
        Object parsed = parse(argv, out);
        if (parsed instanceof List<?> list) {
            return maps(list);
        }
        if (parsed instanceof Map<?, ?> map && map.get("nftables") instanceof List<?> list) {
            return maps(list);
        }
        throw unexpected(argv, out);
    }

    private static Object parse(List<String> argv, String out) {
        try {
            return JSON.std.anyFrom(out);
        } catch (IOException | RuntimeException e) {
            throw new HalException(operation(argv), "unreadable output: " + abbreviate(out));
        }
    }

    private static HalException unexpected(List<String> argv, String out) {
        return new HalException(operation(argv), "unexpected output: " + abbreviate(out));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(List<?> items) {
        List<Map<String, Object>> maps = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Map<?, ?> map) {
                maps.add((Map<String, Object>) map);
            }
        }
        return maps;
    }

    static String operation(List<String> argv) {
        return String.join(" ", argv.subList(0, Math.min(argv.size(), 3)));
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
