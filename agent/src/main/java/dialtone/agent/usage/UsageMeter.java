package dialtone.agent.usage;

import dialtone.agent.config.AgentConfig;
import dialtone.agent.events.EventLog;
import dialtone.agent.runtime.Periodic;
import dialtone.agent.runtime.Service;
import dialtone.agent.usage.UsageLedger.Correction;
import dialtone.agent.usage.UsageLedger.Pending;
import dialtone.hal.HalException;
import dialtone.hal.firewall.Counter;
import dialtone.hal.firewall.Firewall;
import dialtone.hal.sys.ClockTrust;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.tinylog.Logger;

/**
 * Meters the LTE line: every interval it reads and zeroes the firewall's IP-level LTE counters (the
 * figure carriers bill) and adds what flowed to the ledger, in the hour it flowed, so a crash or
 * power cut loses at most one interval; nothing is written while nothing flows. Bytes counted
 * before the clock can be trusted wait, with their monotonic time, and are placed once it can. It
 * raises the plan's notices once per cycle and spots the backup being used as the primary.
 */
public final class UsageMeter implements Service {
    static final long MISUSE_BYTES_PER_MINUTE = 40_000;
    static final long BACKUP_AS_PRIMARY_BYTES = 100_000_000;

    /**
     * What the meter reads.
     *
     * @param primaryHealthy whether the primary is healthy now (LTE traffic then is not failover)
     * @param monotonicMs milliseconds on a clock that only moves forward (since boot)
     * @param bootId tells whether a monotonic time is from this boot
     */
    public record Ports(
            Firewall firewall,
            ClockTrust clockTrust,
            BooleanSupplier primaryHealthy,
            LongSupplier monotonicMs,
            String bootId) {}

    private final AgentConfig.Usage plan;
    private final Ports ports;
    private final UsageLedger ledger;
    private final EventLog events;
    private final Clock clock;
    private final CrossCheck crossCheck;
    private volatile UsageSummary summary;
    private Instant misuseSince;
    private boolean misuseReported;
    private final Periodic reads;

    public UsageMeter(
            AgentConfig.Usage plan,
            Ports ports,
            UsageLedger ledger,
            EventLog events,
            Clock clock,
            CrossCheck crossCheck) {
        this.plan = plan;
        this.ports = ports;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
        this.crossCheck = crossCheck;
        this.summary = summarize(clock.instant());
        this.reads = new Periodic("usage", Duration.ZERO, plan.interval(), Duration.ofSeconds(5), this::read);
    }

    @Override
    public String name() {
        return "usage meter";
    }

    @Override
    public void start() {
        reads.start();
    }

    /** Reads once more on the way out, so an orderly stop loses nothing. */
    @Override
    public void stop() {
        if (reads.stop()) {
            read();
        }
    }

    public UsageSummary summary() {
        return summary;
    }

    /**
     * Continues the meter from the carrier's figure for this cycle; the difference is kept.
     * Refused below an earlier carrier figure of the same cycle: carriers' counts only grow.
     */
    public synchronized UsageSummary correct(long carrierBytes, String by) {
        Instant now = clock.instant();
        BillingCycle cycle = cycle(now);
        Optional<Correction> last = ledger.latestCorrection(cycle.startInstant());
        if (carrierBytes < 0
                || last.filter(c -> carrierBytes < c.carrierBytes()).isPresent()) {
            throw new IllegalArgumentException("must not be below the carrier's earlier figure for this cycle ("
                    + last.map(Correction::carrierBytes).orElse(0L) + " bytes)");
        }
        long metered = ledger.between(cycle.startInstant(), cycle.endInstant()).total();
        long before = summary.usedBytes();
        ledger.correct(cycle.startInstant(), new Correction(now, carrierBytes, metered, by));
        summary = summarize(now);
        giveNotices(now);

        events.append(
                "usage-corrected",
                "info",
                "LTE usage set to the carrier's figure by " + by,
                Map.of("carrierBytes", carrierBytes, "meterBytes", before, "differenceBytes", carrierBytes - before));
        return summary;
    }

    /** Never throws: an exception escaping a periodic task would silently end the metering. */
    void read() {
        try {
            Firewall.LteBytes lte = ports.firewall().readAndResetLteBytes();
            Counter rx = lte.received();
            Counter tx = lte.sent();
            boolean healthy = ports.primaryHealthy().getAsBoolean();
            Bytes bytes = new Bytes(rx.bytes(), tx.bytes(), healthy ? rx.bytes() + tx.bytes() : 0);
            record(bytes, clock.instant());
            crossCheck.add(rx.plus(tx));
        } catch (HalException e) {
            Logger.warn("Cannot read the LTE counters: {}", e.getMessage());
        } catch (RuntimeException e) {
            Logger.error(e, "Bug in the usage meter; metering goes on");
        }
    }

    synchronized void record(Bytes bytes, Instant now) {
        if (ports.clockTrust().trusted()) {
            settlePending(now);
            if (!bytes.isZero()) {
                ledger.add(now, bytes);
            }
        } else if (!bytes.isZero()) {
            ledger.addPending(ports.bootId(), ports.monotonicMs().getAsLong(), bytes);
        }
        summary = summarize(now);
        giveNotices(now);
        watchMisuse(bytes, now);
    }

    private void settlePending(Instant now) {
        Map<Pending, Instant> placed = new LinkedHashMap<>();
        long monotonicNow = ports.monotonicMs().getAsLong();
        for (Pending p : ledger.pending()) {
            boolean thisBoot = p.bootId().equals(ports.bootId());
            placed.put(p, thisBoot ? now.minusMillis(Math.max(0, monotonicNow - p.monotonicMs())) : now);
        }
        if (!placed.isEmpty()) {
            ledger.settle(placed);
            Logger.info(
                    "Clock trusted: {} bytes counted before it placed in their hours",
                    placed.keySet().stream().mapToLong(p -> p.bytes().total()).sum());
        }
    }

    private UsageSummary summarize(Instant now) {
        BillingCycle cycle = cycle(now);
        Instant historyStart = now.minus(Duration.ofDays(30));
        Map<Instant, Long> recent = ledger.hours(historyStart, now);
        long recentBytes = recent.values().stream().mapToLong(Long::longValue).sum();
        Duration span = recent.isEmpty()
                ? Duration.ZERO
                : Duration.between(recent.keySet().iterator().next(), now);
        long pending =
                ledger.pending().stream().mapToLong(p -> p.bytes().total()).sum();
        return UsageSummary.of(
                plan,
                cycle,
                new UsageSummary.Figures(
                        ledger.between(cycle.startInstant(), cycle.endInstant()),
                        ledger.latestCorrection(cycle.startInstant()),
                        pending,
                        recentBytes,
                        span),
                now);
    }

    private void giveNotices(Instant now) {
        UsageSummary s = summary;
        if (s.whileHealthyBytes() > Math.max(BACKUP_AS_PRIMARY_BYTES, s.usedBytes() / 5)
                && ledger.firstTime(s.cycle().startInstant(), "backup-used-as-primary", now)) {
            events.append(
                    "backup-used-as-primary",
                    "warning",
                    String.format(
                            java.util.Locale.ROOT,
                            "%.0f MB of this cycle's LTE data flowed while the Internet line was healthy: LTE is being used "
                                    + "as primary access, which the plan does not allow",
                            s.whileHealthyBytes() / 1e6),
                    Map.of("whileHealthyBytes", s.whileHealthyBytes(), "usedBytes", s.usedBytes()));
        }
        for (String notice : UsageSummary.noticesReached(plan, s.usedBytes())) {
            if (ledger.firstTime(s.cycle().startInstant(), notice, now)) {
                events.append(
                        "usage-threshold",
                        notice.startsWith("+") || notice.equals("100%") ? "warning" : "info",
                        String.format(
                                java.util.Locale.ROOT,
                                "LTE data at %s of the plan: %.2f GB of %.2f GB used, "
                                        + "%.2f GB forecast for the cycle",
                                notice,
                                s.usedBytes() / 1e9,
                                s.capBytes() / 1e9,
                                s.forecastBytes() / 1e9),
                        Map.of(
                                "threshold",
                                notice,
                                "usedBytes",
                                s.usedBytes(),
                                "capBytes",
                                s.capBytes(),
                                "forecastBytes",
                                s.forecastBytes(),
                                "projectedOverageCost",
                                s.projectedOverageCost().toPlainString()));
            }
        }
    }

    /** LTE carrying real traffic while the primary is healthy, past the grace: a forced mode left on, or a routing fault. */
    private void watchMisuse(Bytes bytes, Instant now) {
        long perMinute =
                bytes.whileHealthy() * 60_000 / Math.max(1, plan.interval().toMillis());
        if (perMinute < MISUSE_BYTES_PER_MINUTE) {
            misuseSince = null;
            misuseReported = false;
            return;
        }
        misuseSince = misuseSince == null ? now : misuseSince;
        if (!misuseReported
                && !misuseSince
                        .plus(dialtone.agent.config.Defaults.USAGE_MISUSE_GRACE)
                        .isAfter(now)) {
            misuseReported = true;
            events.append(
                    "lte-while-primary-healthy",
                    "warning",
                    "LTE has carried traffic for "
                            + Duration.between(misuseSince, now).toMinutes()
                            + " min while the Internet line is healthy: "
                            + "a forced mode left on, or a routing fault. The plan does not allow LTE as primary access.",
                    Map.of("since", misuseSince.toString()));
        }
    }

    private BillingCycle cycle(Instant now) {
        return BillingCycle.containing(now, plan.zone(), plan.cycleStartDay());
    }
}
