package dialtone.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dialtone.agent.notify.LocalhostCertificate;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged agent e-mailing a failover on the simulated site to a real SMTP server (GreenMail in
 * this JVM) over implicit TLS with a login; the agent's JVM trusts the test certificate the way a
 * box trusts its system's CAs (its default trust store, here pointed at the test's).
 */
class SimNotifyIT {
    private static final String PASSWORD = "mail-secret-1";

    @TempDir
    Path work;

    private GreenMail smtps;
    private Path keystore;

    @BeforeEach
    void server() throws Exception {
        keystore = LocalhostCertificate.create(work);
        LocalhostCertificate.serveWith(keystore);
        smtps = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort());
        smtps.setUser("dialtone@provider.example", "dialtone", PASSWORD);
        smtps.start();
    }

    @AfterEach
    void stop() {
        smtps.stop();
    }

    @Test
    void aFailoverOnTheSiteIsAnEmailToTheCustomer() throws Exception {
        Map<String, String> env = Map.of(
                "DIALTONE_NOTIFY_SMTP_HOST",
                "localhost",
                "DIALTONE_NOTIFY_SMTP_PORT",
                String.valueOf(smtps.getSmtps().getPort()),
                "DIALTONE_NOTIFY_SMTP_SECURITY",
                "tls",
                "DIALTONE_NOTIFY_SMTP_USERNAME",
                "dialtone",
                "DIALTONE_NOTIFY_SMTP_PASSWORD",
                PASSWORD,
                "DIALTONE_NOTIFY_EMAIL_FROM",
                "dialtone@provider.example",
                "DIALTONE_NOTIFY_EMAIL_CUSTOMER",
                "office@acme.example",
                "JAVA_TOOL_OPTIONS",
                "-Djavax.net.ssl.trustStore=" + keystore + " -Djavax.net.ssl.trustStorePassword="
                        + LocalhostCertificate.PASSWORD);
        try (AgentProcess agent = AgentProcess.simulated(work, env)) {
            Status.await(agent, "primary.state", "up");
            agent.post("/api/v1/sim/primary", "{\"state\":\"down\"}");
            Status.await(agent, "activeUplink", "lte");

            assertThat(smtps.waitForIncomingEmail(Duration.ofSeconds(30).toMillis(), 1))
                    .as("agent output: %s", agent.output())
                    .isTrue();
            MimeMessage mail = smtps.getReceivedMessages()[0];
            assertThat(mail.getSubject()).endsWith("Internet line down: phones moved to LTE");
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("office@acme.example");
            Status.await(agent, "notifications.pending", 0);
        }
    }
}
