package dialtone.web.auth;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Logged-in installers, in memory (a restart logs everyone out). A session ends after
 * {@code idleTimeout} without requests or {@code maxAge} in all; at most {@code maxSessions} live
 * at once, the least recently used giving way.
 */
public final class Sessions {
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(30);
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(12);
    public static final int DEFAULT_MAX_SESSIONS = 16;

    /** One login: the cookie's id and the token state-changing requests must echo. */
    public record Session(String id, String csrfToken, long createdNanos, long lastSeenNanos) {}

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final LongSupplier nanoTime;
    private final long idleNanos;
    private final long maxAgeNanos;
    private final int maxSessions;

    public Sessions(LongSupplier nanoTime, Duration idleTimeout, Duration maxAge, int maxSessions) {
        this.nanoTime = nanoTime;
        this.idleNanos = idleTimeout.toNanos();
        this.maxAgeNanos = maxAge.toNanos();
        this.maxSessions = maxSessions;
    }

    public static Sessions withDefaults() {
        return new Sessions(System::nanoTime, DEFAULT_IDLE_TIMEOUT, DEFAULT_MAX_AGE, DEFAULT_MAX_SESSIONS);
    }

    public Session open() {
        long now = nanoTime.getAsLong();
        Session session = new Session(token(), token(), now, now);
        byId.put(session.id(), session);
        evictBeyondLimit();
        return session;
    }

    /** The live session with this id, marked as seen now; empty when unknown or expired. */
    public Optional<Session> find(String id) {
        Session session = id == null ? null : byId.get(id);
        if (session == null) {
            return Optional.empty();
        }
        long now = nanoTime.getAsLong();
        if (now - session.lastSeenNanos() > idleNanos || now - session.createdNanos() > maxAgeNanos) {
            byId.remove(id);
            return Optional.empty();
        }
        Session seen = new Session(session.id(), session.csrfToken(), session.createdNanos(), now);
        byId.replace(id, session, seen);
        return Optional.of(seen);
    }

    public void close(String id) {
        byId.remove(id);
    }

    private void evictBeyondLimit() {
        while (byId.size() > maxSessions) {
            byId.values().stream()
                    .min(Comparator.comparingLong(Session::lastSeenNanos))
                    .ifPresent(oldest -> byId.remove(oldest.id()));
        }
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
