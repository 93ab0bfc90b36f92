package dialtone.ops;

import dialtone.ops.OpsArgs.UsageException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words and options of a {@code dialtone-ops} command line, options anywhere ({@code --name
 * value} or {@code --name=value}), each checked to be known and to apply to the action; an option
 * wins over its environment variable.
 */
final class OpsCommandLine {
    private static final Set<String> CONNECTION_OPTIONS =
            Set.of("--url", "--ca", "--cert", "--key", "--username", "--password-file");
    private static final Map<String, Set<String>> ACTION_OPTIONS = Map.of(
            "devices", Set.of("--wait", "--json"),
            "send", Set.of("--issuer", "--ttl", "--sign-key", "--timeout"),
            "keygen", Set.of());
    private static final Set<String> FLAGS = Set.of("--json", "--help", "-h");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|min|h)");

    private final List<String> words;
    private final Map<String, String> options;
    private final Map<String, String> env;

    private OpsCommandLine(List<String> words, Map<String, String> options, Map<String, String> env) {
        this.words = List.copyOf(words);
        this.options = Map.copyOf(options);
        this.env = env;
    }

    static OpsCommandLine scan(List<String> argv, Map<String, String> env) {
        Map<String, String> options = new HashMap<>();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (!arg.startsWith("-")) {
                words.add(arg);
                continue;
            }
            String[] split = arg.split("=", 2);
            String name = split[0];
            if (name.equals("--password")) {
                throw new UsageException("no password on the command line (others see it in ps): use --password-file "
                        + "FILE or DIALTONE_OPS_PASSWORD");
            }
            if (FLAGS.contains(name)) {
                options.put(name, "true");
            } else if (CONNECTION_OPTIONS.contains(name) || isActionOption(name)) {
                String value = split.length == 2 ? split[1] : ++i < argv.size() ? argv.get(i) : null;
                if (value == null || value.isEmpty() || value.startsWith("--")) {
                    throw new UsageException(name + " needs a value");
                }
                options.put(name, value);
            } else {
                throw new UsageException("unknown option " + name);
            }
        }
        return new OpsCommandLine(words, options, env);
    }

    /** Whether the operator asked for the usage, or gave no action at all. */
    boolean wantsHelp() {
        return options.containsKey("--help")
                || options.containsKey("-h")
                || words.isEmpty()
                || words.getFirst().equals("help");
    }

    /** The action, once every option given is known to apply to it. */
    String action() {
        String verb = words.getFirst();
        if (!ACTION_OPTIONS.containsKey(verb)) {
            throw new UsageException("unknown action '" + verb + "': devices, send or keygen");
        }
        for (String option : options.keySet()) {
            boolean fits = ACTION_OPTIONS.get(verb).contains(option)
                    || (!verb.equals("keygen") && CONNECTION_OPTIONS.contains(option));
            if (!fits) {
                throw new UsageException(option + " does not apply to " + verb);
            }
        }
        return verb;
    }

    /** The words after the action. */
    List<String> operands() {
        return words.subList(1, words.size());
    }

    boolean flag(String option) {
        return options.containsKey(option);
    }

    /** The option's value, else the variable's (when not null), else null. */
    String value(String option, String variable) {
        String value = options.get(option);
        return value != null ? value : variable == null ? null : env(variable);
    }

    /** The environment variable, null when unset or empty. */
    String env(String variable) {
        String value = env.get(variable);
        return value == null || value.isEmpty() ? null : value;
    }

    Path path(String option, String variable) {
        String value = value(option, variable);
        return value == null ? null : toPath(option, value);
    }

    static Path toPath(String what, String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException(what + ": not a valid path: " + value);
        }
    }

    /** A duration such as {@code 500ms}, {@code 2s}, {@code 5min} or {@code 1h} (as in agent.conf), in [min, max]. */
    Duration duration(String option, Duration fallback, Duration min, Duration max) {
        String text = options.get(option);
        if (text == null) {
            return fallback;
        }
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new UsageException(option + " must be a duration such as 500ms, 15s, 5min or 1h, not " + text);
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
            throw new UsageException(option + " must be from " + show(min) + " to " + show(max) + ", not " + text);
        }
        return duration;
    }

    static String show(Duration d) {
        long seconds = d.toSeconds();
        if (d.toMillis() % 1000 != 0) {
            return d.toMillis() + "ms";
        }
        return seconds % 3600 == 0 ? seconds / 3600 + "h" : seconds % 60 == 0 ? seconds / 60 + "min" : seconds + "s";
    }

    private static boolean isActionOption(String name) {
        return ACTION_OPTIONS.values().stream().anyMatch(names -> names.contains(name));
    }
}
