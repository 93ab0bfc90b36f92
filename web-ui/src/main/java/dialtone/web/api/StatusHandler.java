package dialtone.web.api;

import dialtone.web.port.StatusView;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/** {@code GET /api/v1/status}: the site at a glance (login required). */
public final class StatusHandler extends JsonHandler {
    private final StatusView view;

    public StatusHandler(StatusView view) {
        this.view = view;
    }

    @Override
    protected Reply get(Request request, Response response) {
        return Reply.ok(view.status());
    }
}
