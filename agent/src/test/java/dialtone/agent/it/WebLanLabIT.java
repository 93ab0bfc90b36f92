package dialtone.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.agent.lab.Lab;
import dialtone.agent.lab.LabAgent;
import dialtone.web.DeviceCertificate;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The installer page as on a box (no {@code --sim}, default ports) in the lab: HTTPS on the LAN
 * address with the device's own certificate, HTTP redirecting to it, secure cookies; from the
 * primary's side of the box a 403 that says where to go; from LTE nothing.
 */
class WebLanLabIT {
    private static final String LAN = "198.18.50.1"; // the box on the phones' LAN (lab/topo.sh)
    private static final String WAN = "192.0.2.2"; // the box on the primary's ISP network
    private static final String LTE = "100.64.0.2"; // the box on the carrier's network

    private Lab lab;
    private Path dir;

    @BeforeEach
    void build() throws Exception {
        lab = Lab.up();
        dir = lab.tempDir("web");
    }

    @AfterEach
    void tearDown() {
        lab.close();
    }

    @Test
    void theInstallerPageIsServedOverHttpsOnTheLanOnly() throws Exception {
        LabAgent agent = lab.keep(LabAgent.start(lab, dir));
        Path trusted = devicePem(agent.stateDir().resolve(DeviceCertificate.FILE));

        // the certificate names the LAN address: a browser that accepted it once, curl with it as CA
        String cacert = trusted.toString();
        assertThat(curl("lan", "--cacert", cacert, "https://" + LAN + "/api/v1/health"))
                .isEqualTo("{\"status\":\"ok\"}");
        assertThat(curl(
                        "lan",
                        "-o",
                        "/dev/null",
                        "-w",
                        "%{http_code} %{redirect_url}",
                        "http://" + LAN + "/api/v1/health"))
                .isEqualTo("301 https://" + LAN + "/api/v1/health");
        String login = curl(
                "lan",
                "--cacert",
                cacert,
                "-D",
                "-",
                "-o",
                "/dev/null",
                "-H",
                "Content-Type: application/json",
                "-d",
                "{\"password\":\"" + LabAgent.PASSWORD + "\"}",
                "https://" + LAN + "/api/v1/session");
        assertThat(login).startsWith("HTTP/1.1 200").containsIgnoringCase("strict-transport-security: max-age=");
        assertThat(login.lines().filter(l -> l.toLowerCase().startsWith("set-cookie:")))
                .singleElement()
                .satisfies(cookie -> assertThat(cookie)
                        .contains("Secure")
                        .contains("HttpOnly")
                        .contains("SameSite"));

        assertThat(curl("isp", "-k", "-w", " %{http_code}", "https://" + WAN + "/api/v1/health"))
                .contains("\"not-on-lan\"")
                .endsWith(" 403");
        assertThat(curl("isp", "-o", "/dev/null", "-w", "%{http_code}", "http://" + WAN + "/"))
                .isEqualTo("403");
        assertThat(lab.exec("lte", "curl", "-sSk", "--max-time", "3", "https://" + LTE + "/api/v1/health")
                        .stdout())
                .as("LTE is for voice: the page does not answer there")
                .doesNotContain("ok");
        assertThat(agent.output()).contains("web UI on https://" + LAN + "/ (port 80 redirects)");
    }

    /** curl in namespace {@code ns}, quiet but for errors, at most 5 s; fails the test when curl does. */
    private String curl(String ns, String... args) {
        List<String> argv = new ArrayList<>(List.of("curl", "-sS", "--max-time", "5"));
        argv.addAll(List.of(args));
        return lab.run(ns, argv.toArray(String[]::new));
    }

    /** The device certificate from the agent's key store, as PEM for curl. */
    private Path devicePem(Path keyStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, DeviceCertificate.STORE_PASSWORD.toCharArray());
        }
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(
                                store.getCertificate(DeviceCertificate.ALIAS).getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        return Files.writeString(dir.resolve("device.pem"), pem);
    }
}
