package dialtone.web.api;

import dialtone.web.json.ApiException;
import dialtone.web.json.JsonBody;
import dialtone.web.port.LocationControls;
import dialtone.web.port.LocationControls.Outcome;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * {@code GET/PUT /api/v1/location}: the registered 911 location (PUT registers it: the installer
 * is on site); {@code POST /api/v1/location/confirm} confirms it after a suspected move, or
 * confirms a change proposed from afar. Field errors are all reported at once, nothing half-set.
 */
public final class LocationHandler extends JsonHandler {
    public static final String PATH = "/api/v1/location";
    private final LocationControls location;

    public LocationHandler(LocationControls location) {
        this.location = location;
    }

    @Override
    protected Reply get(Request request, Response response) {
        at(request, PATH);
        return Reply.ok(location.location());
    }

    @Override
    protected Reply put(Request request, Response response) {
        at(request, PATH);
        Map<String, Object> body = JsonBody.read(request);
        Map<String, String> errors = LocationControls.shapeProblems(body);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return done(location.register(body, "installer (web)"));
    }

    @Override
    protected Reply post(Request request, Response response) {
        at(request, PATH + "/confirm");
        JsonBody.none(request);
        return done(location.confirm("installer (web)"));
    }

    private static Reply done(Outcome outcome) {
        if (!outcome.problems().isEmpty()) {
            throw ApiException.invalid(outcome.problems());
        }
        return Reply.ok(outcome.report());
    }

    private static void at(Request request, String path) {
        if (!request.getHttpURI().getDecodedPath().equals(path)) {
            throw new ApiException(
                    404,
                    "not-found",
                    "No location resource at " + request.getHttpURI().getDecodedPath());
        }
    }
}
