package dialtone.agent.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operations team's tool as they run it: {@code bin/dialtone-ops} as a process, against a real
 * MQTT 5 broker and the packaged agent on the simulated site, whose command key the tool made.
 * Listing, commands signed and unsigned, and each way a command can go wrong, with its exit code
 * and its one line on standard error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // one agent: the mode change (and its failover) comes last
@SuppressWarnings("unchecked")
class OpsCliIT {
    private static final Path TOOL = AgentProcess.REPO.resolve("bin/dialtone-ops");
    private static final String DEVICE = "dev-ops-1";
    private static final String OPS = "ops:alice";

    @TempDir
    static Path work;

    private EmbeddedBroker broker;
    private AgentProcess agent;
    private Path signKey;

    /** One run of the tool: its exit code, what it printed and how long it took. */
    record Run(int code, String out, String err, Duration took) {}

    @BeforeAll
    void start() throws Exception {
        broker = EmbeddedBroker.start(work.resolve("broker"));
        Path keys = work.resolve("keys");
        Run keygen = ops("keygen", keys.toString());
        assertThat(keygen.code()).as(keygen.err()).isZero();
        signKey = keys.resolve("ops-ed25519.pem");
        Map<String, String> env = new HashMap<>();
        env.put("DIALTONE_DEVICE_ID", DEVICE);
        env.put("DIALTONE_MQTT_URL", broker.url());
        env.put("DIALTONE_MQTT_COMMAND_ISSUERS", OPS);
        env.put("DIALTONE_MQTT_COMMAND_KEY", keys.resolve("ops-ed25519.pub.pem").toString());
        agent = AgentProcess.simulated(work, env);
        Status.await(agent, "mqtt.connected", true);
    }

    @AfterAll
    void stop() throws Exception {
        if (agent != null) {
            agent.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void devicesListsTheAgentOnlineAsATableAndAsJson() throws Exception {
        Run table = ops("devices", "--wait", "1s");

        assertThat(table.code()).as(table.err()).isZero();
        assertThat(table.out().lines().toList())
                .first()
                .asString()
                .startsWith("DEVICE")
                .contains("ONLINE", "UPLINK", "MODE", "E911", "USAGE", "BOOT", "ALERTS");
        assertThat(table.out().lines().filter(line -> line.startsWith(DEVICE + " ")))
                .singleElement()
                .asString()
                .contains(" yes ", " primary ", "e911-missing");
        assertThat(table.out()).endsWith("1 device, 0 offline\n");

        Run json = ops("devices", "--wait", "1s", "--json");
        assertThat(json.code()).isZero();
        List<Object> devices = com.fasterxml.jackson.jr.ob.JSON.std.listFrom(json.out());
        assertThat(devices).singleElement().satisfies(device -> assertThat((Map<String, Object>) device)
                .containsEntry("device", DEVICE)
                .containsEntry("online", true)
                .containsEntry("uplink", "primary"));
    }

    @Test
    void getStatusPrintsTheStatusAndExitsZero() throws Exception {
        Run run = ops("send", DEVICE, "get-status");

        assertThat(run.code()).as(run.err()).isZero();
        Map<String, Object> response = Json.object(run.out());
        assertThat(response).containsEntry("code", 200);
        assertThat(Json.at(response, "body.activeUplink")).isEqualTo("primary");
        assertThat(run.err()).isEmpty();
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aSignedSetModeChangesTheMode() throws Exception {
        Run run = ops("send", DEVICE, "set-mode", "{\"mode\":\"force-lte\"}", "--sign-key", signKey.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(Json.object(run.out())).containsEntry("code", 200);
        Status.await(agent, "mode", "force-lte");

        Run back = ops("send", DEVICE, "set-mode", "{\"mode\":\"auto\"}", "--sign-key", signKey.toString());
        assertThat(back.code()).as(back.err()).isZero();
        Status.await(agent, "mode", "auto");
    }

    @Test
    void anUnsignedSetModeIsRefusedWithExitCodeOneAndChangesNothing() throws Exception {
        Run run = ops("send", DEVICE, "set-mode", "{\"mode\":\"force-primary\"}");

        assertThat(run.code()).isEqualTo(1);
        assertThat(Json.object(run.out())).containsEntry("code", 403).containsEntry("msg", "set-mode must be signed");
        assertThat(run.err()).isEqualTo("dialtone-ops: " + DEVICE + " answered 403: set-mode must be signed\n");
        assertThat(Json.at(Status.get(agent), "mode")).isEqualTo("auto");
    }

    @Test
    void malformedArgsJsonIsAUsageErrorThatSaysWhere() throws Exception {
        Run run = ops("send", DEVICE, "set-mode", "{\"mode\": force-lte}");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .startsWith("dialtone-ops: ARGS_JSON is not valid JSON")
                .contains("line 1, column 15")
                .hasLineCount(1);
    }

    @Test
    void aDeviceThatDoesNotExistGetsExitCodeThreeAfterTheTimeout() throws Exception {
        Run run = ops("send", "dev-nobody", "get-status", "--timeout", "2s");

        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err())
                .isEqualTo("dialtone-ops: unknown device dev-nobody: no retained state on the broker and no answer"
                        + " from dev-nobody within 2s\n");
        assertThat(run.took()).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    @Order(Integer.MAX_VALUE - 1) // its retained state is gone before the end, but not while devices lists them
    void aLostResponseIsAskedForAgainWithTheSameCommand() throws Exception {
        String device = "dev-flaky";
        List<String> payloads = new CopyOnWriteArrayList<>();
        MqttClient flaky = new MqttClient(broker.url(), device, new MemoryPersistence());
        flaky.connect();
        try {
            flaky.publish("dialtone/v1/" + device + "/state", "{\"online\":true}".getBytes(UTF_8), 1, true);
            IMqttMessageListener loseTheFirstAnswer = (topic, message) -> {
                payloads.add(new String(message.getPayload(), UTF_8));
                if (payloads.size() == 2) {
                    MqttMessage answer = new MqttMessage("{\"code\":200,\"msg\":\"status\"}".getBytes(UTF_8));
                    answer.setQos(0); // from Paho's callback thread: nothing to wait for
                    MqttProperties properties = new MqttProperties();
                    properties.setCorrelationData(message.getProperties().getCorrelationData());
                    answer.setProperties(properties);
                    flaky.publish(message.getProperties().getResponseTopic(), answer);
                }
            };
            flaky.subscribe(
                    new MqttSubscription[] {new MqttSubscription("dialtone/v1/" + device + "/cmd/+", 1)},
                    new IMqttMessageListener[] {loseTheFirstAnswer});

            Run run = ops("send", device, "get-status", "--timeout", "15s");

            assertThat(run.code()).as(run.err()).isZero();
            assertThat(Json.object(run.out())).containsEntry("code", 200);
            assertThat(payloads)
                    .hasSize(2)
                    .as("the same id, not a second command")
                    .containsOnly(payloads.get(0));
        } finally {
            flaky.publish("dialtone/v1/" + device + "/state", new byte[0], 1, true);
            flaky.disconnect(1000); // without waiting Paho's default 30 s for the callback's quiet
            flaky.close();
        }
    }

    @Test
    void anUnreachableBrokerIsExitCodeThreeInOneLine() throws Exception {
        Run run = ops("--url", "tcp://127.0.0.1:" + closedPort(), "devices");

        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err())
                .startsWith("dialtone-ops: cannot reach the broker at tcp://127.0.0.1:")
                .hasLineCount(1);
    }

    @Test
    void badTlsFilesAreNamedInOneLine() throws Exception {
        Path notACertificate = Files.writeString(work.resolve("ca.pem"), "not a certificate\n");

        Run garbage = ops("--url", "ssl://127.0.0.1:" + closedPort(), "--ca", notACertificate.toString(), "devices");
        Run missing = ops(
                "--url",
                "ssl://127.0.0.1:8883",
                "--ca",
                work.resolve("none.pem").toString(),
                "devices");

        assertThat(garbage.code()).isEqualTo(2);
        assertThat(garbage.err()).contains(notACertificate.toString()).hasLineCount(1);
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("dialtone-ops: --ca: no readable file " + work.resolve("none.pem") + "\n");
    }

    /** Runs {@code bin/dialtone-ops} with the broker and issuer from the environment, as the README shows. */
    private Run ops(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(TOOL.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(work, "ops", ".out");
        Path err = Files.createTempFile(work, "ops", ".err");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("DIALTONE_"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        if (broker != null) {
            builder.environment().put("DIALTONE_OPS_URL", broker.url());
        }
        builder.environment().put("DIALTONE_OPS_ISSUER", OPS);
        long begin = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("dialtone-ops " + args[0] + " still running after 60 s: " + Files.readString(err));
        }
        Run run = new Run(
                process.exitValue(),
                Files.readString(out),
                Files.readString(err),
                Duration.ofNanos(System.nanoTime() - begin));
        assertThat(run.err()).as("never a stack trace").doesNotContain("Exception", "\tat ");
        return run;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
