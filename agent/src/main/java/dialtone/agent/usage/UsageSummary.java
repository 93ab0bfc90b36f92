package dialtone.agent.usage;

import dialtone.agent.config.AgentConfig;
import dialtone.agent.usage.UsageLedger.Correction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the cycle stands, computed purely from the plan, the ledger's figures and the time.
 *
 * @param usedBytes what the carrier will count: the metered bytes, continued from the last carrier
 *     correction if any, plus bytes still waiting for a trusted clock
 * @param forecastBytes used + the recent daily rate (last 30 days, or what history there is, at
 *     least one day) over the rest of the cycle
 * @param minutesLeft talk minutes left under the cap at the codec's rate
 * @param whileHealthyBytes bytes this cycle that flowed while the primary was healthy
 * @param restricted the cap is reached and the plan says to restrict the agent's own traffic
 *
 */
public record UsageSummary(
        BillingCycle cycle,
        long usedBytes,
        long capBytes,
        double percent,
        long forecastBytes,
        long projectedOverageGb,
        BigDecimal projectedOverageCost,
        long minutesLeft,
        long pendingBytes,
        long whileHealthyBytes,
        boolean restricted) {

    static final long GB = 1_000_000_000L;

    /** Talk minutes per (decimal) GB: 750 for G.711 as the provider states; the others scaled by bitrate. */
    public static long minutesPerGb(String codec) {
        return switch (codec.toLowerCase(Locale.ROOT)) {
            case "g729" -> 2_700;
            case "opus" -> 1_500;
            default -> 750;
        };
    }

    /** The inputs from the ledger. */
    public record Figures(
            Bytes metered, Optional<Correction> correction, long pendingBytes, long recentBytes, Duration recentSpan) {}

    public static UsageSummary of(AgentConfig.Usage plan, BillingCycle cycle, Figures f, Instant now) {
        long used = f.correction()
                        .map(c -> c.carrierBytes() + Math.max(0, f.metered().total() - c.meteredBytes()))
                        .orElse(f.metered().total())
                + f.pendingBytes();
        Duration span = f.recentSpan().compareTo(Duration.ofDays(1)) < 0 ? Duration.ofDays(1) : f.recentSpan();
        double perSecond = (double) f.recentBytes() / span.toSeconds();
        long remaining = Math.max(0, Duration.between(now, cycle.endInstant()).toSeconds());
        long forecast = used + Math.round(perSecond * remaining);
        long overGb = forecast > plan.capBytes() ? (forecast - plan.capBytes() + GB - 1) / GB : 0;
        return new UsageSummary(
                cycle,
                used,
                plan.capBytes(),
                100.0 * used / plan.capBytes(),
                forecast,
                overGb,
                plan.overagePricePerGb().multiply(BigDecimal.valueOf(overGb)),
                Math.max(0, plan.capBytes() - used) * minutesPerGb(plan.codec()) / GB,
                f.pendingBytes(),
                f.metered().whileHealthy(),
                plan.atCap().equals("restrict") && used >= plan.capBytes());
    }

    /** The plan's notices this usage has reached: "50%", "80%", "100%", then "+1GB", "+2GB"... */
    public static List<String> noticesReached(AgentConfig.Usage plan, long used) {
        List<String> reached = new ArrayList<>();
        for (int percent : plan.thresholdsPercent()) {
            if (used * 100 >= (long) percent * plan.capBytes()) {
                reached.add(percent + "%");
            }
        }
        for (long gb = 1; used >= plan.capBytes() + gb * GB; gb++) {
            reached.add("+" + gb + "GB");
        }
        return reached;
    }
}
