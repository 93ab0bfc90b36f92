package dialtone.web.api;

import dialtone.web.json.ApiException;
import dialtone.web.port.EventsView;
import dialtone.web.port.EventsView.EventItem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Fields;

/**
 * {@code GET /api/v1/events?limit=50&before=SEQ}: the event log, newest first; {@code next} is the
 * {@code before} of the following page, or null at the end.
 */
public final class EventsHandler extends JsonHandler {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final EventsView events;

    public EventsHandler(EventsView events) {
        this.events = events;
    }

    @Override
    protected Reply get(Request request, Response response) {
        Fields query = Request.extractQueryParameters(request);
        Map<String, String> problems = new LinkedHashMap<>();
        long limit = number(query, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT, problems);
        long before = number(query, "before", 1, Long.MAX_VALUE, 0, problems);
        for (String name : query.getNames()) {
            if (!name.equals("limit") && !name.equals("before")) {
                problems.put(name, "unknown parameter");
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        List<EventItem> page = events.page(before == 0 ? null : before, (int) limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("events", page);
        body.put("next", page.size() < limit ? null : page.getLast().seq());
        return Reply.ok(body);
    }

    private static long number(
            Fields query, String name, long min, long max, long fallback, Map<String, String> problems) {
        String text = query.getValue(name);
        if (text == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.put(name, "must be a whole number from " + min + (max == Long.MAX_VALUE ? " up" : " to " + max));
        return fallback;
    }
}
