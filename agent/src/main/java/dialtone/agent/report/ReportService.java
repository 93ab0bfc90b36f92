package dialtone.agent.report;

import dialtone.agent.config.AgentConfig;
import dialtone.agent.events.EventLog;
import dialtone.agent.modem.ModemRecovery;
import dialtone.agent.runtime.Periodic;
import dialtone.agent.runtime.Service;
import dialtone.agent.runtime.Threads;
import dialtone.agent.store.Settings;
import dialtone.agent.web.LocationAdapter;
import dialtone.hal.Uplink;
import dialtone.web.port.FailoverControls;
import dialtone.web.port.StatusView;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.tinylog.Logger;

/**
 * Remote management over MQTT: the retained {@code state} (birth, re-published on change, the Will
 * when lost), the event log in order with its sequence numbers, telemetry in batches, and the
 * commands with their responses; over LTE within the agent's byte budget ({@link LteBudget}). Reporting runs on one thread, commands on another: a slow command never holds up an
 * event, and nothing here touches the path of a call.
 */
public final class ReportService implements Service {
    static final String BOOT = "mqtt.boot";
    static final Duration STATE_EVERY = Duration.ofSeconds(5);
    static final int MAX_UNSENT = 50;

    /** The agent's services that reporting reads and commands act through. */
    public record Ports(
            StatusView status,
            FailoverControls failover,
            LocationAdapter location,
            ModemRecovery modem,
            EventLog events,
            Settings settings,
            BooleanSupplier planRestricted,
            Configurator config) {}

    /**
     * Who may command the device, what it reports as its version, and whether telemetry may use LTE.
     */
    public record Setup(Topics topics, CommandGate gate, String version, AgentConfig.Mqtt mqtt) {}

    /** A response that waits for the link. */
    private record Unsent(byte[] response, byte[] correlation) {}

    private final MqttLink link;
    private final Setup setup;
    private final Ports ports;
    private final ScheduledExecutorService reporting = Threads.owner("mqtt-report");
    private final ExecutorService commanding = Threads.owner("mqtt-commands");
    private final EventRelay relay;
    private final TelemetryRelay telemetry;
    private final CommandDesk desk;
    private final List<Periodic> periodics;
    private long boot;
    private Map<String, Object> published;
    private long publishedAt;
    private final List<Unsent> unanswered = new ArrayList<>();

    public ReportService(MqttLink link, Setup setup, Ports ports, Clock clock) {
        this.link = link;
        this.setup = setup;
        this.ports = ports;
        this.relay = new EventRelay(
                ports.events(),
                ports.settings(),
                payload -> link.publish(setup.topics().events(), payload, false, json(false)),
                reporting);
        this.desk = new CommandDesk(
                setup.topics(),
                setup.gate(),
                new CommandMemory(ports.settings().database(), clock),
                new RemoteCommands(new RemoteCommands.Ports(
                        ports.status(),
                        ports.failover(),
                        ports.location(),
                        ports.modem(),
                        ports.events(),
                        ports.config())),
                new DesiredConfig(ports.config(), setup.gate(), ports.events()),
                this::respond,
                clock);
        this.telemetry = new TelemetryRelay(
                new TelemetryStore(ports.settings()),
                (payload, deflated) -> link.publish(setup.topics().telemetry(), payload, false, json(deflated)),
                reporting);
        this.periodics = List.of(
                new Periodic(
                        "mqtt-state",
                        STATE_EVERY,
                        STATE_EVERY,
                        Duration.ofSeconds(1),
                        () -> onReporting(() -> {
                            link.tick(STATE_EVERY);
                            publishState();
                        })),
                new Periodic(
                        "mqtt-telemetry",
                        setup.mqtt().telemetryEvery(),
                        setup.mqtt().telemetryEvery(),
                        Duration.ofSeconds(1),
                        () -> onReporting(() -> telemetry.record(ports.status().status(), clock.instant()))),
                new Periodic(
                        "mqtt-batches",
                        setup.mqtt().telemetryBatch(),
                        setup.mqtt().telemetryBatch(),
                        Duration.ofSeconds(1),
                        () -> onReporting(this::flushTelemetry)));
    }

    @Override
    public String name() {
        return "remote management (MQTT)";
    }

    @Override
    public void start() {
        boot = ports.settings().get(BOOT).map(Long::parseLong).orElse(0L) + 1;
        ports.settings().put(BOOT, Long.toString(boot));
        ports.events().onAppend(event -> onReporting(relay::pump));
        link.start(() -> Json.bytes(StateReport.offline(boot, "lost")), new MqttLink.Listener() {
            @Override
            public void connected() {
                onReporting(() -> {
                    published = null; // a birth on every connect
                    publishState();
                    relay.pump();
                    answerWaiting();
                    flushTelemetry();
                });
            }

            @Override
            public void arrived(String topic, MqttMessage message) {
                try {
                    commanding.execute(() -> desk.handle(topic, message));
                } catch (RejectedExecutionException stopping) {
                    Logger.debug("Command dropped: stopping");
                }
            }
        });
        periodics.forEach(Periodic::start);
    }

    @Override
    public void stop() {
        periodics.forEach(Periodic::stop);
        Threads.shutdown(commanding, Duration.ofSeconds(5));
        Threads.shutdown(reporting, Duration.ofSeconds(2));
        link.stop(Json.bytes(StateReport.offline(boot, "shutdown")));
    }

    /** Connected to the broker now. */
    public boolean connected() {
        return link.connected();
    }

    /** The uplink changed: the connection to the broker went with the old one. */
    public void uplinkSwitched(Uplink to) {
        link.reconnect(to, "the agent's traffic now goes over " + to.id());
    }

    private void publishState() {
        if (!link.connected()) {
            return;
        }
        Map<String, Object> state = StateReport.online(
                ports.status().status(),
                boot,
                setup.version(),
                ports.config().appliedVersion(),
                EventRelay.dropped(ports.settings()));
        if (state.equals(published)) {
            return;
        }
        boolean substantial = published == null || StateReport.substantiallyChanged(published, state);
        Duration since = Duration.ofNanos(System.nanoTime() - publishedAt);
        if (!LteBudget.stateMayGo(
                link.meter().onLte(), substantial, since, link.meter().spent())) {
            return; // on LTE a detail waits: it goes with the next substantial change or after a while
        }
        link.publish(setup.topics().state(), Json.bytes(state), true, json(false))
                .thenRun(() -> onReporting(() -> {
                    published = state;
                    publishedAt = System.nanoTime();
                }));
    }

    private void flushTelemetry() {
        LteMeter meter = link.meter();
        boolean onLte = meter.onLte();
        if (link.connected()
                && LteBudget.telemetryMayGo(
                        onLte,
                        setup.mqtt().telemetryOnLte(),
                        meter.spent(),
                        ports.planRestricted().getAsBoolean())) {
            telemetry.flush(onLte);
        }
    }

    /**
     * Publishes a response; one that cannot go now (the link is down: an uplink switch, a broker
     * restart) waits for the next connect. A lost one is not lost for good either: the operator's
     * retry with the same id gets the stored answer.
     */
    private void respond(byte[] response, byte[] correlation) {
        MqttProperties properties = json(false);
        if (correlation != null) {
            properties.setCorrelationData(correlation);
        }
        link.publish(setup.topics().responses(), response, false, properties).whenComplete((ok, e) -> {
            if (e != null) {
                onReporting(() -> unsent(response, correlation));
            }
        });
    }

    private void unsent(byte[] response, byte[] correlation) {
        if (unanswered.size() >= MAX_UNSENT) {
            Logger.warn(
                    "A command's response was dropped: {} wait already; the operator may send it again", MAX_UNSENT);
            return;
        }
        unanswered.add(new Unsent(response, correlation));
    }

    private void answerWaiting() {
        List<Unsent> waiting = List.copyOf(unanswered);
        unanswered.clear();
        waiting.forEach(r -> respond(r.response(), r.correlation()));
    }

    private void onReporting(Runnable task) {
        try {
            reporting.execute(task);
        } catch (RejectedExecutionException stopping) {
            Logger.debug("Reporting stopped");
        }
    }

    /** JSON, deflated (zlib, RFC 1950) when {@code deflated}: the user property says so. */
    private static MqttProperties json(boolean deflated) {
        MqttProperties properties = new MqttProperties();
        properties.setContentType("application/json");
        if (deflated) {
            properties.setUserProperties(List.of(new UserProperty("encoding", "deflate")));
        }
        return properties;
    }
}
