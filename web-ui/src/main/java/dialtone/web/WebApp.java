package dialtone.web;

import dialtone.web.api.AntennaHandler;
import dialtone.web.api.ConfigHandler;
import dialtone.web.api.DiagnosticsHandler;
import dialtone.web.api.EventsHandler;
import dialtone.web.api.FailoverTestHandler;
import dialtone.web.api.HealthHandler;
import dialtone.web.api.JsonHandler;
import dialtone.web.api.LocationHandler;
import dialtone.web.api.LteSettingsHandler;
import dialtone.web.api.ModeHandler;
import dialtone.web.api.NotifyTestHandler;
import dialtone.web.api.SessionHandler;
import dialtone.web.api.SetupPasswordHandler;
import dialtone.web.api.SimHandler;
import dialtone.web.api.StatusHandler;
import dialtone.web.api.UsageHandler;
import dialtone.web.auth.InstallerPassword;
import dialtone.web.auth.LoginThrottle;
import dialtone.web.auth.RequireSession;
import dialtone.web.auth.SessionGuard;
import dialtone.web.auth.Sessions;
import dialtone.web.json.ApiException;
import dialtone.web.port.AntennaView;
import dialtone.web.port.ConfigView;
import dialtone.web.port.EventsView;
import dialtone.web.port.FailoverControls;
import dialtone.web.port.LocationControls;
import dialtone.web.port.LogView;
import dialtone.web.port.LoginAudit;
import dialtone.web.port.LteSettingsControls;
import dialtone.web.port.NotifyControls;
import dialtone.web.port.SimControls;
import dialtone.web.port.StatusView;
import dialtone.web.port.UsageView;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;

/** The handler tree: one readable route table for the API, then the static installer UI. */
public final class WebApp {

    /** What the web UI needs from the agent. {@code sim} is null unless the site is simulated. */
    public record Ports(
            StatusView status,
            InstallerPassword password,
            FailoverControls failover,
            EventsView events,
            UsageView usage,
            AntennaView antenna,
            LocationControls location,
            LteSettingsControls lteSettings,
            NotifyControls notifications,
            LoginAudit logins,
            ConfigView config,
            LogView log,
            SimControls sim) {}

    private WebApp() {}

    public static Handler create(Ports ports, Sessions sessions, boolean secureCookies) {
        return create(ports, sessions, LoginThrottle.withDefaults(System::nanoTime), secureCookies);
    }

    public static Handler create(Ports ports, Sessions sessions, LoginThrottle throttle, boolean secureCookies) {
        SessionGuard guard = new SessionGuard(sessions, secureCookies);
        PathMappingsHandler routes = new PathMappingsHandler();
        routes.addMapping(PathSpec.from("/api/v1/health"), new HealthHandler());
        routes.addMapping(
                PathSpec.from("/api/v1/session"),
                new SessionHandler(ports.password(), guard, ports.logins(), throttle));
        routes.addMapping(PathSpec.from(SetupPasswordHandler.PATH), new SetupPasswordHandler(ports.password()));
        routes.addMapping(
                PathSpec.from("/api/v1/status"), new RequireSession(guard, new StatusHandler(ports.status())));
        routes.addMapping(PathSpec.from("/api/v1/mode"), new RequireSession(guard, new ModeHandler(ports.failover())));
        routes.addMapping(
                PathSpec.from("/api/v1/failover-test"),
                new RequireSession(guard, new FailoverTestHandler(ports.failover())));
        routes.addMapping(
                PathSpec.from("/api/v1/events"), new RequireSession(guard, new EventsHandler(ports.events())));
        routes.addMapping(
                PathSpec.from(UsageHandler.PATH + "/*"), new RequireSession(guard, new UsageHandler(ports.usage())));

        LocationHandler location = new LocationHandler(ports.location());
        routes.addMapping(PathSpec.from(LocationHandler.PATH), new RequireSession(guard, location));
        routes.addMapping(PathSpec.from(LocationHandler.PATH + "/*"), new RequireSession(guard, location));
        routes.addMapping(
                PathSpec.from(NotifyTestHandler.PATH),
                new RequireSession(guard, new NotifyTestHandler(ports.notifications())));
        routes.addMapping(
                PathSpec.from(LteSettingsHandler.PATH),
                new RequireSession(guard, new LteSettingsHandler(ports.lteSettings())));
        routes.addMapping(
                PathSpec.from(AntennaHandler.PATH), new RequireSession(guard, new AntennaHandler(ports.antenna())));

        routes.addMapping(
                PathSpec.from(ConfigHandler.PATH), new RequireSession(guard, new ConfigHandler(ports.config())));
        routes.addMapping(
                PathSpec.from(DiagnosticsHandler.PATH),
                new RequireSession(
                        guard,
                        new DiagnosticsHandler(new DiagnosticsHandler.Sources(
                                ports.status(),
                                ports.config(),
                                ports.usage(),
                                ports.failover(),
                                ports.events(),
                                ports.log()))));

        if (ports.sim() != null) {
            routes.addMapping(
                    PathSpec.from(SimHandler.PREFIX + "/*"), new RequireSession(guard, new SimHandler(ports.sim())));
        }
        routes.addMapping(PathSpec.from("/api/*"), new UnknownApi());
        routes.addMapping(PathSpec.from("/"), installerUi());
        return new SecurityHeaders(new ContextHandler(routes, "/"));
    }

    private static Handler installerUi() {
        ResourceHandler ui = new ResourceHandler();
        ui.setBaseResource(ResourceFactory.of(ui).newClassLoaderResource("webroot/"));
        ui.setDirAllowed(false);
        ui.setWelcomeFiles("index.html");
        ui.setCacheControl("no-cache");
        return ui;
    }

    /** Any other path under /api: a JSON 404 rather than the UI. */
    private static final class UnknownApi extends JsonHandler {
        @Override
        protected Reply get(Request request, Response response) {
            throw new ApiException(
                    404,
                    "not-found",
                    "No API resource at " + request.getHttpURI().getDecodedPath());
        }

        @Override
        protected Reply post(Request request, Response response) {
            return get(request, response);
        }

        @Override
        protected Reply put(Request request, Response response) {
            return get(request, response);
        }

        @Override
        protected Reply delete(Request request, Response response) {
            return get(request, response);
        }
    }
}
