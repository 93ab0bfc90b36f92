package dialtone.agent.web;

import dialtone.agent.config.Defaults;
import dialtone.web.DeviceCertificate;
import dialtone.web.WebServer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.tinylog.Logger;

/**
 * Where the installer page listens. In the demo: plain HTTP on 127.0.0.1 (HTTPS only when asked
 * for). On a box: HTTPS with the device's own certificate on every address, answering only
 * connections to the LAN's addresses and loopback; the HTTP port only redirects to HTTPS.
 */
public final class WebEndpoints {
    private WebEndpoints() {}

    /** @param httpPort the port asked for, or -1 for the default; likewise {@code httpsPort} */
    public static WebServer.Settings demo(int httpPort, int httpsPort, Path dataDir) {
        int port = httpPort > 0 ? httpPort : Defaults.HTTP_PORT;
        WebServer.Https https =
                httpsPort > 0 ? https(httpsPort, dataDir, List.of(Defaults.HTTP_HOST), Clock.systemUTC()) : null;
        return new WebServer.Settings(Defaults.HTTP_HOST, port, false, https);
    }

    public static WebServer.Settings box(int httpPort, int httpsPort, Path dataDir, LanAddresses lan, Clock clock) {
        List<String> names = new ArrayList<>(lan.ipv4());
        if (lan.interfaceName() == null) {
            Logger.warn("lan.interface is not set: the installer page answers only on the box itself (loopback)");
        } else if (names.isEmpty()) {
            Logger.warn(
                    "The LAN interface {} has no address yet: the installer page answers there once it has one",
                    lan.interfaceName());
        }
        names.add(Defaults.HTTP_HOST);
        int plainPort = httpPort > 0 ? httpPort : Defaults.LAN_HTTP_PORT;
        WebServer.Https https;
        try {
            https = https(httpsPort > 0 ? httpsPort : Defaults.LAN_HTTPS_PORT, dataDir, names, clock);
        } catch (RuntimeException e) { // never a reason to stop failover
            Logger.error(
                    "No HTTPS certificate for the installer page ({}): it answers only on the box itself, "
                            + "over plain HTTP on port {}, until the next start",
                    e.getMessage(),
                    plainPort);
            return new WebServer.Settings(null, plainPort, true, null, InetAddress::isLoopbackAddress);
        }
        return new WebServer.Settings(null, plainPort, true, https, lan);
    }

    /** For the log: where an installer opens the page. */
    public static String describe(WebServer.Settings settings, LanAddresses lan, int port) {
        if (settings.https() == null) {
            return url(settings, settings.host() == null ? Defaults.HTTP_HOST : settings.host(), port);
        }
        String where = (lan == null ? List.<String>of() : lan.ipv4())
                .stream().findFirst().orElse(settings.host() == null ? "<the LAN address>" : settings.host());
        return url(settings, where, port) + " (port " + port + " redirects)";
    }

    /** The page at {@code host}: over HTTPS when it is served so, with the port unless it is 443. */
    public static String url(WebServer.Settings settings, String host, int plainPort) {
        if (settings.https() == null) {
            return "http://" + host + ":" + plainPort + "/";
        }
        int port = settings.https().httpsPort();
        return "https://" + host + (port == 443 ? "" : ":" + port) + "/";
    }

    private static WebServer.Https https(int port, Path dataDir, List<String> addresses, Clock clock) {
        Path keyStore = DeviceCertificate.ensure(dataDir, hostName(), addresses, clock);
        return new WebServer.Https(port, keyStore, DeviceCertificate.STORE_PASSWORD);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "dialtone";
        }
    }
}
