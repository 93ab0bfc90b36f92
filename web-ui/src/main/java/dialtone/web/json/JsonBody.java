package dialtone.web.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads a request body as a JSON object, defensively: only {@code application/json} (a form on
 * another site cannot send it without the browser asking first), at most {@value #MAX_BYTES}
 * bytes, strict UTF-8.
 */
public final class JsonBody {
    public static final int MAX_BYTES = 16 * 1024;

    private JsonBody() {}

    public static Map<String, Object> read(Request request) {
        if (request.getLength() > MAX_BYTES) {
            throw tooLarge();
        }
        byte[] bytes = readLimited(request);
        if (bytes.length == 0) {
            throw new ApiException(400, "missing-body", "A JSON object is required as the body.");
        }
        requireJsonType(request);
        return Json.readObject(decode(bytes));
    }

    /**
     * For actions that take no body: nothing, or an empty JSON object, is accepted; anything else is
     * the same 4xx a body would get, so a client mistaking the action hears about it.
     */
    public static void none(Request request) {
        if (request.getLength() > MAX_BYTES) {
            throw tooLarge();
        }
        byte[] bytes = readLimited(request);
        if (bytes.length > 0) {
            requireJsonType(request);
            new JsonFields(Json.readObject(decode(bytes))).done();
        }
    }

    private static void requireJsonType(Request request) {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(415, "unsupported-media-type", "Send the body as application/json.");
        }
    }

    private static byte[] readLimited(Request request) {
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw new ApiException(400, "unreadable-body", "The request body could not be read.");
        }
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ApiException(400, "malformed-json", "The body is not valid UTF-8.");
        }
    }

    private static ApiException tooLarge() {
        return new ApiException(413, "too-large", "The body is larger than " + MAX_BYTES + " bytes.");
    }
}
