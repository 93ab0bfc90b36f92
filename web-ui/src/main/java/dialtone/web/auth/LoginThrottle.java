package dialtone.web.auth;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Slows down password guessing without sleeping threads: after a few free failures each further
 * wrong password doubles the wait before the next attempt is even looked at, per client address
 * and over all addresses together. A login during the wait is refused with how long to wait; a
 * right password clears that address. Failures are forgotten after a quiet spell.
 */
public final class LoginThrottle {
    /** How much a scope forgives before it starts making clients wait, and how long at most. */
    public record Limits(int freeFailures, Duration firstWait, Duration maxWait, Duration forgetAfter) {}

    public static final Limits PER_ADDRESS =
            new Limits(3, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1));
    public static final Limits GLOBAL =
            new Limits(30, Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(10));
    static final int MAX_ADDRESSES = 1024;
    private static final String ALL = "";

    /** {@code blockedUntilNanos} is never before {@code lastNanos}: nanoTime may be negative. */
    private record Failures(int count, long lastNanos, long blockedUntilNanos) {}

    private final LongSupplier nanoTime;
    private final Limits perAddress;
    private final Limits global;
    private final Map<String, Failures> byAddress = new LinkedHashMap<>();
    private Failures all;

    public LoginThrottle(LongSupplier nanoTime, Limits perAddress, Limits global) {
        this.nanoTime = nanoTime;
        this.perAddress = perAddress;
        this.global = global;
        long now = nanoTime.getAsLong();
        this.all = new Failures(0, now, now);
    }

    public static LoginThrottle withDefaults(LongSupplier nanoTime) {
        return new LoginThrottle(nanoTime, PER_ADDRESS, GLOBAL);
    }

    /** How long this client must wait before a password is checked; empty when it may try now. */
    public synchronized Optional<Duration> waitFor(String address) {
        long now = nanoTime.getAsLong();
        Failures mine = byAddress.get(key(address));
        long until = Math.max(all.blockedUntilNanos(), mine == null ? now : mine.blockedUntilNanos());
        return until - now > 0 ? Optional.of(Duration.ofNanos(until - now)) : Optional.empty();
    }

    public synchronized void failed(String address) {
        long now = nanoTime.getAsLong();
        all = next(all, global, now);
        byAddress.put(key(address), next(byAddress.get(key(address)), perAddress, now));
        if (byAddress.size() > MAX_ADDRESSES) {
            byAddress.entrySet().stream()
                    .min(Comparator.comparingLong(e -> e.getValue().lastNanos()))
                    .map(Map.Entry::getKey)
                    .ifPresent(byAddress::remove);
        }
    }

    public synchronized void succeeded(String address) {
        byAddress.remove(key(address));
    }

    private static Failures next(Failures before, Limits limits, long now) {
        int count = before == null
                        || now - before.lastNanos() > limits.forgetAfter().toNanos()
                ? 1
                : before.count() + 1;
        int over = count - limits.freeFailures();
        if (over <= 0) {
            return new Failures(count, now, now);
        }
        long wait = limits.firstWait().toNanos() << Math.min(over - 1, 30);
        return new Failures(count, now, now + Math.min(wait, limits.maxWait().toNanos()));
    }

    private static String key(String address) {
        return address == null ? ALL : address;
    }
}
