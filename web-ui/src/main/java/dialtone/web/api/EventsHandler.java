package dialtone.web.api;

import dialtone.web.json.ApiException;
import dialtone.web.port.EventsView;
import dialtone.web.port.EventsView.EventItem;
import dialtone.web.port.EventsView.EventQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Fields;

/**
 * {@code GET /api/v1/events?limit=50&before=SEQ&severity=warning&type=uplink-switched&text=lte}: the
 * event log, newest first, optionally filtered; {@code next} is the {@code before} of the following
 * page, or null at the end.
 */
public final class EventsHandler extends JsonHandler {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    static final int MAX_TEXT = 100;
    private static final Set<String> SEVERITIES = Set.of("info", "warning", "error");
    private static final Set<String> PARAMETERS = Set.of("limit", "before", "severity", "type", "text");
    private static final Pattern TYPE = Pattern.compile("[a-z0-9-]{1,64}");

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
        String severity = text(query, "severity", problems);
        if (severity != null && !SEVERITIES.contains(severity)) {
            problems.put("severity", "must be info, warning or error");
        }
        String type = text(query, "type", problems);
        if (type != null && !TYPE.matcher(type).matches()) {
            problems.put("type", "must be an event type: lowercase letters, digits and -");
        }
        String text = text(query, "text", problems);
        if (text != null && text.length() > MAX_TEXT) {
            problems.put("text", "must be at most " + MAX_TEXT + " characters");
        }
        for (String name : query.getNames()) {
            if (!PARAMETERS.contains(name)) {
                problems.put(name, "unknown parameter");
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        List<EventItem> page =
                events.page(new EventQuery(before == 0 ? null : before, (int) limit, severity, type, text));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("events", page);
        body.put("next", page.size() < limit ? null : page.getLast().seq());
        return Reply.ok(body);
    }

    /** The parameter's one value, null when absent or empty. */
    private static String text(Fields query, String name, Map<String, String> problems) {
        List<String> values = query.getValues(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            problems.put(name, "must be given once");
            return null;
        }
        String value = values.getFirst().strip();
        return value.isEmpty() ? null : value;
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
