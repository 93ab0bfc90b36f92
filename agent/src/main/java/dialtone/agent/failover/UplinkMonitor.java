package dialtone.agent.failover;

import dialtone.agent.config.AgentConfig;
import dialtone.agent.runtime.Progress;
import dialtone.agent.runtime.Service;
import dialtone.agent.runtime.Threads;
import dialtone.hal.Uplink;
import dialtone.hal.net.ProbeResult;
import dialtone.hal.net.ProbeTarget;
import dialtone.hal.net.Prober;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.tinylog.Logger;

/**
 * Probes one uplink every interval, all targets in parallel on virtual threads, and keeps its
 * {@link UplinkHealth} current. The window is only touched on the monitor's own thread.
 */
public final class UplinkMonitor implements Service, Progress {
    private final Uplink uplink;
    private final Prober prober;
    private final AgentConfig.Probe config;
    private final Clock clock;
    private final ProbeWindow window;
    private final List<Consumer<UplinkHealth>> listeners = new CopyOnWriteArrayList<>();
    private volatile UplinkHealth health = UplinkHealth.UNKNOWN;
    private volatile long lastRound = System.nanoTime();
    private ScheduledExecutorService owner;
    private ExecutorService probes;

    public UplinkMonitor(Uplink uplink, Prober prober, AgentConfig.Probe config, Clock clock) {
        this.uplink = uplink;
        this.prober = prober;
        this.config = config;
        this.clock = clock;
        this.window = new ProbeWindow(ProbeWindow.Rule.of(config));
    }

    /** {@code listener} hears every round's health, on the monitor's thread: hand it on, do not block. */
    public void onHealth(Consumer<UplinkHealth> listener) {
        listeners.add(listener);
    }

    @Override
    public String name() {
        return uplink.id() + " monitor";
    }

    @Override
    public synchronized void start() {
        if (owner != null) {
            return;
        }
        lastRound = System.nanoTime();
        owner = Threads.owner("monitor-" + uplink.id());
        probes = Threads.blockingIo("probe-" + uplink.id());
        owner.scheduleAtFixedRate(this::startRound, 0, config.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (owner == null) {
            return;
        }
        Threads.shutdown(owner, Duration.ofSeconds(1));
        Threads.shutdown(probes, config.timeout().plusMillis(200));
        owner = null;
    }

    /** A probe round was judged (one per probe interval). */
    @Override
    public long lastRound() {
        return lastRound;
    }

    public UplinkHealth health() {
        return health;
    }

    /** Never throws: an exception escaping a periodic task would silently end all probing. */
    private void startRound() {
        try {
            List<CompletableFuture<ProbeResult>> results = config.targets().stream()
                    .map(target -> CompletableFuture.supplyAsync(() -> probe(target), probes))
                    .toList();
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
                    .thenRunAsync(
                            () -> record(results.stream()
                                    .map(CompletableFuture::join)
                                    .toList()),
                            owner);
        } catch (RejectedExecutionException stopping) {
            Logger.debug("Probe round skipped: the {} is stopping", name());
        } catch (RuntimeException e) {
            Logger.error(e, "Bug in the {}; probing goes on", name());
        }
    }

    private ProbeResult probe(ProbeTarget target) {
        try {
            return prober.probe(uplink, target, config.timeout());
        } catch (RuntimeException e) {
            Logger.debug("Probe {} via {} failed: {}", target, uplink.id(), e.getMessage());
            return ProbeResult.lost(e.getMessage());
        }
    }

    private void record(List<ProbeResult> results) {
        UplinkHealth before = health;
        health = window.record(new ProbeWindow.Round(clock.instant(), results));
        lastRound = System.nanoTime();
        listeners.forEach(listener -> listener.accept(health));
        if (health.state() != before.state()) {
            Logger.info(
                    "Uplink {} is {} (loss {}%, latency {})",
                    uplink.id(),
                    health.state().name().toLowerCase(java.util.Locale.ROOT),
                    Math.round(health.lossPercent()),
                    health.latency() == null ? "-" : health.latency().toMillis() + " ms");
        }
    }
}
