package dialtone.agent.failover;

import dialtone.agent.events.EventLog;
import dialtone.agent.failover.FailoverState.Phase;
import dialtone.hal.Uplink;
import dialtone.hal.firewall.Firewall;
import dialtone.hal.modem.ModemStatus;
import dialtone.hal.net.ProbeResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.tinylog.Logger;

/**
 * The installer's failover test: cuts the primary in our own firewall table, waits for the phones'
 * traffic to move to LTE, checks the SBC through LTE, reads the signal, restores the primary and
 * waits for the failback. Refuses to start while calls are in progress (it would cut them, 911
 * included) or when the site is not in a state the test can prove anything from. The cut is lifted
 * whatever happens.
 */
public final class FailoverTest {
    static final Duration SWITCH_LIMIT = Duration.ofSeconds(30);
    static final Duration FAILBACK_MARGIN = Duration.ofMinutes(2);
    static final Duration POLL = Duration.ofMillis(100);

    /** What the test drives and reads. */
    public record Ports(Firewall firewall, SbcProbe sbc, Supplier<ModemStatus> modem) {}

    /** The test cannot start now; each reason is for the installer. */
    public static final class Refused extends RuntimeException {
        private final List<String> reasons;

        Refused(List<String> reasons) {
            super(String.join("; ", reasons), null, false, false);
            this.reasons = List.copyOf(reasons);
        }

        public List<String> reasons() {
            return reasons;
        }
    }

    private final FailoverController controller;
    private final FailoverPolicy policy;
    private final Ports ports;
    private final FailoverTestStore store;
    private final EventLog events;
    private final Clock clock;
    private volatile FailoverTestResult current;

    public FailoverTest(
            FailoverController controller,
            FailoverPolicy policy,
            Ports ports,
            FailoverTestStore store,
            EventLog events,
            Clock clock) {
        this.controller = controller;
        this.policy = policy;
        this.ports = ports;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** Starts a test in the background and answers its first state; {@link Refused} when it cannot. */
    public synchronized FailoverTestResult start() {
        if (current != null && current.state().equals("running")) {
            throw new Refused(List.of("a failover test is already running"));
        }
        List<String> reasons = refusals(controller.state());
        if (!reasons.isEmpty()) {
            throw new Refused(reasons);
        }
        current = FailoverTestResult.started(UUID.randomUUID().toString(), clock.instant());
        store.save(current);
        events.append("failover-test-started", "info", "Installer failover test started", Map.of("id", current.id()));
        Thread.ofVirtual().name("failover-test").start(this::run);
        return current;
    }

    /** The running test, else the last one kept. */
    public Optional<FailoverTestResult> latest() {
        FailoverTestResult running = current;
        return running != null ? Optional.of(running) : store.latest();
    }

    static List<String> refusals(FailoverState s) {
        List<String> reasons = new ArrayList<>();
        if (s.mode() != Mode.AUTO) {
            reasons.add("the uplink mode is " + s.mode().id() + ": set it to auto first");
        }
        if (s.phase() != Phase.ON_PRIMARY) {
            reasons.add("the phones are not on the Internet line now");
        }
        if (s.primary().state() != UplinkHealth.State.UP) {
            reasons.add("the Internet line is not healthy");
        }
        if (!s.lteReady()) {
            reasons.add("LTE is not ready (no registration or data bearer)");
        }
        if (s.mediaFlows() > 0) {
            reasons.add(s.mediaFlows() + " call(s) in progress: the test would cut them (911 included); "
                    + "run it when the phones are idle");
        }
        return reasons;
    }

    private void run() {
        List<String> problems = new ArrayList<>();
        long cut = System.nanoTime();
        try {
            ports.firewall().block(Uplink.PRIMARY, true);
            Optional<Duration> toLte = awaitPhase(Phase.ON_LTE::equals, SWITCH_LIMIT);
            update(r -> r.step("checking the SBC through LTE")
                    .detected(toLte.map(Duration::toMillis).orElse(null)));
            if (toLte.isEmpty()) {
                problems.add("the phones' traffic did not move to LTE within " + SWITCH_LIMIT.toSeconds() + " s");
            }
            checkLte(problems);
        } catch (RuntimeException e) {
            problems.add("the test failed: " + e.getMessage());
            Logger.error(e, "Failover test failed");
        } finally {
            restorePrimary(problems);
        }
        Instant restored = clock.instant();
        Duration hold = policy.holdTime(controller.state(), restored);
        update(r -> r.step("waiting for the failback (hold time " + hold.toSeconds() + " s)"));
        Duration limit = hold.plus(FAILBACK_MARGIN);
        Optional<Duration> back = awaitPhase(Phase.ON_PRIMARY::equals, limit);
        if (back.isEmpty()) {
            problems.add("the phones did not return to the Internet line within " + limit.toSeconds() + " s");
        }
        finish(problems, back.map(Duration::toMillis).orElse(null), cut);
    }

    private void checkLte(List<String> problems) {
        if (ports.sbc().configured()) {
            ProbeResult sbc = ports.sbc().via(Uplink.LTE, Duration.ofSeconds(3));
            if (!sbc.answered()) {
                problems.add("the provider's SBC did not answer through LTE (" + sbc.detail() + ")");
            }
            update(r -> r.step("reading the LTE signal")
                    .sbc(sbc.answered(), sbc.answered() ? sbc.rtt().toMillis() : null));
        }
        ModemStatus modem = ports.modem().get();
        update(r -> r.step("restoring the Internet line")
                .signal(modem.signal().bars(), modem.signal().rsrpDbm(), modem.operator()));
    }

    private void restorePrimary(List<String> problems) {
        try {
            ports.firewall().block(Uplink.PRIMARY, false);
        } catch (RuntimeException e) {
            problems.add("could not restore the Internet line: " + e.getMessage());
            Logger.error("The failover test could not lift its cut of the primary: {}", e.getMessage());
        }
    }

    private void finish(List<String> problems, Long failbackMs, long cut) {
        update(r -> r.finished(clock.instant(), failbackMs, problems));
        FailoverTestResult done = current;
        String state = done.state();

        events.append(
                "failover-test-" + state,
                problems.isEmpty() ? "info" : "warning",
                "Installer failover test " + state + (problems.isEmpty() ? "" : ": " + String.join("; ", problems)),
                Map.of(
                        "id",
                        done.id(),
                        "detectionMs",
                        done.detectionMs() == null ? -1 : done.detectionMs(),
                        "testSeconds",
                        Duration.ofNanos(System.nanoTime() - cut).toSeconds()));
        current = null;
    }

    private Optional<Duration> awaitPhase(Predicate<Phase> reached, Duration limit) {
        long begin = System.nanoTime();
        while (System.nanoTime() - begin < limit.toNanos()) {
            if (reached.test(controller.state().phase())) {
                return Optional.of(Duration.ofNanos(System.nanoTime() - begin));
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private synchronized void update(UnaryOperator<FailoverTestResult> change) {
        current = change.apply(current);
        store.save(current);
    }
}
