package dialtone.web.api;

import dialtone.web.json.ApiError;
import dialtone.web.json.ApiException;
import dialtone.web.json.JsonBody;
import dialtone.web.port.FailoverControls;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * {@code POST /api/v1/failover-test} starts the installer's test (202, then poll); {@code GET}
 * answers the running or last result; 409 with the reasons when it cannot start now.
 */
public final class FailoverTestHandler extends JsonHandler {
    private final FailoverControls failover;

    public FailoverTestHandler(FailoverControls failover) {
        this.failover = failover;
    }

    @Override
    protected Reply get(Request request, Response response) {
        return Reply.ok(failover.latestTest()
                .orElseThrow(() -> new ApiException(404, "no-test", "No failover test has run on this device yet.")));
    }

    @Override
    protected Reply post(Request request, Response response) {
        JsonBody.none(request);
        try {
            return new Reply(202, failover.startTest());
        } catch (FailoverControls.Refused refused) {
            throw new ApiException(
                    409,
                    new ApiError(
                            "cannot-test",
                            "The failover test cannot start now: " + refused.getMessage() + ".",
                            Map.of()));
        }
    }
}
