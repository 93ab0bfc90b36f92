package dialtone.agent.failover;

import dialtone.agent.events.EventLog;
import dialtone.agent.failover.FailoverAction.Activate;
import dialtone.agent.failover.FailoverAction.CheckSbcViaPrimary;
import dialtone.agent.failover.FailoverAction.Report;
import dialtone.agent.failover.FailoverEvent.MediaFlows;
import dialtone.agent.failover.FailoverEvent.SbcViaPrimary;
import dialtone.agent.failover.FailoverEvent.SwitchFailed;
import dialtone.agent.failover.FailoverEvent.Switched;
import dialtone.agent.failover.FailoverEvent.Tick;
import dialtone.agent.runtime.Progress;
import dialtone.agent.runtime.Service;
import dialtone.agent.runtime.Threads;
import dialtone.hal.HalException;
import dialtone.hal.Uplink;
import dialtone.hal.firewall.Flows;
import dialtone.hal.route.Routes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.tinylog.Logger;

/**
 * Runs the {@link FailoverPolicy} on its own thread and carries out what it decides: swaps the
 * default route, forgets the old uplink's NAT state, asks the SBC, writes the event log. Every
 * blocking call runs on a virtual thread and comes back as an event, so a hung {@code ip} or
 * {@code conntrack} never stalls a decision.
 */
public final class FailoverController implements Service, Progress {
    static final Duration TICK = Duration.ofSeconds(1);
    static final Duration SBC_TIMEOUT = Duration.ofSeconds(2);
    static final Duration REFRESH_ROUTES = Duration.ofSeconds(30);

    /** What the controller needs from the hardware layer. */
    public record Ports(Routes routes, Flows flows, SbcProbe sbc) {}

    private final FailoverPolicy policy;
    private final Ports ports;
    private final EventLog events;
    private final Clock clock;
    private final List<Consumer<Uplink>> switchListeners = new CopyOnWriteArrayList<>();
    private volatile FailoverState state;
    private volatile long lastRound = System.nanoTime();
    private ScheduledExecutorService owner;
    private ExecutorService io;
    private ExecutorService reports;

    public FailoverController(FailoverPolicy policy, Ports ports, EventLog events, Clock clock, Mode mode) {
        this.policy = policy;
        this.ports = ports;
        this.events = events;
        this.clock = clock;
        this.state = FailoverState.initial(Uplink.PRIMARY, mode, clock.instant());
    }

    @Override
    public String name() {
        return "failover controller";
    }

    @Override
    public synchronized void start() {
        if (owner != null) {
            return;
        }
        lastRound = System.nanoTime();
        owner = Threads.owner("failover");
        io = Threads.blockingIo("failover-io");
        reports = Threads.owner("failover-events");
        owner.execute(this::takeOver);
        owner.scheduleAtFixedRate(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        owner.scheduleWithFixedDelay(
                () -> io.execute(this::refreshRoutes), 0, REFRESH_ROUTES.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (owner != null) {
            Threads.shutdown(owner, Duration.ofSeconds(2));
            Threads.shutdown(io, Duration.ofSeconds(5));
            Threads.shutdown(reports, Duration.ofSeconds(2));
            owner = null;
        }
    }

    /** Hands an event to the policy, on the controller's thread. Safe from any thread. */
    public void submit(FailoverEvent event) {
        ScheduledExecutorService running = owner;
        if (running == null) {
            return;
        }
        try {
            running.execute(() -> apply(event));
        } catch (RejectedExecutionException stopping) {
            Logger.debug("Failover event {} dropped: stopping", event);
        }
    }

    /** The deciding thread handled an event (a tick comes every second). */
    @Override
    public long lastRound() {
        return lastRound;
    }

    /** The current state, for status pages; never blocks. */
    public FailoverState state() {
        return state;
    }

    /** {@code listener} hears every completed switch (e.g. to reconnect MQTT through the new uplink). */
    public void onSwitch(Consumer<Uplink> listener) {
        switchListeners.add(listener);
    }

    /** At start the routes decide where we are; with no default route at all, take the primary. */
    private void takeOver() {
        try {
            Uplink active = ports.routes().active().orElse(null);
            state = FailoverState.initial(active == null ? Uplink.PRIMARY : active, state.mode(), clock.instant());
            if (active == null) {
                io.execute(this::takePrimary);
            }
        } catch (HalException e) {
            Logger.error("Cannot read the routes at start: {}", e.getMessage());
        }
    }

    private void refreshRoutes() {
        try {
            ports.routes().refresh();
        } catch (HalException e) {
            Logger.warn("Cannot refresh the uplinks' routes: {}", e.getMessage());
        }
    }

    /** No route of ours at start: the policy already believes the primary, make it so. */
    private void takePrimary() {
        try {
            ports.routes().activate(Uplink.PRIMARY);
            Logger.info("Default route set to the Internet line at start");
        } catch (HalException e) {
            report(new Report(
                    "switch-failed",
                    "error",
                    "Could not set the default route to the Internet line at " + "start: " + e.getMessage(),
                    java.util.Map.of("to", "primary", "error", e.getMessage())));
        }
    }

    private void tick() {
        io.execute(() -> {
            try {
                submit(new MediaFlows(ports.flows().activeMediaFlows()));
            } catch (HalException e) {
                Logger.debug("Cannot count media flows: {}", e.getMessage());
            }
        });
        submit(new Tick());
    }

    private void apply(FailoverEvent event) {
        try {
            FailoverPolicy.Transition t = policy.on(state, event, clock.instant());
            state = t.next();
            t.actions().forEach(this::execute);
        } catch (RuntimeException e) {
            Logger.error(e, "Bug handling {}; failover goes on", event);
        }
        lastRound = System.nanoTime();
    }

    private void execute(FailoverAction action) {
        switch (action) {
            case Activate a -> io.execute(() -> activate(a));
            case CheckSbcViaPrimary c ->
                io.execute(() -> submit(new SbcViaPrimary(
                        ports.sbc().via(Uplink.PRIMARY, SBC_TIMEOUT).answered())));
            case Report r -> reports.execute(() -> report(r)); // in order, off the deciding thread
        }
    }

    private void activate(Activate a) {
        Uplink old = a.to() == Uplink.LTE ? Uplink.PRIMARY : Uplink.LTE;
        try {
            ports.routes().activate(a.to());
        } catch (HalException e) {
            submit(new SwitchFailed(a.to(), e.getMessage()));
            return;
        }
        try {
            int forgotten = ports.flows().forget(old);
            Logger.debug("Forgot {} flows of {}", forgotten, old.id());
        } catch (HalException e) {
            Logger.warn(
                    "Switched to {} but could not forget the flows of {}: {}", a.to().id(), old.id(), e.getMessage());
        }
        submit(new Switched(a.to()));
        switchListeners.forEach(listener -> listener.accept(a.to()));
    }

    private void report(Report r) {
        try {
            events.append(r.type(), r.severity(), r.message(), r.facts());
        } catch (RuntimeException e) {
            Logger.error("Event not recorded ({}): {}", e.getMessage(), r.message());
        }
    }
}
