package dialtone.web.port;

import java.util.List;
import java.util.Map;

/** The event log, newest first. */
@FunctionalInterface
public interface EventsView {

    /** Up to {@code query.limit()} events that match {@code query}, newest first. */
    List<EventItem> page(EventQuery query);

    /**
     * A page of the log: events older than sequence number {@code before} (all when null), and
     * only those of {@code severity} ({@code info}, {@code warning}, {@code error}), of {@code type},
     * and whose message contains {@code text} (case-insensitive) when these are not null.
     */
    record EventQuery(Long before, int limit, String severity, String type, String text) {
        public static EventQuery newest(int limit) {
            return new EventQuery(null, limit, null, null, null);
        }
    }

    record EventItem(long seq, String at, String type, String severity, String message, Map<String, Object> facts) {}
}
