package dialtone.web;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.web.auth.InstallerPassword;
import dialtone.web.auth.PasswordHasher;
import dialtone.web.port.LoginAudit;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real server on loopback sockets: the device certificate, redirect, HSTS, the key file, the LAN-only gate. */
class HttpsServerTest {
    /** keytool dates the certificate by the real clock, so the test's "now" follows it. */
    private static final Clock NOW = Clock.fixed(Instant.now().plusSeconds(60), ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    @Test
    void theCertificateIsMadeOnceKeptPrivateAndReused() throws Exception {
        Path file = DeviceCertificate.ensure(dataDir, "dialtone-test", List.of("127.0.0.1"), NOW);
        byte[] first = Files.readAllBytes(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(DeviceCertificate.ensure(dataDir, "dialtone-test", List.of("127.0.0.1"), NOW))
                .hasBinaryContent(first);
        try (Stream<Path> left = Files.list(dataDir)) {
            assertThat(left.toList()).as("no temporary files left").containsExactly(file);
        }
    }

    @Test
    void anUnreadableOrExpiringCertificateIsReplaced() throws Exception {
        Path file = DeviceCertificate.ensure(dataDir, "dialtone-test", List.of("127.0.0.1"), NOW);
        byte[] first = Files.readAllBytes(file);

        Clock nineYearsOn = Clock.offset(NOW, Duration.ofDays(3640));
        assertThat(Files.readAllBytes(DeviceCertificate.ensure(dataDir, "dialtone-test", List.of(), nineYearsOn)))
                .isNotEqualTo(first);

        Files.write(file, new byte[] {1, 2, 3});
        DeviceCertificate.ensure(dataDir, "dialtone-test", List.of("127.0.0.1"), NOW);
        assertThat(DeviceCertificate.usable(file, NOW)).isTrue();
    }

    @Test
    void plainHttpRedirectsToHttpsWhichCarriesHsts() throws Exception {
        Path keyStore = DeviceCertificate.ensure(dataDir, "dialtone-test", List.of("127.0.0.1"), NOW);
        int httpPort = freePort();
        int httpsPort = freePort();
        WebServer server = new WebServer(
                new WebServer.Settings(
                        "127.0.0.1",
                        httpPort,
                        false,
                        new WebServer.Https(httpsPort, keyStore, DeviceCertificate.STORE_PASSWORD)),
                ports());
        server.start();
        try {
            HttpClient client = HttpClient.newBuilder()
                    .sslContext(trusting(keyStore))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

            HttpResponse<String> plain = client.send(
                    get("http://127.0.0.1:" + httpPort + "/api/v1/health"), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> secure = client.send(
                    get("https://127.0.0.1:" + httpsPort + "/api/v1/health"), HttpResponse.BodyHandlers.ofString());

            assertThat(plain.statusCode()).isEqualTo(301);
            assertThat(plain.headers().firstValue("Location"))
                    .contains("https://127.0.0.1:" + httpsPort + "/api/v1/health");
            assertThat(secure.statusCode()).isEqualTo(200);
            assertThat(secure.body()).contains("ok");
            assertThat(secure.headers().firstValue("Strict-Transport-Security"))
                    .hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000"));
            assertThat(server.httpsPort()).isEqualTo(httpsPort);
        } finally {
            server.stop();
        }
    }

    @Test
    void onlyConnectionsToTheServedAddressesAreAnswered() throws Exception {
        InetAddress lan = InetAddress.getByName("127.0.0.2"); // plays the LAN address; 127.0.0.1 the WAN's
        int port = freePort();
        WebServer server = new WebServer(new WebServer.Settings(null, port, false, null, lan::equals), ports());
        server.start();
        try {
            HttpClient client = HttpClient.newHttpClient();

            HttpResponse<String> served = client.send(
                    get("http://127.0.0.2:" + port + "/api/v1/health"), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> refused = client.send(
                    get("http://127.0.0.1:" + port + "/api/v1/health"), HttpResponse.BodyHandlers.ofString());

            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("\"not-on-lan\"").contains("LAN address");
            assertThat(refused.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        } finally {
            server.stop();
        }
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5))
                .build();
    }

    /** Trusts exactly the device's certificate, as an installer does after accepting it once. */
    private static SSLContext trusting(Path keyStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, DeviceCertificate.STORE_PASSWORD.toCharArray());
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("device", store.getCertificate(DeviceCertificate.ALIAS));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static WebApp.Ports ports() {
        var password = new InstallerPassword(new LocalApi.MemoryCredentials(), new PasswordHasher(1_000));
        return new WebApp.Ports(
                Fixtures::status,
                password,
                new Fixtures.RecordingFailover(),
                query -> List.of(),
                new Fixtures.RecordingUsage(),
                new Fixtures.RecordingAntenna(),
                new Fixtures.RecordingLocation(),
                new Fixtures.RecordingLteSettings(),
                List::of,
                LoginAudit.NONE,
                new Fixtures.RecordingConfig(Map.of()),
                List::of,
                null);
    }
}
