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
        Instant confirmedAt) {}
