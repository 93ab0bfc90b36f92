package dialtone.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged agent on the simulated site, failing over and back as a user sees it through the
 * API: the dashboard's status, the event log, the mode, the installer's failover test. A short hold
 * time (10 s) keeps it quick; the rules themselves are unit-tested with the shipped defaults.
 */
class SimFailoverIT {
    private static final Map<String, String> ENV = Map.of("DIALTONE_FAILOVER_HOLD_TIME", "10s");

    @TempDir
    Path work;

    @Test
    void aDeadLineMovesThePhonesToLteAndBackAfterTheHold() throws Exception {
        try (AgentProcess agent = AgentProcess.simulated(work, ENV)) {
            Status.await(agent, "primary.state", "up");

            agent.post("/api/v1/sim/primary", "{\"state\":\"down\"}");
            Map<String, Object> onLte = Status.await(agent, "activeUplink", "lte");
            assertThat(Json.at(onLte, "failover.phase")).isEqualTo("on-lte");
            assertThat(Json.at(onLte, "lte.state")).isEqualTo("active");
            assertThat((String) Json.at(onLte, "failover.reason")).startsWith("down");

            agent.post("/api/v1/sim/primary", "{\"state\":\"up\"}");
            Status.await(agent, "primary.state", "up");
            assertThat(Json.at(Status.get(agent), "activeUplink"))
                    .as("held on LTE")
                    .isEqualTo("lte");
            Status.await(agent, "activeUplink", "primary", Duration.ofSeconds(30));

            List<Map<String, Object>> events = agent.events();
            assertThat(events).extracting(e -> e.get("type")).containsSubsequence("failback", "failover");
            Map<String, Object> failover = events.stream()
                    .filter(e -> e.get("type").equals("failover"))
                    .findFirst()
                    .orElseThrow();
            assertThat(((Number) Json.at(failover, "facts.detectionMs")).longValue())
                    .isBetween(100L, 10_000L);
        }
    }

    @Test
    void aForcedModeHoldsAndSurvivesARestart() throws Exception {
        try (AgentProcess agent = AgentProcess.simulated(work, ENV)) {
            Status.await(agent, "primary.state", "up");
            assertThat(agent.request("PUT", "/api/v1/mode", "{\"mode\":\"force-lte\"}")
                            .statusCode())
                    .isEqualTo(200);
            Status.await(agent, "activeUplink", "lte");
            agent.terminate();
        }
        try (AgentProcess again = AgentProcess.simulated(work, ENV)) {
            Map<String, Object> status = Status.await(again, "mode", "force-lte");
            assertThat(Json.at(status, "activeUplink")).isEqualTo("lte");
        }
    }

    @Test
    void theInstallersFailoverTestPassesOnAHealthySite() throws Exception {
        try (AgentProcess agent = AgentProcess.simulated(work, ENV)) {
            Status.await(agent, "lte.state", "standby");
            Status.await(agent, "primary.state", "up");
            agent.post("/api/v1/sim/calls", "{\"active\":1}");
            Status.await(agent, "failover.activeCalls", 1);
            HttpResponse<String> refused = agent.request("POST", "/api/v1/failover-test", null);
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.body()).contains("call(s) in progress");
            agent.post("/api/v1/sim/calls", "{\"active\":0}");
            Status.await(agent, "failover.activeCalls", 0);

            HttpResponse<String> started = agent.request("POST", "/api/v1/failover-test", null);
            assertThat(started.statusCode()).isEqualTo(202);
            Map<String, Object> result = awaitTest(agent);

            assertThat(result.get("state"))
                    .as("problems: %s", result.get("problems"))
                    .isEqualTo("passed");
            assertThat(((Number) result.get("detectionMs")).longValue()).isBetween(100L, 30_000L);
            assertThat(result.get("sbcViaLte")).isEqualTo(true);
            assertThat(result.get("signalBars")).isEqualTo(4);
            assertThat(((Number) result.get("failbackMs")).longValue()).isGreaterThanOrEqualTo(10_000L);
            assertThat(Json.at(Status.get(agent), "activeUplink")).isEqualTo("primary");
        }
    }

    private static Map<String, Object> awaitTest(AgentProcess agent) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> result = Json.object(
                    agent.request("GET", "/api/v1/failover-test", null).body());
            if (!"running".equals(result.get("state"))) {
                return result;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("failover test still running after 90 s");
    }
}
