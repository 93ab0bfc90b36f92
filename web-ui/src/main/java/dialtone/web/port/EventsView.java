package dialtone.web.port;

import java.util.List;
import java.util.Map;

/** The event log, newest first. */
@FunctionalInterface
public interface EventsView {

    /** Up to {@code limit} events older than sequence number {@code before} (all when null). */
    List<EventItem> page(Long before, int limit);

    record EventItem(long seq, String at, String type, String severity, String message, Map<String, Object> facts) {}
}
