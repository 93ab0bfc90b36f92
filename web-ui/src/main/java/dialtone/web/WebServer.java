package dialtone.web;

import dialtone.web.auth.Sessions;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.SecuredRedirectHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The installer UI's HTTP server: Jetty with a small thread pool and one selector, sized for a Pi.
 * In the demo it binds to loopback; on a box it listens on every address and serves only
 * connections made to the LAN's addresses or loopback ({@link LocalAddressGate}).
 */
public final class WebServer {
    /**
     * @param host the address to bind, or null for all of them
     * @param port 0 picks a free port (tests)
     * @param https null for plain HTTP only (--sim on 127.0.0.1)
     * @param servedOn the local addresses whose connections are served, or null for any
     */
    public record Settings(String host, int port, boolean secureCookies, Https https, Predicate<InetAddress> servedOn) {
        public Settings(String host, int port, boolean secureCookies) {
            this(host, port, secureCookies, null, null);
        }

        public Settings(String host, int port, boolean secureCookies, Https https) {
            this(host, port, secureCookies, https, null);
        }
    }

    /**
     * HTTPS on {@code httpsPort} with the keystore (see {@link DeviceCertificate}); the plain
     * {@link Settings#port()} then only answers 301 to HTTPS, and HTTPS answers carry HSTS.
     */
    public record Https(int httpsPort, Path keyStore, String storePassword) {}

    static final Duration HSTS_MAX_AGE = Duration.ofDays(365);

    private static final int MAX_THREADS = 8;
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    private final Server server;
    private final ServerConnector connector;
    private final ServerConnector secureConnector;

    public WebServer(Settings settings, WebApp.Ports ports) {
        Https https = settings.https();
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2, (int) IDLE_TIMEOUT.toMillis());
        threads.setName("web");
        server = new Server(threads);
        HttpConfiguration plain = httpConfiguration();
        connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(plain));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        server.addConnector(connector);
        server.setErrorHandler(new JsonErrorHandler());
        Handler app = WebApp.create(ports, Sessions.withDefaults(), settings.secureCookies() || https != null);
        Handler served = app;
        if (https == null) {
            secureConnector = null;
        } else {
            plain.setSecureScheme("https");
            plain.setSecurePort(https.httpsPort());
            secureConnector = secureConnector(settings.host(), https);
            server.addConnector(secureConnector);
            served = new SecuredRedirectHandler(app, HttpStatus.MOVED_PERMANENTLY_301);
        }
        server.setHandler(settings.servedOn() == null ? served : new LocalAddressGate(served, settings.servedOn()));
        server.setStopTimeout(2_000);
    }

    private ServerConnector secureConnector(String host, Https https) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(https.keyStore().toString());
        tls.setKeyStoreType("PKCS12");
        tls.setKeyStorePassword(https.storePassword());
        tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration secure = httpConfiguration();
        secure.setSecureScheme("https");
        secure.setSecurePort(https.httpsPort());
        SecureRequestCustomizer customizer = new SecureRequestCustomizer();
        customizer.setSniHostCheck(false); // installers type the box's IP address
        customizer.setStsMaxAge(HSTS_MAX_AGE.toSeconds());
        secure.addCustomizer(customizer);
        ServerConnector tlsConnector = new ServerConnector(
                server, 1, 1, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(secure));
        tlsConnector.setHost(host);
        tlsConnector.setPort(https.httpsPort());
        tlsConnector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        return tlsConnector;
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
                    "cannot serve the web UI on " + (connector.getHost() == null ? "port " : connector.getHost() + ":")
                            + connector.getPort() + (secureConnector == null ? "" : " and " + secureConnector.getPort())
                            + ": "
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

    /** The HTTPS port actually bound, or -1 without HTTPS. */
    public int httpsPort() {
        return secureConnector == null ? -1 : secureConnector.getLocalPort();
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
