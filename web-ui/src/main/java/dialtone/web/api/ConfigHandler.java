package dialtone.web.api;

import dialtone.web.json.ApiException;
import dialtone.web.port.ConfigView;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * {@code GET /api/v1/config}: the effective configuration, each key with its value and where it
 * comes from; secrets as {@code ****}. Read-only: the configuration changes through the file, the
 * environment or the operations team.
 */
public final class ConfigHandler extends JsonHandler {
    public static final String PATH = "/api/v1/config";

    private final ConfigView config;

    public ConfigHandler(ConfigView config) {
        this.config = config;
    }

    @Override
    protected Reply get(Request request, Response response) {
        if (request.getHttpURI().getQuery() != null) {
            throw new ApiException(400, "invalid", "This resource takes no query parameters.");
        }
        return Reply.ok(config.effective());
    }
}
