package dialtone.agent.runtime;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;

/**
 * Named executors. Each stateful component owns one platform thread for its decisions; blocking
 * I/O runs on virtual threads. Whoever creates an executor shuts it down with {@link #shutdown}.
 */
public final class Threads {
    private Threads() {}

    /** The owner thread of one component, named after it. */
    public static ScheduledExecutorService owner(String name) {
        return Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name(name).daemon(true).factory());
    }

    /** Virtual threads for blocking calls (probes, commands), named {@code prefix-N}. */
    public static ExecutorService blockingIo(String prefix) {
        return Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name(prefix + "-", 0).factory());
    }

    /** Stops accepting work and waits a little for running tasks; then interrupts them. */
    public static void shutdown(ExecutorService executor, Duration grace) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
                Logger.debug("Executor did not finish within {} ms; interrupted", grace.toMillis());
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
