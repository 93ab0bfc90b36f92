package dialtone.agent.failover;

import dialtone.agent.events.EventLog;
import dialtone.agent.runtime.Periodic;
import dialtone.agent.runtime.Service;
import dialtone.hal.Uplink;
import dialtone.hal.net.ProbeResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The only data the LTE line carries in standby: one SIP OPTIONS to the provider's SBC every
 * {@code interval} (about 1 KB; 24 KB a day at the hourly default), proving the backup reaches the
 * provider before it is needed. Without SBCs configured it sends nothing.
 */
public final class LteCheck implements Service {
    static final Duration FIRST_CHECK = Duration.ofMinutes(1);
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    /** The last check: whether the SBC answered through LTE, and how fast. */
    public record Result(Instant at, boolean answered, Duration rtt) {}

    private final SbcProbe sbc;
    private final Periodic checks;
    private final BooleanSupplier standby;
    private final EventLog events;
    private final Clock clock;
    private volatile Result last;

    /** @param standby true while LTE is ready and not carrying the site (checks happen only then) */
    public LteCheck(SbcProbe sbc, Duration interval, BooleanSupplier standby, EventLog events, Clock clock) {
        this.sbc = sbc;
        this.checks = new Periodic("lte-check", FIRST_CHECK, interval, TIMEOUT.plusSeconds(1), this::check);
        this.standby = standby;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "LTE check";
    }

    @Override
    public void start() {
        if (sbc.configured()) {
            checks.start();
        }
    }

    @Override
    public void stop() {
        checks.stop();
    }

    /** The last check, or null before the first. */
    public Result last() {
        return last;
    }

    /** Never throws: an exception escaping a periodic task would silently end the checks. */
    void check() {
        try {
            if (standby.getAsBoolean()) {
                checkNow();
            }
        } catch (RuntimeException e) {
            org.tinylog.Logger.error(e, "Bug in the LTE check; it goes on");
        }
    }

    private void checkNow() {
        ProbeResult answer = sbc.via(Uplink.LTE, TIMEOUT);
        Result previous = last;
        last = new Result(clock.instant(), answer.answered(), answer.rtt());
        if (previous == null ? !answer.answered() : previous.answered() != answer.answered()) {
            events.append(
                    answer.answered() ? "lte-check-ok" : "lte-check-failed",
                    answer.answered() ? "info" : "warning",
                    answer.answered()
                            ? "The LTE backup reaches the provider's SBC again"
                            : "The LTE backup cannot reach the provider's SBC: failover may not help the phones",
                    Map.of("detail", answer.detail()));
        }
    }
}
