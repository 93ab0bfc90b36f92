package dialtone.agent.report;

import dialtone.agent.events.EventLog;
import dialtone.agent.modem.ModemRecovery;
import dialtone.agent.runtime.Periodic;
import dialtone.agent.runtime.Service;
import dialtone.agent.runtime.Threads;
import dialtone.agent.store.Settings;
import dialtone.agent.web.LocationAdapter;
import dialtone.web.port.FailoverControls;
import dialtone.web.port.StatusView;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.tinylog.Logger;

/**
 * Remote management over MQTT: the retained {@code state} (birth, re-published on change, the Will
 * when lost), the event log in order with its sequence numbers, and the commands with their
 * responses. Reporting runs on one thread, commands on another: a slow command never holds up an
 * event, and nothing here touches the path of a call.
 */
public final class ReportService implements Service {
    static final String BOOT = "mqtt.boot";
    static final Duration STATE_EVERY = Duration.ofSeconds(5);

    /** The agent's services that reporting reads and commands act through. */
    public record Ports(
            StatusView status,
            FailoverControls failover,
            LocationAdapter location,
            ModemRecovery modem,
            EventLog events,
            Settings settings) {}

    /** Who may command the device, and what the device reports as its version. */
    public record Setup(Topics topics, CommandGate gate, String version) {}

    private final MqttLink link;
    private final Setup setup;
    private final Ports ports;
    private final ScheduledExecutorService reporting = Threads.owner("mqtt-report");
    private final ExecutorService commanding = Threads.owner("mqtt-commands");
    private final EventRelay relay;
    private final CommandDesk desk;
    private final Periodic stateChecks;
    private long boot;
    private Map<String, Object> published;

    public ReportService(MqttLink link, Setup setup, Ports ports, Clock clock) {
        this.link = link;
        this.setup = setup;
        this.ports = ports;
        this.relay = new EventRelay(
                ports.events(),
                ports.settings(),
                payload -> link.publish(setup.topics().events(), payload, false, json()),
                reporting);
        this.desk = new CommandDesk(
                setup.topics(),
                setup.gate(),
                new CommandMemory(ports.settings().database(), clock),
                new RemoteCommands(new RemoteCommands.Ports(
                        ports.status(), ports.failover(), ports.location(), ports.modem(), ports.events())),
                this::respond,
                clock);
        this.stateChecks = new Periodic(
                "mqtt-state", STATE_EVERY, STATE_EVERY, Duration.ofSeconds(1), () -> onReporting(this::publishState));
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
        stateChecks.start();
    }

    @Override
    public void stop() {
        stateChecks.stop();
        Threads.shutdown(commanding, Duration.ofSeconds(5));
        Threads.shutdown(reporting, Duration.ofSeconds(2));
        link.stop(Json.bytes(StateReport.offline(boot, "shutdown")));
    }

    /** Connected to the broker now. */
    public boolean connected() {
        return link.connected();
    }

    /** The uplink changed: the connection to the broker went with the old one. */
    public void uplinkSwitched(String to) {
        link.reconnect("the agent's traffic now goes over " + to);
    }

    private void publishState() {
        if (!link.connected()) {
            return;
        }
        Map<String, Object> state = StateReport.online(
                ports.status().status(), boot, setup.version(), EventRelay.dropped(ports.settings()));
        if (state.equals(published)) {
            return;
        }
        link.publish(setup.topics().state(), Json.bytes(state), true, json())
                .thenRun(() -> onReporting(() -> published = state));
    }

    private void respond(byte[] response, byte[] correlation) {
        MqttProperties properties = json();
        if (correlation != null) {
            properties.setCorrelationData(correlation);
        }
        CompletableFuture<Void> sent = link.publish(setup.topics().responses(), response, false, properties);
        sent.whenComplete((ok, e) -> {
            if (e != null) {
                Logger.warn(
                        "A command's response was not delivered ({}); the operator may send it again", e.getMessage());
            }
        });
    }

    private void onReporting(Runnable task) {
        try {
            reporting.execute(task);
        } catch (RejectedExecutionException stopping) {
            Logger.debug("Reporting stopped");
        }
    }

    private static MqttProperties json() {
        MqttProperties properties = new MqttProperties();
        properties.setContentType("application/json");
        return properties;
    }
}
