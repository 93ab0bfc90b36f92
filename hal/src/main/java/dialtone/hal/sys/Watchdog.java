package dialtone.hal.sys;

import java.time.Duration;
import java.util.Optional;

/**
 * The supervisor that starts the agent and restarts it when it hangs (systemd's {@code Type=notify}
 * and {@code WatchdogSec} on the box). Pet it only while the agent's critical loops make progress.
 * Nothing here throws: a supervisor that cannot be told is logged, never the agent's end.
 */
public interface Watchdog {
    /** Nobody supervises: started by hand, not by systemd. */
    Watchdog NONE = new Watchdog() {
        @Override
        public Optional<Duration> timeout() {
            return Optional.empty();
        }

        @Override
        public void ready(String status) {}

        @Override
        public void pet() {}

        @Override
        public void status(String text) {}

        @Override
        public void stopping() {}
    };

    /** How long the supervisor waits for a pet before it restarts the agent; empty when none watches. */
    Optional<Duration> timeout();

    /** Start-up finished: the agent serves. */
    void ready(String status);

    /** Critical loops made progress since the last pet. */
    void pet();

    /** One line on what the agent is doing, for the supervisor to show ({@code systemctl status}). */
    void status(String text);

    /** Orderly shutdown has begun. */
    void stopping();
}
