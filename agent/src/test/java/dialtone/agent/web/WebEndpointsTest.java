package dialtone.agent.web;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.web.DeviceCertificate;
import dialtone.web.WebServer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebEndpointsTest {
    @TempDir
    Path dataDir;

    @Test
    void theDemoIsPlainHttpOnLoopback() {
        WebServer.Settings demo = WebEndpoints.demo(-1, -1, dataDir);

        assertThat(demo.host()).isEqualTo("127.0.0.1");
        assertThat(demo.port()).isEqualTo(8080);
        assertThat(demo.https()).isNull();
        assertThat(WebEndpoints.url(demo, "127.0.0.1", 8080)).isEqualTo("http://127.0.0.1:8080/");
    }

    @Test
    void aBoxServesHttpsOnEveryAddressGatedToTheLanWithACertificateNamingIt() throws Exception {
        LanAddresses lan = new LanAddresses("lo");
        WebServer.Settings box = WebEndpoints.box(-1, -1, dataDir, lan, Clock.systemUTC());

        assertThat(box.host()).as("every address; the gate picks").isNull();
        assertThat(box.port()).isEqualTo(80);
        assertThat(box.https().httpsPort()).isEqualTo(443);
        assertThat(box.secureCookies()).isTrue();
        assertThat(box.servedOn()).isSameAs(lan);
        assertThat(WebEndpoints.url(box, "198.18.50.1", 80)).isEqualTo("https://198.18.50.1/");
        assertThat(WebEndpoints.url(WebEndpoints.box(8081, 8443, dataDir, lan, Clock.systemUTC()), "198.18.50.1", 8081))
                .isEqualTo("https://198.18.50.1:8443/");

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(box.https().keyStore())) {
            store.load(in, DeviceCertificate.STORE_PASSWORD.toCharArray());
        }
        X509Certificate cert = (X509Certificate) store.getCertificate(DeviceCertificate.ALIAS);
        assertThat(cert.getSubjectAlternativeNames()).contains(List.of(7, "127.0.0.1")); // 7: an IP address
    }

    @Test
    void withoutACertificateTheBoxServesOnlyItselfAndKeepsRunning() throws Exception {
        Path notADirectory = Files.writeString(dataDir.resolve("file"), "x"); // no key store can be made here

        WebServer.Settings box = WebEndpoints.box(-1, -1, notADirectory, new LanAddresses("lo"), Clock.systemUTC());

        assertThat(box.https()).isNull();
        assertThat(box.servedOn().test(java.net.InetAddress.getByName("127.0.0.1")))
                .isTrue();
        assertThat(box.servedOn().test(java.net.InetAddress.getByName("198.18.50.1")))
                .isFalse();
    }
}
