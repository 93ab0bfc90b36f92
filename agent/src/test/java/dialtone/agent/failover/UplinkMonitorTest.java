package dialtone.agent.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.agent.config.AgentConfig;
import dialtone.hal.Hal;
import dialtone.hal.Uplink;
import dialtone.hal.net.ProbeMethod;
import dialtone.hal.net.ProbeTarget;
import dialtone.hal.sim.SimWorld;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The monitor on the simulated site, on real threads: waits only as long as the probes take. */
class UplinkMonitorTest {
    private final SimWorld world = SimWorld.live(SimWorld.Interfaces.DEFAULT);
    private final Hal hal = world.hal();
    private final UplinkMonitor monitor = new UplinkMonitor(
            Uplink.PRIMARY,
            hal.prober(),
            new AgentConfig.Probe(
                    List.of(ProbeTarget.of(ProbeMethod.ICMP, "192.0.2.1"), ProbeTarget.of(ProbeMethod.SIP, "sbc")),
                    Duration.ofMillis(60),
                    Duration.ofMillis(50),
                    3,
                    1,
                    10,
                    30,
                    Duration.ofMillis(500),
                    Duration.ofHours(1)),
            hal.clock());

    @AfterEach
    void stop() {
        monitor.stop();
    }

    @Test
    void followsThePrimaryLineDownAndBackUp() {
        monitor.start();
        awaitState(UplinkHealth.State.UP);

        world.setPrimary(SimWorld.LineState.DOWN, 0);
        awaitState(UplinkHealth.State.DOWN);

        world.setPrimary(SimWorld.LineState.UP, 0);
        awaitState(UplinkHealth.State.UP);
    }

    @Test
    void startAndStopAreIdempotent() {
        monitor.start();
        monitor.start();
        awaitState(UplinkHealth.State.UP);
        monitor.stop();
        monitor.stop();
    }

    @Test
    void aProberThatThrowsCountsAsLostProbesAndProbingGoesOn() {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        UplinkMonitor failing = new UplinkMonitor(
                Uplink.PRIMARY,
                (via, target, timeout) -> {
                    calls.incrementAndGet();
                    throw new IllegalStateException("driver bug");
                },
                new AgentConfig.Probe(
                        List.of(ProbeTarget.of(ProbeMethod.ICMP, "192.0.2.1")),
                        Duration.ofMillis(20),
                        Duration.ofMillis(10),
                        3,
                        1,
                        10,
                        30,
                        Duration.ofMillis(500),
                        Duration.ofHours(1)),
                hal.clock());
        try {
            failing.start();
            await(() -> failing.health().state() == UplinkHealth.State.DOWN, Duration.ofSeconds(5));
            int seen = calls.get();
            await(() -> calls.get() > seen + 3, Duration.ofSeconds(5));
        } finally {
            failing.stop();
        }
    }

    private void awaitState(UplinkHealth.State state) {
        await(() -> monitor.health().state() == state, Duration.ofSeconds(5));
    }

    static void await(Supplier<Boolean> condition, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + limit);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertThat(condition.get()).isTrue();
    }
}
