package dialtone.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote management against a real MQTT 5 broker: the packaged agent on the simulated site, the
 * operations team as a Paho client. Birth, events in order, commands with their responses, and
 * every way a command can be wrong; then a failover's events, and last the Will when the agent dies
 * without a goodbye.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // one agent: the failover and the kill come last
@SuppressWarnings("unchecked")
class SimMqttIT {
    private static final String DEVICE = "dev-mqtt-1";
    private static final String OPS = "ops:alice";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path work;

    private EmbeddedBroker broker;
    private AgentProcess agent;
    private Operator ops;
    private KeyPair opsKey;
    private Map<String, String> environment;

    @BeforeAll
    void start() throws Exception {
        broker = EmbeddedBroker.start(work.resolve("broker"));
        ops = new Operator(broker.url(), DEVICE);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        opsKey = generator.generateKeyPair();
        Path publicKey = work.resolve("ops.pub");
        Files.writeString(
                publicKey,
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(opsKey.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
        Map<String, String> env = new HashMap<>();
        env.put("DIALTONE_DEVICE_ID", DEVICE);
        env.put("DIALTONE_MQTT_URL", broker.url());
        env.put("DIALTONE_MQTT_COMMAND_ISSUERS", OPS);
        env.put("DIALTONE_MQTT_COMMAND_KEY", publicKey.toString());
        env.put("DIALTONE_MQTT_WILL_DELAY", "1s");
        env.put("DIALTONE_MQTT_TELEMETRY_EVERY", "10s");
        env.put("DIALTONE_MQTT_TELEMETRY_BATCH", "10s");
        env.put("DIALTONE_FAILOVER_HOLD_TIME", "10s");
        environment = env;
        agent = AgentProcess.simulated(work, env);
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

    @Test
    void theBirthIsRetainedAndTheDashboardSaysConnected() throws Exception {
        Map<String, Object> state =
                ops.await(r -> r.topic().equals(ops.topic("state")), WAIT).json();

        assertThat(state).containsEntry("online", true).containsEntry("uplink", "primary");
        assertThat(((Number) state.get("boot")).longValue()).isPositive();
        assertThat((List<Object>) state.get("alerts")).contains("e911-missing");
        Map<String, Object> status = Status.await(agent, "mqtt.connected", true);
        assertThat(Json.at(status, "mqtt.lteBytes")).as("nothing over LTE yet").isEqualTo(0);
        assertThat(Json.at(status, "mqtt.lteBudgetBytes")).isEqualTo(2_000_000);
    }

    @Test
    @Order(1) // while on the primary: over LTE telemetry waits (mqtt.telemetry.on-lte)
    void telemetryComesInBatchesOfSamples() throws Exception {
        Map<String, Object> batch = ops.await(r -> r.topic().equals(ops.topic("tele")), Duration.ofSeconds(40))
                .json();

        List<Map<String, Object>> samples = (List<Map<String, Object>>) batch.get("samples");
        assertThat(samples).isNotEmpty();
        assertThat(samples.getFirst()).containsKeys("t", "up", "bars", "lteB", "calls");
    }

    @Test
    void aCommandIsAnsweredWithItsCorrelationData() throws Exception {
        Map<String, Object> response = ops.call("get-status", Operator.envelope("st-1", OPS, "{}"), null);

        assertThat(response).containsEntry("id", "st-1").containsEntry("code", 200);
        assertThat(Json.at(response, "body.activeUplink")).isEqualTo("primary");
    }

    @Test
    void aSignedCommandRunsOnceHoweverOftenItComes() throws Exception {
        String setMode = Operator.envelope("mode-1", OPS, "{\"mode\":\"force-lte\"}");

        Map<String, Object> first = ops.call("set-mode", setMode, opsKey.getPrivate());
        Map<String, Object> again = ops.call("set-mode", setMode, opsKey.getPrivate());

        assertThat(first).containsEntry("code", 200);
        assertThat(again).isEqualTo(first);
        Status.await(agent, "mode", "force-lte");
        Map<String, Object> events = ops.call("get-events", Operator.envelope("ev-1", OPS, "{\"since\":0}"), null);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = (List<Map<String, Object>>) Json.at(events, "body.events");
        assertThat(list.stream().filter(e -> e.get("type").equals("mode")).filter(e -> Json.at(e, "facts.mode")
                        .equals("force-lte")))
                .hasSize(1);
        ops.call("set-mode", Operator.envelope("mode-2", OPS, "{\"mode\":\"auto\"}"), opsKey.getPrivate());
    }

    @Test
    void whoMayCommandIsChecked() throws Exception {
        String stranger = Operator.envelope("who-1", "ops:mallory", "{}");
        assertThat(ops.call("get-status", stranger, null)).containsEntry("code", 403);

        String unsigned = Operator.envelope("who-2", OPS, "{\"mode\":\"force-lte\"}");
        assertThat(ops.call("set-mode", unsigned, null)).containsEntry("code", 403);

        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String forged = Operator.envelope("who-3", OPS, "{\"mode\":\"force-lte\"}");
        assertThat(ops.call("set-mode", forged, other.getPrivate())).containsEntry("code", 403);
        assertThat(Json.at(Status.await(agent, "mode", "auto"), "mode")).isEqualTo("auto");
    }

    @Test
    void staleAndMalformedCommandsGetAClearAnswerAndHarmNothing() throws Exception {
        String expired = "{\"id\":\"old-1\",\"exp\":"
                + Instant.now().minusSeconds(5).getEpochSecond() + ",\"iss\":\"" + OPS + "\",\"args\":{}}";
        assertThat(ops.call("get-status", expired, null)).containsEntry("code", 410);

        for (String payload : List.of(
                "not json at all",
                "[1,2,3]",
                "{\"exp\":1,\"iss\":\"x\"}",
                "{\"id\":\"bad-1\",\"exp\":\"tomorrow\",\"iss\":\"" + OPS + "\"}",
                "{\"id\":\"bad-2\",\"exp\":99999999999,\"iss\":\"" + OPS + "\",\"args\":[],\"extra\":1}",
                "{\"id\":\"\u0000\",\"exp\":99999999999}")) {
            Map<String, Object> response = ops.call("get-status", payload, null);
            assertThat(response).as(payload).containsEntry("code", 400);
            assertThat((String) response.get("msg")).as(payload).isNotBlank();
        }
        Map<String, Object> badArgs =
                ops.call("get-events", Operator.envelope("bad-3", OPS, "{\"since\":-1,\"colour\":\"red\"}"), null);
        assertThat(badArgs).containsEntry("code", 400);
        assertThat((Map<String, Object>) Json.at(badArgs, "body.fieldErrors")).containsKey("colour");
        Map<String, Object> unknown = ops.call("make-coffee", Operator.envelope("bad-4", OPS, "{}"), null);
        assertThat(unknown).containsEntry("code", 404);

        assertThat(ops.call("get-status", Operator.envelope("st-after", OPS, "{}"), null))
                .containsEntry("code", 200);
        assertThat(agent.output()).doesNotContain("Exception");
    }

    @Test
    void aLocationFromAfarWaitsForConfirmationAndBadFieldsAreNamed() throws Exception {
        String bad = Operator.envelope("loc-1", OPS, "{\"location\":{\"streetName\":\"Main\",\"state\":\"Texas\"}}");
        Map<String, Object> refused = ops.call("set-location", bad, opsKey.getPrivate());
        assertThat(refused).containsEntry("code", 400);
        assertThat((Map<String, Object>) Json.at(refused, "body.fieldErrors"))
                .containsKeys("location.state", "location.houseNumber");

        String good = Operator.envelope(
                "loc-2",
                OPS,
                "{\"location\":{\"houseNumber\":\"100\",\"streetName\":\"Main\","
                        + "\"streetSuffix\":\"ST\",\"city\":\"Springfield\",\"state\":\"IL\",\"zip\":\"62701\","
                        + "\"callbackNumber\":\"+12175550100\"}}");
        Map<String, Object> proposed = ops.call("set-location", good, opsKey.getPrivate());
        assertThat(proposed).containsEntry("code", 200);
        assertThat(Json.at(proposed, "body.status")).isEqualTo("missing");
        assertThat(Json.at(proposed, "body.proposed.streetName")).isEqualTo("MAIN");
    }

    @Test
    @Order(Integer.MAX_VALUE - 2)
    void eventsArriveInOrderWithTheirSequenceNumbers() throws Exception {
        agent.post("/api/v1/sim/primary", "{\"state\":\"down\"}");
        ops.await(r -> r.topic().equals(ops.topic("evt")) && r.payload().contains("\"type\":\"failover\""), WAIT);
        assertThat(((Number) Json.at(Status.await(agent, "activeUplink", "lte"), "mqtt.lteBytes")).longValue())
                .as("the reconnect and the event went over LTE")
                .isPositive();
        agent.post("/api/v1/sim/primary", "{\"state\":\"up\"}");

        List<Long> firstArrivals = new ArrayList<>();
        for (Operator.Received batch : ops.received("evt")) {
            List<Map<String, Object>> events =
                    (List<Map<String, Object>>) batch.json().get("events");
            for (Map<String, Object> event : events) {
                long seq = ((Number) event.get("seq")).longValue();
                if (!firstArrivals.contains(seq)) { // a repeat on the wire (after a reconnect) is allowed
                    firstArrivals.add(seq);
                }
            }
        }
        assertThat(firstArrivals)
                .as("every event from the first, in order")
                .isEqualTo(
                        LongStream.rangeClosed(1, firstArrivals.size()).boxed().toList());
    }

    @Test
    @Order(Integer.MAX_VALUE - 1)
    void configurationFromAfarIsCheckedKeptAndAppliedByARestart() throws Exception {
        Map<String, Object> config = ops.call("get-config", Operator.envelope("cfg-0", OPS, "{}"), null);
        Map<String, Object> keys = (Map<String, Object>) Json.at(config, "body.keys");
        assertThat((Map<String, Object>) keys.get("usage.cap")).containsEntry("source", "default");
        assertThat((Map<String, Object>) keys.get("mqtt.url")).containsEntry("source", "environment");

        String bad = Operator.envelope(
                "cfg-1", OPS, "{\"set\":{\"usage.cap\":\"lots\",\"device.id\":\"other\",\"usage.colour\":1}}");
        Map<String, Object> refused = ops.call("set-config", bad, opsKey.getPrivate());
        assertThat(refused).containsEntry("code", 400);
        assertThat((Map<String, Object>) Json.at(refused, "body.fieldErrors"))
                .containsKeys("usage.cap", "device.id", "usage.colour");

        String good = Operator.envelope("cfg-2", OPS, "{\"set\":{\"usage.cap\":\"5GB\"}}");
        assertThat(ops.call("set-config", good, opsKey.getPrivate())).containsEntry("code", 202);
        assertThat(agent.awaitExit(Duration.ofSeconds(20)))
                .as("exit code 3: restart me")
                .isEqualTo(3);
        agent = AgentProcess.simulated(work, environment);

        assertThat(Json.at(Status.await(agent, "usage.capBytes", 5_000_000_000L), "usage.capBytes"))
                .isEqualTo(5_000_000_000L);
        ops.await(r -> r.topic().equals(ops.topic("state")) && r.payload().contains("\"cfgVer\":1"), WAIT);

        String desired = "{\"ver\":5,\"iss\":\"" + OPS + "\",\"doc\":{\"usage.cap\":\"3GB\"}}";
        ops.publishRetained("cfg/desired", desired, "cfg/desired", opsKey.getPrivate());
        assertThat(agent.awaitExit(Duration.ofSeconds(20))).isEqualTo(3);
        agent = AgentProcess.simulated(work, environment);
        ops.await(r -> r.topic().equals(ops.topic("state")) && r.payload().contains("\"cfgVer\":5"), WAIT);
        assertThat(Json.at(Status.await(agent, "usage.capBytes", 3_000_000_000L), "usage.capBytes"))
                .isEqualTo(3_000_000_000L);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void anAgentLostWithoutAGoodbyeIsAnnouncedByItsWill() throws Exception {
        agent.close(); // SIGKILL: no goodbye, the broker notices the dropped connection

        Map<String, Object> lost = ops.await(
                        r -> r.topic().equals(ops.topic("state")) && r.payload().contains("\"why\":\"lost\""), WAIT)
                .json();
        assertThat(lost).containsEntry("why", "lost");
        try (Operator later = new Operator(broker.url(), DEVICE)) {
            Operator.Received retained = later.await(r -> r.topic().equals(later.topic("state")), WAIT);
            assertThat(retained.retained()).isTrue();
            assertThat(retained.json()).containsEntry("online", false);
        }
    }
}
