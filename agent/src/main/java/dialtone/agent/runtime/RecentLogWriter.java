package dialtone.agent.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.tinylog.core.LogEntry;
import org.tinylog.writers.AbstractFormatPatternWriter;

/**
 * A tinylog writer that keeps the agent's recent log lines in memory for the diagnostics bundle
 * (the journal holds them all, but the installer's browser cannot read it). Bounded in lines and
 * bytes; configured in {@code tinylog.properties} as {@code writer2}.
 */
public final class RecentLogWriter extends AbstractFormatPatternWriter {
    static final int MAX_LINES = 2_000;
    static final int MAX_CHARS = 512 * 1024;
    static final int MAX_ENTRY_CHARS = 8 * 1024;

    private static final Deque<String> RECENT = new ArrayDeque<>();
    private static int chars;

    public RecentLogWriter(Map<String, String> properties) {
        super(properties);
    }

    /** The kept entries, oldest first (an entry with a stack trace spans several lines). */
    public static synchronized List<String> recent() {
        return new ArrayList<>(RECENT);
    }

    @Override
    public void write(LogEntry logEntry) {
        String rendered;
        synchronized (this) {
            rendered = render(logEntry).stripTrailing();
        }
        keep(rendered.length() > MAX_ENTRY_CHARS ? rendered.substring(0, MAX_ENTRY_CHARS) + " [...]" : rendered);
    }

    static synchronized void keep(String entry) {
        RECENT.addLast(entry);
        chars += entry.length();
        while (RECENT.size() > MAX_LINES || chars > MAX_CHARS) {
            chars -= RECENT.removeFirst().length();
        }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
