package dialtone.agent;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The agent will not start, for reasons a person can fix: bad configuration, a damaged database, a
 * machine that is not a provisioned box. Carries every problem, for one readable list; exit code 2.
 */
public final class StartupRefused extends RuntimeException {
    private final SortedMap<String, String> problems;

    public StartupRefused(String summary, Map<String, String> problems) {
        super(summary, null, false, false);
        this.problems = new TreeMap<>(problems);
    }

    public StartupRefused(String summary) {
        this(summary, Map.of());
    }

    public SortedMap<String, String> problems() {
        return problems;
    }

    /** The message for the console: the summary, then one problem per line. */
    public String report() {
        StringBuilder text = new StringBuilder("Dialtone agent cannot start: ")
                .append(getMessage())
                .append('\n');
        problems.forEach((where, what) ->
                text.append("  ").append(where).append(": ").append(what).append('\n'));
        return text.toString();
    }
}
