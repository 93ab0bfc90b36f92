package dialtone.hal.sim;

import dialtone.hal.Uplink;
import dialtone.hal.net.ProbeResult;
import dialtone.hal.net.ProbeTarget;
import dialtone.hal.net.Prober;
import java.time.Duration;
import java.util.Optional;

/**
 * Probes the simulated paths. Like a real probe it takes its time: the round trip when answered,
 * the whole timeout when lost, so detection times in the demo are honest.
 */
final class SimProber implements Prober {
    private final SimWorld world;

    SimProber(SimWorld world) {
        this.world = world;
    }

    @Override
    public ProbeResult probe(Uplink via, ProbeTarget target, Duration timeout) {
        Optional<Duration> rtt = world.probe(via, target.method());
        if (rtt.isPresent() && rtt.get().compareTo(timeout) <= 0) {
            sleep(rtt.get());
            return ProbeResult.answered(rtt.get());
        }
        sleep(timeout);
        return ProbeResult.lost("timeout after " + timeout.toMillis() + " ms");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
