package dialtone.hal.sys;

/**
 * The supervisor that restarts a hung agent (systemd's {@code WatchdogSec} on the box). Pet it
 * only while the agent's critical loops make progress.
 */
public interface Watchdog {

    /** Start-up finished: the agent serves. */
    void ready(String status);

    /** Critical loops made progress since the last pet. */
    void pet();

    /** Orderly shutdown has begun. */
    void stopping();
}
