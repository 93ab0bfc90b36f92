package dialtone.agent.failover;

import java.time.Duration;
import java.time.Instant;

/**
 * How an uplink did over the recent probe window.
 *
 * @param lossPercent share of probes lost in the window, or null before the first round
 * @param latency median round trip of the answered probes, or null when none answered
 * @param lastRound when the last round finished, or null before the first
 * @param lastGoodRound when the last round with a quorum of answers finished, or null if none yet
 */
public record UplinkHealth(
        State state, Double lossPercent, Duration latency, Instant lastRound, Instant lastGoodRound) {
    public static final UplinkHealth UNKNOWN = new UplinkHealth(State.UNKNOWN, null, null, null, null);

    public enum State {
        /** Not enough rounds yet to tell. */
        UNKNOWN,
        UP,
        /** Answering, but losing or slow beyond the thresholds: too bad for calls. */
        DEGRADED,
        /** Too few targets answered for several rounds in a row. */
        DOWN;

        /** Whether calls should leave this line. */
        public boolean unfitForVoice() {
            return this == DEGRADED || this == DOWN;
        }
    }
}
