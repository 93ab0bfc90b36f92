package dialtone.web.api;

import dialtone.web.json.ApiException;
import dialtone.web.json.JsonBody;
import dialtone.web.port.LteSettingsControls;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * {@code GET/PUT /api/v1/modem/settings}: {@code apn}, {@code apnUser}, {@code apnPassword},
 * {@code roamingAllowed}, {@code simPin}. Applied at once, without a restart; secrets are never
 * shown back; every problem is a field error and nothing is half-set.
 */
public final class LteSettingsHandler extends JsonHandler {
    public static final String PATH = "/api/v1/modem/settings";

    private final LteSettingsControls settings;

    public LteSettingsHandler(LteSettingsControls settings) {
        this.settings = settings;
    }

    @Override
    protected Reply get(Request request, Response response) {
        return Reply.ok(settings.settings());
    }

    @Override
    protected Reply put(Request request, Response response) {
        Map<String, String> problems = settings.update(JsonBody.read(request), "installer (web)");
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return Reply.ok(settings.settings());
    }
}
