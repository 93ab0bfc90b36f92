package dialtone.web.api;

import dialtone.web.json.JsonBody;
import dialtone.web.json.JsonFields;
import dialtone.web.port.AntennaView;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * {@code GET /api/v1/modem/antenna}: the placement readings (poll it once a second);
 * {@code PUT} with {@code {"active": true|false}} turns the mode on or off.
 */
public final class AntennaHandler extends JsonHandler {
    public static final String PATH = "/api/v1/modem/antenna";

    private final AntennaView antenna;

    public AntennaHandler(AntennaView antenna) {
        this.antenna = antenna;
    }

    @Override
    protected Reply get(Request request, Response response) {
        return Reply.ok(antenna.report());
    }

    @Override
    protected Reply put(Request request, Response response) {
        JsonFields body = new JsonFields(JsonBody.read(request));
        boolean active = body.bool("active");
        body.done();
        return Reply.ok(active ? antenna.start() : antenna.stop());
    }
}
