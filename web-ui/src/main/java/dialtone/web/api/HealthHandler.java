package dialtone.web.api;

import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/** {@code GET /api/v1/health}: unauthenticated liveness for supervisors and load checks. */
public final class HealthHandler extends JsonHandler {
    private static final Map<String, String> OK = Map.of("status", "ok");

    @Override
    protected Reply get(Request request, Response response) {
        return Reply.ok(OK);
    }
}
