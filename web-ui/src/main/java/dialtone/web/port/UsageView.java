package dialtone.web.port;

import java.util.List;

/** The LTE data meter, as the usage page and the API show it. */
public interface UsageView {

    UsageReport usage();

    /**
     * Continues the meter from the carrier's figure for this cycle.
     *
     * @throws IllegalArgumentException with the reason, when the figure is below an earlier one
     */
    UsageReport correct(long carrierBytes, String by);

    /**
     * The cycle so far. Bytes are decimal, as carriers bill (1 GB = 10^9 bytes).
     *
     * @param usedBytes what the carrier will count this cycle (continued from the last carrier
     *     correction, pending bytes included)
     * @param pendingBytes counted before the clock was trusted, not yet placed in an hour
     * @param projectedOverageCost in the plan's currency, for the whole GBs the forecast exceeds the cap
     * @param restricted the cap is reached and the plan restricts the agent's own LTE traffic
     * @param daily this cycle's days (the site's time zone), oldest first
     * @param hourly the last 48 hours with traffic, oldest first (UTC)
     */
    record UsageReport(
            String cycleStart,
            String cycleEnd,
            long usedBytes,
            long capBytes,
            double percent,
            long forecastBytes,
            long projectedOverageGb,
            String projectedOverageCost,
            long minutesLeft,
            String codec,
            String atCap,
            boolean restricted,
            long pendingBytes,
            List<Amount> daily,
            List<Amount> hourly) {}

    /** Bytes in one day ({@code 2026-11-23}) or hour ({@code 2026-11-23T18:00:00Z}). */
    record Amount(String at, long bytes) {}
}
