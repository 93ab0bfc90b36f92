package dialtone.agent.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.agent.events.Event;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoticeWriterTest {
    private static final Instant AT = Instant.parse("2026-11-23T15:04:00Z");
    private final NoticeWriter writer = new NoticeWriter(
            new NoticeWriter.Site("Acme Dental", "dt-0001", "http://198.18.50.1:8080/", ZoneId.of("America/Chicago")));

    @Test
    void failoverSaysWhenWhyAndWhatItMeansForCalls() {
        Notice n =
                write("failover", "warning", "Phones moved to LTE: down", Map.of("reason", "down (no answer)"), null);

        assertThat(n.category()).isEqualTo("failover");
        assertThat(n.subject()).isEqualTo("[Acme Dental] Internet line down: phones moved to LTE");
        assertThat(n.text())
                .contains("Mon 23 Nov 2026, 09:04 CST")
                .contains("down (no answer)")
                .contains("calls in progress may have dropped");
        assertThat(writer.footer()).contains("Site: Acme Dental", "Device: dt-0001", "http://198.18.50.1:8080/");
    }

    @Test
    void failbackSaysHowLongAndHowMuchLteItCost() {
        Notice n =
                write("failback", "info", "back", Map.of("outageSeconds", 5_430, "onLteSeconds", 5_500), 12_345_678L);

        assertThat(n.subject()).endsWith("Internet line back: phones on the line again");
        assertThat(n.text()).contains("The outage lasted 1 h 30 min.").contains("LTE data used meanwhile: 12.3 MB.");
    }

    @Test
    void usageCarriesTheFiguresAndTheCost() {
        Notice n = write(
                "usage-threshold",
                "warning",
                "LTE data at 80% of the plan: 1.60 GB of 2.00 GB used, 2.40 GB forecast for the cycle",
                Map.of("threshold", "80%", "projectedOverageCost", "15.00"),
                null);

        assertThat(n.category()).isEqualTo("usage");
        assertThat(n.subject()).contains("LTE data at 80% of the plan");
        assertThat(n.text()).contains("1.60 GB of 2.00 GB").contains("Projected overage cost for the cycle: 15.00");
    }

    @Test
    void e911ModemAndSecurityNotices() {
        Notice e911 = write(
                "location-unverified",
                "error",
                "The box may have moved (an LTE tracking area never seen here): confirm the 911 location on site.",
                Map.of("location", "1234 N MAIN ST, SPRINGFIELD, IL 62701"),
                null);
        assertThat(e911.category()).isEqualTo("e911");
        assertThat(e911.text()).contains("1234 N MAIN ST").contains("wrong dispatch centre");

        Notice modem =
                write("lte-check-failed", "warning", "The LTE backup cannot reach the provider's SBC", Map.of(), null);
        assertThat(modem.category()).isEqualTo("modem");
        assertThat(modem.text()).contains("no backup");

        Notice scan = write(
                "sip-scanning", "warning", "SIP scanning from the Internet", Map.of("packetsPerMinute", 240), null);
        assertThat(scan.category()).isEqualTo("security");
        assertThat(scan.text()).contains("packetsPerMinute: 240");
    }

    @Test
    void routineEventsAreNoNotice() {
        assertThat(writer.write(new Event(1, AT, "policy-applied", "info", "x", Map.of()), null))
                .isEmpty();
        assertThat(writer.write(new Event(1, AT, "email-failed", "warning", "x", Map.of()), null))
                .isEmpty();
    }

    private Notice write(String type, String severity, String message, Map<String, Object> facts, Long lteBytes) {
        return writer.write(new Event(1, AT, type, severity, message, facts), lteBytes)
                .orElseThrow();
    }
}
