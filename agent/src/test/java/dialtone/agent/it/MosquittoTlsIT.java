package dialtone.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote management against Debian's Mosquitto configured as docs/mqtt.md ("Broker") says: mutual
 * TLS, the certificate's CN as the identity, an ACL that keeps each device in its own subtree. The
 * packaged agent on the simulated site connects with its certificate; another device's certificate
 * gets nowhere in its subtree; commands still need an allowed issuer; without a certificate, or
 * with a broker the agent's CA did not sign, there is no connection at all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MosquittoTlsIT {
    private static final String DEVICE = "dev-tls-a";
    private static final String OTHER = "dev-tls-b";
    private static final String OPS = "ops:alice";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int NOT_AUTHORIZED = 135;

    @TempDir
    static Path work;

    private TestCa ca;
    private Mosquitto broker;
    private TestCa.Issued console;
    private Operator ops;
    private AgentProcess agent;

    @BeforeAll
    void start() throws Exception {
        ca = TestCa.create(work.resolve("ca"), "dialtone-test-ca");
        broker = Mosquitto.start(work.resolve("broker"), ca);
        console = ca.client(Mosquitto.OPERATOR);
        ops = new Operator(broker.url(), DEVICE, ca.tls(console));
        agent = AgentProcess.simulated(work, agentEnvironment(DEVICE, ca.client(DEVICE), ca.cert));
    }

    @AfterAll
    void stop() throws Exception {
        if (agent != null) {
            agent.close();
        }
        if (ops != null) {
            ops.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private Map<String, String> agentEnvironment(String device, TestCa.Issued identity, Path trusted) {
        Map<String, String> env = new HashMap<>();
        env.put("DIALTONE_DEVICE_ID", device);
        env.put("DIALTONE_MQTT_URL", broker.url());
        env.put("DIALTONE_MQTT_TLS_CA", trusted.toString());
        env.put("DIALTONE_MQTT_TLS_CERT", identity.cert().toString());
        env.put("DIALTONE_MQTT_TLS_KEY", identity.key().toString());
        env.put("DIALTONE_MQTT_COMMAND_ISSUERS", OPS);
        env.put("DIALTONE_MQTT_WILL_DELAY", "1s");
        return env;
    }

    @Test
    void theAgentConnectsWithItsCertificateAndItsStateIsRetained() throws Exception {
        Status.await(agent, "mqtt.connected", true, WAIT);
        ops.await(r -> r.topic().equals(ops.topic("state")), WAIT);

        try (Operator later = new Operator(broker.url(), DEVICE, ca.tls(console))) {
            Operator.Received state = later.await(r -> r.topic().equals(later.topic("state")), WAIT);
            assertThat(state.retained()).isTrue();
            assertThat(state.json()).containsEntry("online", true).containsEntry("uplink", "primary");
        }
        Map<String, Object> response = ops.call("get-status", Operator.envelope("tls-st-1", OPS, "{}"), null);
        assertThat(response).containsEntry("code", 200);
        assertThat(broker.awaitLog("as " + DEVICE, WAIT)).doesNotContain("Denied PUBLISH from " + DEVICE);
    }

    @Test
    void aDeviceCertificateGetsNowhereInAnotherDevicesSubtree() throws Exception {
        Status.await(agent, "mqtt.connected", true, WAIT);
        List<String> overheard = new CopyOnWriteArrayList<>();
        MqttAsyncClient intruder = new MqttAsyncClient(broker.url(), OTHER, new MemoryPersistence());
        try (Operator otherWatch = new Operator(broker.url(), OTHER, ca.tls(console))) {
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setSocketFactory(ca.tls(ca.client(OTHER)));
            intruder.connect(options).waitForCompletion(10_000);
            IMqttToken eavesdrop = intruder.subscribe(
                    new MqttSubscription[] {new MqttSubscription(ops.topic("cmd/#"), 1)},
                    null,
                    null,
                    new IMqttMessageListener[] {(topic, message) -> overheard.add(topic)},
                    new MqttProperties());
            eavesdrop.waitForCompletion(10_000); // granted: Mosquitto checks the ACL on each delivery

            IMqttToken forgedEvent = publish(intruder, ops.topic("evt"), "{\"events\":[{\"seq\":1,\"forged\":1}]}");
            IMqttToken forgedState = publish(intruder, ops.topic("state"), "{\"online\":false,\"forged\":1}");
            IMqttToken forgedCommand = publish(intruder, ops.topic("cmd/get-status"), "{\"forged\":1}");
            IMqttToken ownEvent = publish(intruder, "dialtone/v1/" + OTHER + "/evt", "{\"events\":[],\"own\":1}");

            assertThat(forgedEvent.getReasonCodes()).containsExactly(NOT_AUTHORIZED);
            assertThat(forgedState.getReasonCodes()).containsExactly(NOT_AUTHORIZED);
            assertThat(forgedCommand.getReasonCodes()).containsExactly(NOT_AUTHORIZED);
            assertThat(ownEvent.getReasonCodes()).containsExactly(0);
            otherWatch.await(r -> r.payload().contains("\"own\":1"), WAIT); // its own subtree works
            // a command for the device (sent after the forgeries) arrives: then the forgeries had their chance
            assertThat(ops.call("get-status", Operator.envelope("tls-st-2", OPS, "{}"), null))
                    .containsEntry("code", 200);
            intruder.disconnect().waitForCompletion(10_000);
        } finally {
            if (intruder.isConnected()) {
                intruder.disconnectForcibly(1000);
            }
            intruder.close(true);
        }
        assertThat(ops.received("evt")).noneMatch(r -> r.payload().contains("forged"));
        assertThat(ops.received("state")).noneMatch(r -> r.payload().contains("forged"));
        assertThat(ops.received("res")).noneMatch(r -> r.payload().contains("forged"));
        assertThat(overheard).as("another device's commands").isEmpty();
        try (Operator later = new Operator(broker.url(), DEVICE, ca.tls(console))) {
            Operator.Received state = later.await(r -> r.topic().equals(later.topic("state")), WAIT);
            assertThat(state.json()).containsEntry("online", true).doesNotContainKey("forged");
        }
    }

    @Test
    void aCommandFromAnIssuerNotOnTheAllowListIsRefused() throws Exception {
        Map<String, Object> response =
                ops.call("get-status", Operator.envelope("tls-who-1", "ops:mallory", "{}"), null);

        assertThat(response).containsEntry("code", 403);
        assertThat((String) response.get("msg")).isNotBlank();
        assertThat(response.get("body")).isNull();
    }

    @Test
    void aClientWithoutACertificateIsRefusedAtTheHandshake() throws Exception {
        MqttClient anonymous = new MqttClient(broker.url(), "no-cert", new MemoryPersistence());
        try {
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setSocketFactory(ca.tls(null));
            options.setConnectionTimeout(10);

            assertThatThrownBy(() -> anonymous.connect(options)).isInstanceOf(MqttException.class);
            assertThat(anonymous.isConnected()).isFalse();
        } finally {
            anonymous.close(true);
        }
        broker.awaitLog("peer did not return a certificate", WAIT);
    }

    @Test
    void anAgentThatDoesNotTrustTheBrokersCaNeverConnects() throws Exception {
        TestCa impostor = TestCa.create(work.resolve("impostor"), "impostor-ca");
        String device = "dev-tls-c";
        Path elsewhere = work.resolve("wrong-ca");
        java.nio.file.Files.createDirectories(elsewhere);
        try (AgentProcess doubting =
                AgentProcess.simulated(elsewhere, agentEnvironment(device, ca.client(device), impostor.cert))) {
            assertThat(doubting.awaitOutput("unreachable", WAIT)).contains("unable to find valid certification path");
            assertThat(Json.at(Status.get(doubting), "mqtt.connected")).isEqualTo(false);
            assertThat(broker.log()).doesNotContain("as " + device);
        }
    }

    @Test
    void aMessageTheBrokerRefusesIsNotTakenForDelivered() throws Exception {
        String device = "dev-tls-d";
        Path elsewhere = java.nio.file.Files.createDirectories(work.resolve("wrong-cn"));
        // its certificate names another device: the ACL gives it that subtree, not its own
        try (AgentProcess misnamed =
                AgentProcess.simulated(elsewhere, agentEnvironment(device, ca.client("dev-tls-e"), ca.cert))) {
            Status.await(misnamed, "mqtt.connected", true, WAIT);
            String refusal = "the broker refused a message on dialtone/v1/" + device + "/evt (reason code 135)";
            assertThat(misnamed.awaitOutput(refusal, WAIT)).doesNotContain("Exception");
            assertThat(sqlite(
                            elsewhere.resolve("state/dialtone.db"),
                            "SELECT value FROM settings WHERE key = " + "'mqtt.events-acked'"))
                    .as("no event counts as delivered")
                    .isEmpty();
        }
    }

    private static String sqlite(Path database, String query) throws Exception {
        Process process = new ProcessBuilder("sqlite3", database.toString(), query)
                .redirectErrorStream(true)
                .start();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("sqlite3 did not answer within 10 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output.strip();
    }

    private static IMqttToken publish(MqttAsyncClient client, String topic, String payload) throws MqttException {
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        message.setRetained(topic.endsWith("/state"));
        IMqttToken token = client.publish(topic, message);
        token.waitForCompletion(10_000);
        return token;
    }
}
