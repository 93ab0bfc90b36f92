package dialtone.agent.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dialtone.agent.config.AgentConfig;
import dialtone.agent.config.Secret;
import dialtone.agent.events.Event;
import dialtone.agent.events.EventLog;
import dialtone.agent.store.Database;
import dialtone.agent.store.Migrations;
import dialtone.hal.sim.SimClock;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notifications against a real SMTP server in the test JVM (GreenMail), over TLS with a certificate
 * made for "localhost" ({@link LocalhostCertificate}).
 */
class NotifierTest {
    private static final String PASSWORD = "mail-secret-1";
    private static Path keystore;

    @TempDir
    Path dir;

    private final SimClock clock = new SimClock(Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC));
    private GreenMail smtps;
    private GreenMail plain;
    private Database db;
    private EventLog events;

    @BeforeAll
    static void certificate(@TempDir Path keys) throws Exception {
        keystore = LocalhostCertificate.create(keys);
        LocalhostCertificate.serveWith(keystore);
    }

    @BeforeEach
    void servers() {
        smtps = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort());
        smtps.setUser("dialtone@provider.example", "dialtone", PASSWORD);
        smtps.start();
        plain = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        plain.start();
        db = Database.open(dir.resolve("dialtone.db"), new Migrations(Migrations.PRODUCTION));
        events = new EventLog(db, clock);
    }

    @AfterEach
    void stop() {
        smtps.stop();
        plain.stop();
        db.close();
    }

    @Test
    void aFailoverReachesTheCustomerAndSupportOverTlsWithALogin() throws Exception {
        Notifier notifier = notifier(config("tls", smtps.getSmtps().getPort(), PASSWORD));
        event("failover", Map.of("reason", "down (no answer)"));
        notifier.sendDue();

        MimeMessage[] received = smtps.getReceivedMessages();
        assertThat(received)
                .as("%s %s port %d", notifier.state(), types(), smtps.getSmtps().getPort())
                .hasSize(2); // the customer's and support's copies
        assertThat(received[0].getSubject()).isEqualTo("[Acme Dental] Internet line down: phones moved to LTE");
        MimeMultipart parts = (MimeMultipart) received[0].getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat((String) parts.getBodyPart(0).getContent()).contains("down (no answer)", "Device: dt-0001");
        assertThat((String) parts.getBodyPart(1).getContent()).startsWith("<!doctype html>");
        assertThat(notifier.state().pending()).isZero();
    }

    @Test
    void eachAudienceGetsTheKindsItChose() throws Exception {
        Notifier notifier = notifier(config("tls", smtps.getSmtps().getPort(), PASSWORD));
        event("sip-scanning", Map.of("packetsPerMinute", 240)); // security: support only
        notifier.sendDue();

        MimeMessage[] received = smtps.getReceivedMessages();
        assertThat(received)
                .as("%s", Arrays.stream(received).map(NotifierTest::subject).toList())
                .hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("noc@provider.example");
    }

    @Test
    void aRefusedLoginIsReportedRetriedAndNothingIsLost() throws Exception {
        Notifier wrong = notifier(config("tls", smtps.getSmtps().getPort(), "not-the-password"));
        event("failover", Map.of("reason", "down"));
        wrong.sendDue();

        assertThat(smtps.getReceivedMessages()).isEmpty();
        assertThat(wrong.state().pending()).isEqualTo(2);
        assertThat(wrong.state().lastError()).containsIgnoringCase("auth");
        assertThat(types()).containsOnlyOnce("email-failed");

        // the installer fixes the password; the agent restarts on the same database
        Notifier right = notifier(config("tls", smtps.getSmtps().getPort(), PASSWORD));
        clock.advance(Duration.ofMinutes(1));
        right.sendDue();
        assertThat(smtps.getReceivedMessages()).hasSize(2);
    }

    @Test
    void whileTheServerIsDownMessagesWaitAndThenGoInOrder() throws Exception {
        int port = smtps.getSmtps().getPort();
        smtps.stop();
        Notifier notifier = notifier(config("tls", port, PASSWORD));
        event("failover", Map.of("reason", "down"));
        event("usage-threshold", Map.of("threshold", "80%"));
        event("location-unverified", Map.of("location", "1234 N MAIN ST"));
        for (int i = 0; i < 3; i++) {
            notifier.sendDue();
            clock.advance(Duration.ofMinutes(2));
        }
        assertThat(notifier.state().pending()).isEqualTo(6); // each for the customer and for support

        smtps = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS));
        smtps.setUser("dialtone@provider.example", "dialtone", PASSWORD);
        smtps.start();
        clock.advance(Duration.ofMinutes(30));
        notifier.sendDue();

        for (String domain : List.of("acme.example", "provider.example")) { // each mailbox, in order
            assertThat(Arrays.stream(smtps.getReceivedMessagesForDomain(domain)).map(NotifierTest::subject))
                    .containsExactly(
                            "[Acme Dental] Internet line down: phones moved to LTE",
                            "[Acme Dental] LTE data at 80% of the plan",
                            "[Acme Dental] 911 location needs confirming: the box may have moved");
        }
        assertThat(types()).contains("email-failed", "email-restored");
    }

    @Test
    void aFlappingLineIsOneMessageThenOneSummary() throws Exception {
        Notifier notifier = notifier(
                config("tls", smtps.getSmtps().getPort(), PASSWORD, List.of("office@acme.example"), List.of()));
        for (int i = 0; i < 10; i++) {
            event(i % 2 == 0 ? "failover" : "failback", Map.of("reason", "flap " + i));
            notifier.sendDue();
            clock.advance(Duration.ofSeconds(50));
        }
        assertThat(smtps.getReceivedMessages()).hasSize(1);

        clock.advance(Duration.ofMinutes(10));
        notifier.sendDue();
        MimeMessage[] received = smtps.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received[1].getSubject()).contains("(and 8 earlier)");
        String summary = (String)
                ((MimeMultipart) received[1].getContent()).getBodyPart(0).getContent();
        assertThat(summary).contains("flap 2", "flap 8").containsOnlyOnce("Device: dt-0001");
        assertThat(summary.split("went back to the Internet line", -1)).hasSize(6); // five failbacks in it
    }

    @Test
    void starttlsIsRequiredNeverAQuietFallBackToPlainText() throws Exception {
        Notifier notifier = notifier(config("starttls", plain.getSmtp().getPort(), ""));
        event("failover", Map.of("reason", "down"));
        notifier.sendDue();

        assertThat(plain.getReceivedMessages()).isEmpty();
        assertThat(notifier.state().lastError()).containsIgnoringCase("STARTTLS");
    }

    @Test
    void theInstallersTestReachesEveryone() throws Exception {
        Notifier notifier = notifier(config("tls", smtps.getSmtps().getPort(), PASSWORD));
        assertThat(notifier.test()).containsExactly("office@acme.example", "noc@provider.example");
        notifier.sendDue();

        assertThat(smtps.getReceivedMessages()).hasSize(2); // one message, a copy in each mailbox
        assertThat(smtps.getReceivedMessages()[0].getAllRecipients()).hasSize(2);
        assertThat(subject(smtps.getReceivedMessages()[0])).isEqualTo("[Acme Dental] Test e-mail");
    }

    private Notifier notifier(AgentConfig.Notifications config) throws Exception {
        return new Notifier(
                config,
                new NoticeWriter(
                        new NoticeWriter.Site("Acme Dental", "dt-0001", "http://198.18.50.1:8080/", ZoneId.of("UTC"))),
                db,
                new SmtpTransport(config, LocalhostCertificate.trusting(keystore)),
                events,
                clock,
                () -> 0L);
    }

    private static AgentConfig.Notifications config(String security, int port, String password) {
        return config(security, port, password, List.of("office@acme.example"), List.of("noc@provider.example"));
    }

    private static AgentConfig.Notifications config(
            String security, int port, String password, List<String> customer, List<String> support) {
        return new AgentConfig.Notifications(
                "localhost",
                port,
                security,
                password.isEmpty() ? "" : "dialtone",
                new Secret(password),
                "dialtone@provider.example",
                customer,
                support,
                Set.of("failover", "usage", "e911"),
                Set.of("failover", "usage", "e911", "modem", "security"),
                Duration.ofMinutes(10));
    }

    private void event(String type, Map<String, Object> facts) {
        events.append(type, "warning", type + " " + facts, facts);
    }

    private List<String> types() {
        return events.page(null, 100).stream().map(Event::type).toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
