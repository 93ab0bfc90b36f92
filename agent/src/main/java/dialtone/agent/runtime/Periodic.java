package dialtone.agent.runtime;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One task repeated on its own named thread, a fixed delay between the end of a run and the next
 * start: the engine of the agent's periodic services. The task must not throw (an exception
 * would silently end the repetition), so each catches its own.
 */
public final class Periodic implements Progress {
    private final String name;
    private final Duration first;
    private final Duration every;
    private final Duration stopGrace;
    private final Runnable task;
    private ScheduledExecutorService owner;
    private volatile Thread thread;
    private volatile long lastRound = System.nanoTime();

    /**
     * @param first the delay before the first run
     * @param stopGrace how long {@link #stop} lets a running task finish before interrupting it
     */
    public Periodic(String name, Duration first, Duration every, Duration stopGrace, Runnable task) {
        this.name = name;
        this.first = first;
        this.every = every;
        this.stopGrace = stopGrace;
        this.task = task;
    }

    /** Starts the repetition; no effect when it runs already. */
    public synchronized void start() {
        if (owner == null) {
            owner = Executors.newSingleThreadScheduledExecutor(
                    r -> thread = Thread.ofPlatform().name(name).daemon(true).unstarted(r));
            lastRound = System.nanoTime();
            owner.scheduleWithFixedDelay(this::round, first.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public long lastRound() {
        return lastRound;
    }

    private void round() {
        task.run();
        lastRound = System.nanoTime();
    }

    /** Stops it; {@code true} when it was running. The task itself may call it: then no waiting. */
    public synchronized boolean stop() {
        if (owner == null) {
            return false;
        }
        if (Thread.currentThread() == thread) {
            owner.shutdown();
        } else {
            Threads.shutdown(owner, stopGrace);
        }
        owner = null;
        return true;
    }
}
