package dialtone.web.api;

import dialtone.web.json.ApiException;
import dialtone.web.json.JsonBody;
import dialtone.web.json.JsonFields;
import dialtone.web.port.UsageView;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * {@code GET /api/v1/usage}: the LTE data meter; {@code POST /api/v1/usage/correction} with
 * {@code {"carrierBytes": n}} continues it from the carrier's figure.
 */
public final class UsageHandler extends JsonHandler {
    public static final String PATH = "/api/v1/usage";
    private static final long TEN_TERABYTES = 10_000_000_000_000L;

    private final UsageView usage;

    public UsageHandler(UsageView usage) {
        this.usage = usage;
    }

    @Override
    protected Reply get(Request request, Response response) {
        if (!request.getHttpURI().getDecodedPath().equals(PATH)) {
            throw new ApiException(
                    404,
                    "not-found",
                    "No usage resource at " + request.getHttpURI().getDecodedPath());
        }
        return Reply.ok(usage.usage());
    }

    @Override
    protected Reply post(Request request, Response response) {
        if (!request.getHttpURI().getDecodedPath().equals(PATH + "/correction")) {
            throw new ApiException(
                    404,
                    "not-found",
                    "No usage resource at " + request.getHttpURI().getDecodedPath());
        }
        JsonFields body = new JsonFields(JsonBody.read(request));
        long carrierBytes = body.integer("carrierBytes", 0, TEN_TERABYTES);
        body.done();
        try {
            return Reply.ok(usage.correct(carrierBytes, "installer (web)"));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(Map.of("carrierBytes", e.getMessage()));
        }
    }
}
