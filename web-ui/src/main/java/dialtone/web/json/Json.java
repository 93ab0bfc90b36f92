package dialtone.web.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.jr.ob.JSON;
import com.fasterxml.jackson.jr.ob.JSONObjectException;
import java.io.IOException;
import java.util.Map;

/** The one JSON codec of the API: records and maps out, a plain object in. */
public final class Json {
    private static final JSON CODEC = JSON.builder()
            .enable(JSON.Feature.WRITE_NULL_PROPERTIES)
            .enable(JSON.Feature.FAIL_ON_DUPLICATE_MAP_KEYS)
            .build();
    /**
     * Bodies nest a few levels at most; a deeper one is refused before it can exhaust the small
     * thread stacks the agent runs with (-Xss512k in systemd/jvm.options).
     */
    static final int MAX_DEPTH = 16;

    private static final JsonFactory PARSERS = JsonFactory.builder()
            .streamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    private Json() {}

    public static String write(Object value) {
        try {
            return CODEC.asString(value);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** Parses a JSON object; anything else (array, scalar, broken text) is a 400. */
    public static Map<String, Object> readObject(String text) {
        try (JsonParser parser = PARSERS.createParser(text)) {
            Map<String, Object> map = CODEC.mapFrom(parser);
            if (map == null) {
                throw new ApiException(400, "malformed-json", "The body must be a JSON object.");
            }
            if (parser.nextToken() != null) {
                throw new ApiException(400, "malformed-json", "The body must be one JSON object, nothing after it.");
            }
            return map;
        } catch (JSONObjectException e) {
            throw new ApiException(400, "malformed-json", "The body must be a JSON object.");
        } catch (IOException e) {
            throw new ApiException(400, "malformed-json", "The body is not valid JSON: " + firstLine(e));
        }
    }

    private static String firstLine(IOException e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
