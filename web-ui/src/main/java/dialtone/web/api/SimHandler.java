package dialtone.web.api;

import dialtone.web.json.ApiException;
import dialtone.web.json.JsonBody;
import dialtone.web.json.JsonFields;
import dialtone.web.port.SimControls;
import dialtone.web.port.SimControls.SimState;
import java.util.Set;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * {@code /api/v1/sim/...}: drives the simulated site (only mounted with {@code --sim}). {@code GET
 * /api/v1/sim} shows it; each {@code POST} changes one part and answers the new state.
 */
public final class SimHandler extends JsonHandler {
    static final Set<String> MODEM_FAULTS = Set.of("none", "bearer-dropped", "stuck-searching", "hung", "dead");
    public static final String PREFIX = "/api/v1/sim";
    private static final long TWENTY_YEARS_SECONDS = 20L * 366 * 24 * 3600;

    private final SimControls sim;

    public SimHandler(SimControls sim) {
        this.sim = sim;
    }

    @Override
    protected Reply get(Request request, Response response) {
        if (!part(request).isEmpty()) {
            throw notFound(request);
        }
        return Reply.ok(sim.state());
    }

    @Override
    protected Reply post(Request request, Response response) {
        String part = part(request);
        JsonFields body = new JsonFields(JsonBody.read(request));
        SimState state =
                switch (part) {
                    case "primary" -> primary(body);
                    case "lte" -> lte(body);
                    case "modem" -> modem(body);
                    case "calls" -> calls(body);
                    case "clock" -> clock(body);
                    default -> throw notFound(request);
                };
        return Reply.ok(state);
    }

    private SimState primary(JsonFields body) {
        String state = body.choice("state", Set.of("up", "down", "lossy"));
        int loss = (int) body.integer("lossPercent", 0, 100, "lossy".equals(state) ? 10 : 0);
        body.done();
        return sim.setPrimary(state, loss);
    }

    private SimState lte(JsonFields body) {
        int bars = (int) body.integer("signalBars", 0, 5);
        boolean registered = body.bool("registered");
        body.done();
        return sim.setLte(registered, bars);
    }

    private SimState modem(JsonFields body) {
        boolean present = body.bool("present");
        String fault = body.choice("fault", MODEM_FAULTS);
        body.done();
        return sim.setModem(present, fault);
    }

    private SimState calls(JsonFields body) {
        int active = (int) body.integer("active", 0, 1000);
        body.done();
        return sim.setActiveCalls(active);
    }

    private SimState clock(JsonFields body) {
        long seconds = body.integer("advanceSeconds", -TWENTY_YEARS_SECONDS, TWENTY_YEARS_SECONDS);
        body.done();
        return sim.advanceClock(seconds);
    }

    private static String part(Request request) {
        String path = request.getHttpURI().getDecodedPath();
        return path.length() <= PREFIX.length() ? "" : path.substring(PREFIX.length() + 1);
    }

    private static ApiException notFound(Request request) {
        return new ApiException(
                404,
                "not-found",
                "No simulator control at " + request.getHttpURI().getDecodedPath());
    }
}
