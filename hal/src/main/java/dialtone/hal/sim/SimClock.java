package dialtone.hal.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulated site's wall clock: a base clock plus an offset that the demo or a test moves
 * forward or back (e.g. to the last hour of a billing month, or years back as a Pi without RTC).
 */
public final class SimClock extends Clock {
    private final Clock base;
    private final AtomicReference<Duration> offset;

    public SimClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO));
    }

    private SimClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    public void advance(Duration amount) {
        offset.updateAndGet(current -> current.plus(amount));
    }

    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    /** A view in another zone that shares this clock's offset. */
    @Override
    public Clock withZone(ZoneId zone) {
        return new SimClock(base.withZone(zone), offset);
    }
}
