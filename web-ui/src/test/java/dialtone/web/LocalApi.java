package dialtone.web;

import dialtone.web.auth.InstallerPassword;
import dialtone.web.auth.LoginThrottle;
import dialtone.web.auth.PasswordHasher;
import dialtone.web.auth.Sessions;
import dialtone.web.json.Json;
import dialtone.web.port.CredentialStore;
import dialtone.web.port.EventsView;
import dialtone.web.port.SimControls;
import dialtone.web.port.StatusView;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;

/**
 * The web app on Jetty's in-memory connector: real parsing, routing and handlers, no sockets. It
 * keeps the session cookie like a browser would, and a manual clock for session expiry.
 */
final class LocalApi implements AutoCloseable {
    static final String PASSWORD = "correct horse battery";

    final AtomicLong nanos = new AtomicLong();
    final MemoryCredentials credentials = new MemoryCredentials();
    private final Server server = new Server();
    private final LocalConnector connector = new LocalConnector(server, new HttpConnectionFactory(clientAddresses()));
    /** The client address requests seem to come from (the in-memory connector has none). */
    String from = "192.168.1.20";

    private String cookie;
    private String csrfToken;

    final Fixtures.RecordingFailover failover = new Fixtures.RecordingFailover();
    final List<EventsView.EventItem> events = new ArrayList<>();
    final Fixtures.RecordingUsage usage = new Fixtures.RecordingUsage();
    final Fixtures.RecordingAntenna antenna = new Fixtures.RecordingAntenna();
    final Fixtures.RecordingLocation location = new Fixtures.RecordingLocation();
    final Fixtures.RecordingLteSettings lteSettings = new Fixtures.RecordingLteSettings();
    final Fixtures.RecordingNotify notify = new Fixtures.RecordingNotify();
    final List<String> refusals = new ArrayList<>();
    final List<String> log = List.of(
            "2026-12-05 10:00:00.000 INFO  [main] Main: Dialtone agent ready",
            "2026-12-05 10:00:05.000 WARN  [failover] FailoverController: primary degraded");
    final Fixtures.RecordingConfig config = new Fixtures.RecordingConfig(Map.of(
            "version",
            0,
            "keys",
            Map.of(
                    "device.id", Map.of("value", "dt-0001", "source", "file"),
                    "mqtt.password", Map.of("value", "****", "source", "environment"))));

    LocalApi(StatusView status, SimControls sim) throws Exception {
        var sessions = new Sessions(nanos::get, Duration.ofMinutes(30), Duration.ofHours(12), 4);
        var throttle = LoginThrottle.withDefaults(nanos::get);
        var password = new InstallerPassword(credentials, new PasswordHasher(1_000));
        password.provisionIfAbsent(PASSWORD);
        server.addConnector(connector);
        server.setErrorHandler(new JsonErrorHandler());
        EventsView eventsView = query -> events.stream()
                .filter(e -> matches(query, e))
                .sorted((a, b) -> Long.compare(b.seq(), a.seq()))
                .limit(query.limit())
                .toList();
        server.setHandler(WebApp.create(
                new WebApp.Ports(
                        status,
                        password,
                        failover,
                        eventsView,
                        usage,
                        antenna,
                        location,
                        lteSettings,
                        notify::sendTest,
                        refusals::add,
                        config,
                        () -> log,
                        sim),
                sessions,
                throttle,
                true));

        server.start();
    }

    /** The agent's filter (EventLog's SQL), played over the list of events. */
    private static boolean matches(EventsView.EventQuery query, EventsView.EventItem item) {
        return (query.before() == null || item.seq() < query.before())
                && (query.severity() == null || query.severity().equals(item.severity()))
                && (query.type() == null || query.type().equals(item.type()))
                && (query.text() == null
                        || item.message()
                                .toLowerCase(java.util.Locale.ROOT)
                                .contains(query.text().toLowerCase(java.util.Locale.ROOT)));
    }

    /** The server's HTTP settings, trusting X-Forwarded-For here only, to play clients. */
    private static HttpConfiguration clientAddresses() {
        HttpConfiguration http = WebServer.httpConfiguration();
        http.addCustomizer(new ForwardedRequestCustomizer());
        return http;
    }

    HttpTester.Response login(String password) throws Exception {
        HttpTester.Response response = send("POST", "/api/v1/session", Json.write(Map.of("password", password)));
        if (response.getStatus() == 200) {
            csrfToken = (String) Json.readObject(response.getContent()).get("csrfToken");
        }
        return response;
    }

    HttpTester.Response get(String path) throws Exception {
        return send("GET", path, null);
    }

    HttpTester.Response send(String method, String path, String json) throws Exception {
        return send(method, path, json, "application/json", csrfToken);
    }

    HttpTester.Response send(String method, String path, String body, String contentType, String csrf)
            throws Exception {
        return sendRaw(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), contentType, csrf);
    }

    HttpTester.Response sendRaw(String method, String path, byte[] body, String contentType, String csrf)
            throws Exception {
        HttpTester.Request request = HttpTester.newRequest();
        request.setMethod(method);
        request.setURI(path);
        request.setHeader("Host", "dialtone.local");
        if (from != null) {
            request.setHeader("X-Forwarded-For", from);
        }
        if (cookie != null) {
            request.setHeader("Cookie", cookie);
        }
        if (csrf != null) {
            request.setHeader("X-CSRF-Token", csrf);
        }
        if (body != null) {
            if (contentType != null) {
                request.setHeader("Content-Type", contentType);
            }
            request.setContent(body);
        }
        HttpTester.Response response = HttpTester.parseResponse(connector.getResponse(request.generate()));
        String setCookie = response.get("Set-Cookie");
        if (setCookie != null) {
            String pair = setCookie.substring(0, setCookie.indexOf(';'));
            cookie = pair.endsWith("=") ? null : pair;
        }
        return response;
    }

    /** Sends bytes as they are, for requests a well-behaved client cannot even form. */
    HttpTester.Response raw(String request) throws Exception {
        return HttpTester.parseResponse(connector.getResponse(request));
    }

    String csrfToken() {
        return csrfToken;
    }

    Map<String, Object> json(HttpTester.Response response) {
        return Json.readObject(response.getContent());
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    static final class MemoryCredentials implements CredentialStore {
        final AtomicReference<String> hash = new AtomicReference<>();

        @Override
        public Optional<String> installerPasswordHash() {
            return Optional.ofNullable(hash.get());
        }

        @Override
        public void setInstallerPasswordHash(String value) {
            hash.set(value);
        }
    }
}
