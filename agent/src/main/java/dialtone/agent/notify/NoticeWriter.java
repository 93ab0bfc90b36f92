package dialtone.agent.notify;

import dialtone.agent.events.Event;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the events people must hear about into notices, in words a customer understands, with the
 * facts support needs (pure). Every message ends with the {@link #footer()}: the site, the device
 * and where its page is.
 */
public final class NoticeWriter {

    /** @param localUrl the installer's page on the site's LAN */
    public record Site(String name, String deviceId, String localUrl, ZoneId zone) {}

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z", Locale.US);

    private final Site site;

    public NoticeWriter(Site site) {
        this.site = site;
    }

    /**
     * @param lteBytesDuringOutage LTE data used since the failover, for the failback notice, or null
     */
    public Optional<Notice> write(Event e, Long lteBytesDuringOutage) {
        Map<String, Object> f = e.facts();
        String when = TIME.format(e.at().atZone(site.zone()));
        return Optional.ofNullable(
                switch (e.type()) {
                    case "failover" ->
                        notice(
                                "failover",
                                "Internet line down: phones moved to LTE",
                                "At " + when + " the Internet line failed (" + f.getOrDefault("reason", "no answer")
                                        + "). The phones now work over the LTE backup; calls in progress may have"
                                        + " dropped, new calls work, 911 included. Another message follows when the line is"
                                        + " back.");
                    case "failback" ->
                        notice(
                                "failover",
                                "Internet line back: phones on the line again",
                                "At " + when + " the phones went back to the Internet line."
                                        + duration("The outage lasted ", f.get("outageSeconds"))
                                        + duration("The phones were on LTE for ", f.get("onLteSeconds"))
                                        + (lteBytesDuringOutage == null
                                                ? ""
                                                : " LTE data used meanwhile: " + megabytes(lteBytesDuringOutage)
                                                        + "."));
                    case "no-backup" ->
                        notice("modem", "No service: the line is down and LTE is not ready", e.message() + ".");
                    case "usage-threshold" ->
                        notice(
                                "usage",
                                "LTE data at " + f.getOrDefault("threshold", "a threshold") + " of the plan",
                                e.message() + "."
                                        + (f.get("projectedOverageCost") == null
                                                ? ""
                                                : " Projected overage cost for the cycle: "
                                                        + f.get("projectedOverageCost") + ".")
                                        + " The LTE line is the backup: voice only, billed by the carrier beyond the plan.");
                    case "location-unverified" ->
                        notice(
                                "e911",
                                "911 location needs confirming: the box may have moved",
                                e.message() + " Registered address: " + f.getOrDefault("location", "(see the page)")
                                        + ". Until someone confirms it on site, a 911 call may go to the wrong dispatch"
                                        + " centre.");
                    case "location-confirmed" -> notice("e911", "911 location confirmed", e.message() + ".");
                    case "location-changed" -> notice("e911", "911 location changed", e.message() + ".");
                    case "modem-needs-attention", "lte-check-failed" ->
                        notice(
                                "modem",
                                "The LTE backup is not ready",
                                e.message() + ". If the Internet line fails now, the phones have no backup.");
                    case "sip-scanning", "unusual-call-volume", "login-failures" ->
                        notice("security", "Security: " + e.message(), e.message() + ". " + facts(f));
                    case "email-test" ->
                        notice(
                                "test",
                                "Test e-mail",
                                "This is the test e-mail an installer asked for at " + when + ".");
                    default -> null;
                });
    }

    private Notice notice(String category, String subject, String body) {
        return new Notice(category, "[" + site.name() + "] " + subject, body);
    }

    /** What ends every message, once, however many notices it carries. */
    public String footer() {
        return "\n\n--\nSite: " + site.name()
                + "\nDevice: " + site.deviceId()
                + "\nInstaller page (on the site's network): " + site.localUrl()
                + "\nSent by Dialtone; these notices are set up by your phone provider.";
    }

    private static String duration(String lead, Object seconds) {
        if (!(seconds instanceof Number n)) {
            return "";
        }
        Duration d = Duration.ofSeconds(n.longValue());
        String words = d.toHours() > 0
                ? d.toHours() + " h " + d.toMinutesPart() + " min"
                : d.toMinutes() > 0 ? d.toMinutes() + " min " + d.toSecondsPart() + " s" : d.toSeconds() + " s";
        return " " + lead + words + ".";
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.US, "%.1f MB", bytes / 1e6);
    }

    private static String facts(Map<String, Object> facts) {
        StringBuilder text = new StringBuilder();
        facts.forEach((k, v) -> text.append('\n').append(k).append(": ").append(v));
        return text.toString().strip();
    }
}
