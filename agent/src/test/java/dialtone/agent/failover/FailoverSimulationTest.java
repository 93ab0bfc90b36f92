package dialtone.agent.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.agent.config.Defaults;
import dialtone.agent.failover.FailoverAction.Activate;
import dialtone.agent.failover.FailoverAction.CheckSbcViaPrimary;
import dialtone.agent.failover.FailoverEvent.LteReadiness;
import dialtone.agent.failover.FailoverEvent.PrimaryHealth;
import dialtone.agent.failover.FailoverEvent.SbcViaPrimary;
import dialtone.agent.failover.FailoverEvent.Switched;
import dialtone.hal.Uplink;
import dialtone.hal.net.ProbeResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The probe window and the policy together, with the shipped defaults, over long stretches of
 * simulated time: rounds every probe interval, three targets, each probe lost with the path's loss
 * probability at that moment. No threads and no clock: an hour runs in milliseconds.
 */
class FailoverSimulationTest {
    private static final Duration INTERVAL = Defaults.PROBE_INTERVAL;
    private static final int TARGETS = 3;

    /** Runs {@code duration}; {@code loss} maps seconds since start to the primary's loss probability. */
    private static List<Instant> switches(long seed, Duration duration, DoubleUnaryOperator loss) {
        SplittableRandom random = new SplittableRandom(seed);
        ProbeWindow window = new ProbeWindow(new ProbeWindow.Rule(
                Defaults.PROBE_WINDOW,
                Defaults.PROBE_QUORUM,
                Defaults.PROBE_DOWN_AFTER,
                Defaults.PROBE_LOSS_THRESHOLD_PERCENT,
                Defaults.PROBE_LATENCY_THRESHOLD));
        FailoverPolicy policy = new FailoverPolicy(new FailoverPolicy.Settings(
                Defaults.FAILOVER_HOLD_TIME,
                Defaults.FAILOVER_MAX_WAIT,
                Defaults.FAILOVER_MAX_SWITCHES_PER_HOUR,
                true));
        Instant start = Instant.parse("2026-11-23T12:00:00Z");
        FailoverState state = policy.on(
                        FailoverState.initial(Uplink.PRIMARY, Mode.AUTO, start), new LteReadiness(true), start)
                .next();
        List<Instant> switched = new ArrayList<>();
        for (Instant now = start; now.isBefore(start.plus(duration)); now = now.plus(INTERVAL)) {
            double p = loss.applyAsDouble(Duration.between(start, now).toMillis() / 1000.0);
            List<ProbeResult> results = new ArrayList<>();
            for (int t = 0; t < TARGETS; t++) {
                results.add(
                        random.nextDouble() < p
                                ? ProbeResult.lost("timeout")
                                : ProbeResult.answered(Duration.ofMillis(15)));
            }
            UplinkHealth health = window.record(new ProbeWindow.Round(now, results));
            List<FailoverEvent> pending = new ArrayList<>(List.of(new PrimaryHealth(health)));
            while (!pending.isEmpty()) {
                FailoverPolicy.Transition t = policy.on(state, pending.removeFirst(), now);
                state = t.next();
                for (FailoverAction action : t.actions()) {
                    if (action instanceof Activate activate) {
                        switched.add(now);
                        pending.add(new Switched(activate.to()));
                    } else if (action instanceof CheckSbcViaPrimary) {
                        pending.add(new SbcViaPrimary(random.nextDouble() >= p));
                    }
                }
            }
        }
        return switched;
    }

    @Test
    void tenPercentRandomLossForTenMinutesNeverFailsOver() {
        for (long seed = 1; seed <= 20; seed++) {
            assertThat(switches(seed, Duration.ofMinutes(10), s -> 0.10))
                    .as("seed %d", seed)
                    .isEmpty();
        }
    }

    @Test
    void aCleanOutageIsDetectedWithinTwoRounds() {
        List<Instant> switched = switches(7, Duration.ofSeconds(60), s -> s >= 30 ? 1.0 : 0.0);

        assertThat(switched).hasSize(1);
        Duration detection = Duration.between(Instant.parse("2026-11-23T12:00:30Z"), switched.getFirst());
        assertThat(detection).isLessThanOrEqualTo(INTERVAL.multipliedBy(Defaults.PROBE_DOWN_AFTER));
    }

    @Test
    void aPrimaryFlappingEveryFiveSecondsStaysOnLte() {
        List<Instant> switched = switches(3, Duration.ofHours(1), s -> ((long) s / 5) % 2 == 1 ? 1.0 : 0.0);

        assertThat(switched).as("one failover, then the hold time is never met").hasSize(1);
    }

    @Test
    void slowFlappingIsDampedToTheSwitchCap() {
        // up 90 s, dead 30 s: each cycle would fail over and back without damping (60 per hour)
        List<Instant> switched = switches(5, Duration.ofHours(3), s -> s % 120 >= 90 ? 1.0 : 0.0);

        for (Instant at : switched) {
            long inTheHour = switched.stream()
                    .filter(o -> !o.isAfter(at) && o.isAfter(at.minusSeconds(3600)))
                    .count();
            assertThat(inTheHour).isLessThanOrEqualTo(Defaults.FAILOVER_MAX_SWITCHES_PER_HOUR + 1);
        }
        assertThat(switched.size()).isLessThan(3 * 8);
    }
}
