package dialtone.agent.it;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Reads the agent's JSON answers in tests, with dotted paths such as {@code lte.signal.bars}. */
final class Json {
    private Json() {}

    static Map<String, Object> object(String text) {
        try {
            return JSON.std.mapFrom(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    @SuppressWarnings("unchecked")
    static Object at(Map<String, Object> object, String dottedPath) {
        Object value = object;
        for (String part : dottedPath.split("\\.")) {
            if (!(value instanceof Map<?, ?> map) || !map.containsKey(part)) {
                throw new AssertionError("no " + dottedPath + " in " + object);
            }
            value = ((Map<String, Object>) map).get(part);
        }
        return value;
    }
}
