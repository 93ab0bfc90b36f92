package dialtone.agent.failover;

import java.util.Locale;
import java.util.Optional;

/** Who chooses the uplink: the policy, or a person who forced one. Persisted across restarts. */
public enum Mode {
    AUTO,
    FORCE_PRIMARY,
    FORCE_LTE;

    /** The API's name: {@code auto}, {@code force-primary}, {@code force-lte}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Mode> parse(String id) {
        for (Mode mode : values()) {
            if (mode.id().equals(id)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
