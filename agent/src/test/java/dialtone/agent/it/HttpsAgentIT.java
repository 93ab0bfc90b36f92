package dialtone.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged agent with --https-port: its own certificate, kept and reused; HTTP redirects; HSTS. */
class HttpsAgentIT {
    private static final Map<String, String> PASSWORD = Map.of("DIALTONE_INSTALLER_PASSWORD", AgentProcess.PASSWORD);

    @TempDir
    Path work;

    @Test
    void servesHttpsWithItsOwnCertificateAndReusesItAfterARestart() throws Exception {
        Path keyStore = work.resolve("state/web-tls.p12");
        byte[] first = run();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyStore)))
                .isEqualTo("rw-------");
        assertThat(run()).as("the same certificate after a restart").isEqualTo(first);
    }

    /** One run of the agent: checks redirect and HSTS, answers the keystore's bytes. */
    private byte[] run() throws Exception {
        int http = AgentProcess.freePort();
        int https = AgentProcess.freePort();
        try (AgentProcess agent = AgentProcess.start(
                work,
                PASSWORD,
                "--sim",
                "--data-dir",
                "state",
                "--http-port",
                String.valueOf(http),
                "--https-port",
                String.valueOf(https))) {
            Path keyStore = work.resolve("state/web-tls.p12");
            HttpResponse<String> health = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (health == null && System.nanoTime() < deadline) {
                try {
                    HttpClient client = client(keyStore);
                    health = client.send(
                            get("https://127.0.0.1:" + https + "/api/v1/health"), HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException | java.security.GeneralSecurityException e) {
                    Thread.sleep(100); // not up yet
                }
            }
            assertThat(health).as(agent.output()).isNotNull();
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.headers().firstValue("Strict-Transport-Security")).isPresent();

            HttpResponse<String> plain = client(keyStore)
                    .send(get("http://127.0.0.1:" + http + "/api/v1/status"), HttpResponse.BodyHandlers.ofString());
            assertThat(plain.statusCode()).isEqualTo(301);
            assertThat(plain.headers().firstValue("Location"))
                    .contains("https://127.0.0.1:" + https + "/api/v1/status");
            return Files.readAllBytes(keyStore);
        }
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5))
                .build();
    }

    /** A client trusting exactly the device's certificate (as a browser after accepting it once). */
    private static HttpClient client(Path keyStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, dialtone.web.DeviceCertificate.STORE_PASSWORD.toCharArray());
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("device", store.getCertificate(dialtone.web.DeviceCertificate.ALIAS));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, factory.getTrustManagers(), null);
        return HttpClient.newBuilder()
                .sslContext(tls)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }
}
