package dialtone.agent.runtime;

/** A loop the watchdog gate watches: when it last finished a round. */
@FunctionalInterface
public interface Progress {
    /** {@link System#nanoTime()} at the end of the loop's last round, or at its start before the first. */
    long lastRound();
}
