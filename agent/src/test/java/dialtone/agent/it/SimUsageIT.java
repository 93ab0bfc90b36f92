package dialtone.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The meter on the simulated site: calls over LTE show up in the usage API, and survive a restart. */
class SimUsageIT {
    private static final Map<String, String> ENV = Map.of(
            "DIALTONE_INSTALLER_PASSWORD",
            AgentProcess.PASSWORD,
            "DIALTONE_USAGE_INTERVAL",
            "5s",
            "DIALTONE_USAGE_CAP",
            "1GB");

    @TempDir
    Path work;

    @Test
    void callsOverLteAreMeteredAndKeptAcrossARestart() throws Exception {
        long metered;
        try (AgentProcess agent = AgentProcess.start(work, ENV, "--sim", "--data-dir", "state")) {
            agent.awaitHealthy(Duration.ofSeconds(30));
            agent.login(AgentProcess.PASSWORD);
            Status.await(agent, "primary.state", "up");
            agent.request("POST", "/api/v1/sim/primary", "{\"state\":\"down\"}");
            Status.await(agent, "activeUplink", "lte");
            agent.request("POST", "/api/v1/sim/calls", "{\"active\":3}");
            Thread.sleep(12_000);
            agent.request("POST", "/api/v1/sim/calls", "{\"active\":0}");

            metered = awaitUsage(agent, 3L * 20_000 * 5); // at least 5 s of three G.711 calls
            Map<String, Object> usage =
                    Json.object(agent.request("GET", "/api/v1/usage", null).body());
            assertThat(((Number) usage.get("capBytes")).longValue()).isEqualTo(1_000_000_000L);
            assertThat((java.util.List<?>) usage.get("daily")).isNotEmpty();
            assertThat(((Number) Json.at(Status.get(agent), "usage.cycleBytes")).longValue())
                    .isGreaterThanOrEqualTo(metered);
            assertThat(agent.terminate()).isIn(0, 143);
        }
        try (AgentProcess again = AgentProcess.start(work, ENV, "--sim", "--data-dir", "state")) {
            again.awaitHealthy(Duration.ofSeconds(30));
            again.login(AgentProcess.PASSWORD);
            Map<String, Object> usage =
                    Json.object(again.request("GET", "/api/v1/usage", null).body());
            assertThat(((Number) usage.get("usedBytes")).longValue()).isGreaterThanOrEqualTo(metered);

            String corrected = again.request("POST", "/api/v1/usage/correction", "{\"carrierBytes\":500000000}")
                    .body();
            assertThat(corrected).contains("\"usedBytes\":500000000");
            var lower = again.request("POST", "/api/v1/usage/correction", "{\"carrierBytes\":400000000}");
            assertThat(lower.statusCode()).isEqualTo(400);
            assertThat(lower.body()).contains("carrierBytes", "500000000");
            assertThat(again.request("GET", "/api/v1/events", null).body()).contains("usage-threshold", "50%");
        }
    }

    private static long awaitUsage(AgentProcess agent, long atLeast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long used = 0;
        while (System.nanoTime() < deadline) {
            used = ((Number) Json.object(
                                    agent.request("GET", "/api/v1/usage", null).body())
                            .get("usedBytes"))
                    .longValue();
            if (used >= atLeast) {
                return used;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("usage stayed at " + used + " bytes");
    }
}
