package dialtone.agent.report;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Delays between connection attempts: doubling from {@code first} up to {@code max}, each drawn
 * between half and all of that ("equal jitter"), so a fleet that lost its broker at the same moment
 * does not come back in lock-step.
 */
record Backoff(Duration first, Duration max) {

    /** The delay before attempt {@code failures + 1}, with {@code random} in [0, 1). */
    Duration delay(int failures, DoubleSupplier random) {
        long cap = first.toMillis() << Math.min(failures, 20);
        cap = Math.min(cap <= 0 ? Long.MAX_VALUE : cap, max.toMillis());
        return Duration.ofMillis(cap / 2 + (long) (random.getAsDouble() * (cap - cap / 2)));
    }
}
