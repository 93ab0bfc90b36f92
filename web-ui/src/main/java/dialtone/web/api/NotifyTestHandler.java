package dialtone.web.api;

import dialtone.web.json.ApiException;
import dialtone.web.json.JsonBody;
import dialtone.web.port.NotifyControls;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * {@code POST /api/v1/notify/test}: a test e-mail to every recipient, queued at once; whether it
 * went out shows in the status ({@code notify}) and the events within seconds.
 */
public final class NotifyTestHandler extends JsonHandler {
    public static final String PATH = "/api/v1/notify/test";

    private final NotifyControls notify;

    public NotifyTestHandler(NotifyControls notify) {
        this.notify = notify;
    }

    @Override
    protected Reply post(Request request, Response response) {
        JsonBody.none(request);
        List<String> recipients = notify.sendTest();
        if (recipients.isEmpty()) {
            throw new ApiException(
                    409,
                    "not-configured",
                    "E-mail is not set up: notify.smtp.host, notify.email.from and at least one recipient are needed");
        }
        return new Reply(202, Map.of("queued", true, "recipients", recipients));
    }
}
