package dialtone.hal.sys;

/**
 * The supervisor that restarts a hung agent (systemd's {@code WatchdogSec} on the box). Pet it
 * only while the agent's critical loops make progress.
 */
public interface Watchdog {
    /** Nobody supervises: started by hand, not by systemd. */
    Watchdog NONE = new Watchdog() {
        @Override
        public void ready(String status) {}

        @Override
        public void pet() {}

        @Override
        public void stopping() {}
    };

    /** Start-up finished: the agent serves. */
    void ready(String status);

    /** Critical loops made progress since the last pet. */
    void pet();

    /** Orderly shutdown has begun. */
    void stopping();
}
