package dialtone.agent.config;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads typed values from {@link ConfigSources} and collects every problem under its key, so one
 * pass reports them all. Each reader returns a usable fallback on a problem, letting validation go
 * on; the result is only used when there are no problems.
 */
final class ConfigFields {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|min|h)");
    private static final Pattern BYTES = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(B|kB|KB|MB|GB|TB)?");
    private static final Map<String, Long> BYTE_UNITS = Map.of(
            "B", 1L, "kB", 1_000L, "KB", 1_000L, "MB", 1_000_000L, "GB", 1_000_000_000L, "TB", 1_000_000_000_000L);

    private final ConfigSources sources;
    private final Map<String, String> problems = new TreeMap<>();

    ConfigFields(ConfigSources sources) {
        this.sources = sources;
    }

    Map<String, String> problems() {
        return problems;
    }

    void problem(String key, String message) {
        problems.putIfAbsent(key, message + sources.origin(key));
    }

    boolean isSet(String key) {
        return sources.value(key).isPresent();
    }

    boolean hasProblem(String key) {
        return problems.containsKey(key);
    }

    /** Free text without control characters, at most {@code maxLength} long; "" when unset. */
    String text(String key, int maxLength) {
        String value = sources.value(key).orElse("");
        if (value.length() > maxLength) {
            problem(key, "must be at most " + maxLength + " characters");
            return "";
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            problem(key, "must not contain control characters");
            return "";
        }
        return value;
    }

    /** Text that {@code rule} accepts (it answers the problem, if any); "" when refused. */
    String checked(String key, java.util.function.Function<String, Optional<String>> rule) {
        String value = text(key, 255);
        Optional<String> problem = rule.apply(value);
        if (problem.isPresent()) {
            problem(key, problem.get());
            return "";
        }
        return value;
    }

    /** Text that must match {@code pattern} when set; {@code rule} says what it must be. */
    String matching(String key, Pattern pattern, String rule) {
        String value = text(key, 255);
        if (!value.isEmpty() && !pattern.matcher(value).matches()) {
            problem(key, "must be " + rule);
            return "";
        }
        return value;
    }

    String choice(String key, Set<String> choices, String fallback) {
        String value = sources.value(key).orElse(fallback);
        if (!choices.contains(value)) {
            problem(key, "must be one of " + String.join(", ", new java.util.TreeSet<>(choices)));
            return fallback;
        }
        return value;
    }

    int integer(String key, int min, int max, int fallback) {
        Optional<String> value = sources.value(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.get());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(key, "must be a whole number from " + min + " to " + max);
        return fallback;
    }

    /** A duration like {@code 500ms}, {@code 2s}, {@code 5min}, {@code 1h}, within [min, max]. */
    Duration duration(String key, Duration min, Duration max, Duration fallback) {
        Optional<String> value = sources.value(key);
        if (value.isEmpty()) {
            return fallback;
        }
        Matcher m = DURATION.matcher(value.get());
        if (!m.matches()) {
            problem(key, "must be a duration such as 500ms, 2s, 5min or 1h");
            return fallback;
        }
        long amount = Long.parseLong(m.group(1));
        Duration duration =
                switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "min" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
        if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
            problem(key, "must be from " + show(min) + " to " + show(max));
            return fallback;
        }
        return duration;
    }

    /** A size in decimal units as carriers bill ({@code 2GB} = 2,000,000,000 bytes), in [min, max]. */
    long bytes(String key, long min, long max, long fallback) {
        Optional<String> value = sources.value(key);
        if (value.isEmpty()) {
            return fallback;
        }
        Matcher m = BYTES.matcher(value.get());
        if (m.matches()) {
            double amount = Double.parseDouble(m.group(1)) * BYTE_UNITS.get(m.group(2) == null ? "B" : m.group(2));
            if (amount >= min && amount <= max) {
                return Math.round(amount);
            }
        }
        problem(key, "must be a size from " + min + " bytes to " + max / 1_000_000_000 + "GB, e.g. 2GB or 500MB");
        return fallback;
    }

    /** A port range {@code from-to} (or one port), 1 to 65535; {from, to}. */
    int[] portRange(String key, String fallback) {
        String text = sources.value(key).orElse(fallback);
        java.util.regex.Matcher m =
                Pattern.compile("(\\d{1,5})(?:-(\\d{1,5}))?").matcher(text);
        if (m.matches()) {
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            if (from >= 1 && from <= to && to <= 65535) {
                return new int[] {from, to};
            }
        }
        problem(key, "must be a port range such as 10000-20000, within 1-65535, low to high");
        String[] parts = fallback.split("-");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }

    /** An amount of money, 0 to 1000 with at most two decimals (e.g. {@code 15} or {@code 12.50}). */
    BigDecimal money(String key, BigDecimal fallback) {
        Optional<String> value = sources.value(key);
        if (value.isEmpty()) {
            return fallback;
        }
        if (value.get().matches("\\d{1,4}(\\.\\d{1,2})?")) {
            BigDecimal amount = new BigDecimal(value.get());
            if (amount.compareTo(new BigDecimal(1000)) <= 0) {
                return amount.setScale(2);
            }
        }
        problem(key, "must be an amount from 0 to 1000 with at most two decimals, e.g. 15 or 12.50");
        return fallback;
    }

    /** An IANA time zone such as {@code America/Chicago}; the system's zone when unset. */
    ZoneId zone(String key) {
        Optional<String> value = sources.value(key);
        if (value.isEmpty()) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(value.get());
        } catch (DateTimeException e) {
            problem(key, "must be a time zone such as America/Chicago");
            return ZoneId.systemDefault();
        }
    }

    /** A comma-separated list; each item checked by {@code parse} (empty Optional = invalid). */
    <T> List<T> list(String key, List<String> fallback, String rule, Function<String, Optional<T>> parse) {
        List<String> items = sources.value(key)
                .map(v -> Arrays.stream(v.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList())
                .orElse(fallback);
        List<T> parsed = new ArrayList<>();
        for (String item : items) {
            Optional<T> value = parse.apply(item);
            if (value.isEmpty()) {
                problem(key, "'" + item + "' is not " + rule);
                return List.of();
            }
            parsed.add(value.get());
        }
        return parsed;
    }

    /** A path to a readable file; null when unset. */
    Path readableFile(String key) {
        Optional<String> value = sources.value(key);
        if (value.isEmpty()) {
            return null;
        }
        try {
            Path path = Path.of(value.get());
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                problem(key, "no readable file at " + path);
                return null;
            }
            return path;
        } catch (InvalidPathException e) {
            problem(key, "is not a valid path");
            return null;
        }
    }

    private static String show(Duration d) {
        long seconds = d.toSeconds();
        if (d.toMillis() % 1000 != 0) {
            return d.toMillis() + "ms";
        }
        return seconds % 3600 == 0 ? seconds / 3600 + "h" : seconds % 60 == 0 ? seconds / 60 + "min" : seconds + "s";
    }
}
