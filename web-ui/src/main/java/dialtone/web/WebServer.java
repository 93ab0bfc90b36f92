package dialtone.web;

import dialtone.web.auth.Sessions;
import java.time.Duration;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The installer UI's HTTP server: Jetty with a small thread pool and one selector, sized for a Pi.
 * Binds to one address only (loopback in the demo; the LAN address on a box).
 */
public final class WebServer {
    /** @param port 0 picks a free port (tests) */
    public record Settings(String host, int port, boolean secureCookies) {}

    private static final int MAX_THREADS = 8;
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    private final Server server;
    private final ServerConnector connector;

    public WebServer(Settings settings, WebApp.Ports ports) {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2, (int) IDLE_TIMEOUT.toMillis());
        threads.setName("web");
        server = new Server(threads);
        connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(httpConfiguration()));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        server.addConnector(connector);
        server.setErrorHandler(new JsonErrorHandler());
        server.setHandler(WebApp.create(ports, Sessions.withDefaults(), settings.secureCookies()));
        server.setStopTimeout(2_000);
    }

    /** HTTP settings of every connector: the server does not announce itself. */
    public static HttpConfiguration httpConfiguration() {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        return http;
    }

    /** Starts listening; a port that is taken is a {@link WebStartException} saying so. */
    public void start() {
        try {
            server.start();
        } catch (Exception e) {
            stop();
            throw new WebStartException(
                    "cannot serve the web UI on " + connector.getHost() + ":" + connector.getPort() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    public void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("web server did not stop cleanly", e);
        }
    }

    /** The port actually bound (useful when started with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The web UI could not start, e.g. its port is in use. */
    public static final class WebStartException extends RuntimeException {
        WebStartException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
