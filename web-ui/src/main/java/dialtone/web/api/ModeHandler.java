package dialtone.web.api;

import dialtone.web.json.JsonBody;
import dialtone.web.json.JsonFields;
import dialtone.web.port.FailoverControls;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/** {@code GET/PUT /api/v1/mode}: {@code {"mode": "auto"|"force-primary"|"force-lte"}}, kept across restarts. */
public final class ModeHandler extends JsonHandler {
    static final Set<String> MODES = Set.of("auto", "force-primary", "force-lte");

    private final FailoverControls failover;

    public ModeHandler(FailoverControls failover) {
        this.failover = failover;
    }

    @Override
    protected Reply get(Request request, Response response) {
        return Reply.ok(Map.of("mode", failover.mode()));
    }

    @Override
    protected Reply put(Request request, Response response) {
        JsonFields body = new JsonFields(JsonBody.read(request));
        String mode = body.choice("mode", MODES);
        body.done();
        failover.setMode(mode, "installer (web)");
        return Reply.ok(Map.of("mode", mode));
    }
}
