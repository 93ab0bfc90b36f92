package dialtone.agent.e911;

import java.time.Instant;

/**
 * A location as kept: its status ({@code registered}, {@code unverified}, {@code proposed}), why it
 * is unverified, its version, the last change (when, by whom, via what) and when someone on site
 * last confirmed it.
 */
public record LocationEntry(
        Location location,
        String status,
        String reason,
        int version,
        Instant changedAt,
        String changedBy,
        String changedVia,
        Instant confirmedAt) {

    /** The same location, confirmed on site at {@code at}: registered again. */
    LocationEntry confirmed(Instant at) {
        return new LocationEntry(location, "registered", null, version, changedAt, changedBy, changedVia, at);
    }

    /** The same location, no longer to be trusted until confirmed, and why. */
    LocationEntry unverified(String why) {
        return new LocationEntry(location, "unverified", why, version, changedAt, changedBy, changedVia, confirmedAt);
    }
}
