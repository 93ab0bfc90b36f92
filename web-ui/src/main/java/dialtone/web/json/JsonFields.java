package dialtone.web.json;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads typed fields from a parsed JSON object and collects every problem, so one answer lists
 * them all: missing, wrong type, out of range, unknown. Call {@link #done()} once read.
 */
public final class JsonFields {
    private final Map<String, Object> object;
    private final Set<String> read = new TreeSet<>();
    private final Map<String, String> errors = new LinkedHashMap<>();

    public JsonFields(Map<String, Object> object) {
        this.object = object;
    }

    /** A required string; blank counts as missing. */
    public String string(String name) {
        Object value = take(name);
        if (value == null) {
            errors.put(name, "required");
            return null;
        }
        if (!(value instanceof String text)) {
            errors.put(name, "must be a string");
            return null;
        }
        if (text.isBlank()) {
            errors.put(name, "required");
            return null;
        }
        return text;
    }

    /** A required whole number within [min, max]. */
    public long integer(String name, long min, long max) {
        Object value = take(name);
        if (value == null) {
            errors.put(name, "required");
            return min;
        }
        if (!(value instanceof Integer || value instanceof Long)) {
            errors.put(name, "must be a whole number");
            return min;
        }
        long number = ((Number) value).longValue();
        if (number < min || number > max) {
            errors.put(name, "must be between " + min + " and " + max);
            return min;
        }
        return number;
    }

    /** An optional whole number within [min, max], or {@code fallback} when absent. */
    public long integer(String name, long min, long max, long fallback) {
        if (object.get(name) == null) {
            read.add(name);
            return fallback;
        }
        return integer(name, min, max);
    }

    /** A required boolean. */
    public boolean bool(String name) {
        Object value = take(name);
        if (!(value instanceof Boolean flag)) {
            errors.put(name, value == null ? "required" : "must be true or false");
            return false;
        }
        return flag;
    }

    /** A required string from a fixed set of choices. */
    public String choice(String name, Set<String> choices) {
        String value = string(name);
        if (value != null && !choices.contains(value)) {
            errors.put(name, "must be one of " + String.join(", ", new TreeSet<>(choices)));
            return null;
        }
        return value;
    }

    /** Fails with every collected problem, including fields nobody asked for. */
    public void done() {
        for (String name : object.keySet()) {
            if (!read.contains(name)) {
                errors.put(name, "unknown field");
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private Object take(String name) {
        read.add(name);
        return object.get(name);
    }
}
