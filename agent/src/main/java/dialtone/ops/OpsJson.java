package dialtone.ops;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/** JSON as the operator types it and reads it: one object in (a mistake says where), pretty out. */
final class OpsJson {
    private static final JSON STRICT = JSON.std.with(JSON.Feature.FAIL_ON_DUPLICATE_MAP_KEYS);
    private static final JSON PRETTY = JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT);

    private OpsJson() {}

    /** A text that is not one JSON object; the message says what and where, for the operator. */
    static final class NotAnObject extends Exception {
        NotAnObject(String message) {
            super(message, null, false, false);
        }
    }

    /** Exactly one JSON object, nothing after it. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String text) throws NotAnObject {
        try (JsonParser parser = STRICT.getStreamingFactory().createParser(text)) {
            Object value = STRICT.anyFrom(parser);
            if (!(value instanceof Map<?, ?> map)) {
                throw new NotAnObject("must be a JSON object such as {\"mode\":\"force-lte\"}");
            }
            if (parser.nextToken() != null) {
                throw new NotAnObject("has text after the object" + where(parser.currentLocation()));
            }
            return (Map<String, Object>) map;
        } catch (JsonProcessingException e) {
            throw new NotAnObject("is not valid JSON: " + e.getOriginalMessage() + where(e.getLocation()));
        } catch (IOException e) {
            throw new NotAnObject("is not valid JSON: " + e.getMessage());
        }
    }

    /** The same text as a map, or empty when it is not a JSON object (a device's payload). */
    static Optional<Map<String, Object>> lenient(String text) {
        try {
            return Optional.of(object(text));
        } catch (NotAnObject e) {
            return Optional.empty();
        }
    }

    static String pretty(Object value) {
        try {
            return PRETTY.asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String compact(Object value) {
        try {
            return JSON.std.asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1
                ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
