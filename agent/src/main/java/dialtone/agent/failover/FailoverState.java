package dialtone.agent.failover;

import dialtone.hal.Uplink;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Everything the failover policy knows, immutable. Built by {@link FailoverPolicy} only; times are
 * {@code null} when they have not happened.
 *
 * @param since when the current phase began
 * @param reason why the agent is in this phase, in words for the dashboard
 * @param primaryHealthySince when the primary last turned healthy (null while it is not)
 * @param outageStartedAt the last good probe round before the primary went bad
 * @param lteSince when the phones moved to LTE
 * @param sbcAnsweredAt when the SBC last answered through the primary, since the phase began
 * @param failbackAllowedSince since when everything but active calls allows failback
 * @param switches automatic switches of the last hour (flap damping)
 * @param noticed one-time notices already reported in this phase
 */
public record FailoverState(
        Phase phase,
        Mode mode,
        Instant since,
        String reason,
        UplinkHealth primary,
        boolean lteReady,
        int mediaFlows,
        Instant primaryHealthySince,
        Instant outageStartedAt,
        Instant lteSince,
        Instant sbcAnsweredAt,
        Instant sbcAskedAt,
        Instant failbackAllowedSince,
        Instant lastSwitchFailure,
        List<Switch> switches,
        Set<String> noticed) {

    public enum Phase {
        ON_PRIMARY,
        FAILING_OVER,
        ON_LTE,
        FAILING_BACK;

        /** The uplink carrying traffic in this phase (a switch counts once it is done). */
        public Uplink uplink() {
            return this == ON_PRIMARY || this == FAILING_OVER ? Uplink.PRIMARY : Uplink.LTE;
        }

        public boolean switching() {
            return this == FAILING_OVER || this == FAILING_BACK;
        }
    }

    /** One automatic switch. */
    public record Switch(Instant at, Uplink to) {}

    public FailoverState {
        switches = List.copyOf(switches);
        noticed = Set.copyOf(noticed);
    }

    /** The state at start: on whichever uplink the default route points to, nothing known yet. */
    public static FailoverState initial(Uplink active, Mode mode, Instant now) {
        Phase phase = active == Uplink.LTE ? Phase.ON_LTE : Phase.ON_PRIMARY;
        return new FailoverState(
                phase,
                mode,
                now,
                "agent started",
                UplinkHealth.UNKNOWN,
                false,
                0,
                null,
                null,
                active == Uplink.LTE ? now : null,
                null,
                null,
                null,
                null,
                List.of(),
                Set.of());
    }
}
