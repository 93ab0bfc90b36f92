package dialtone.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged agent on the simulated site, its modem hanging and placed, as the installer and
 * the provider see it through the API: the status, the event log, the antenna mode.
 */
class SimModemIT {
    @TempDir
    Path work;

    @Test
    void aHungModemIsBroughtBackStepByStepAndEveryStepIsLogged() throws Exception {
        try (AgentProcess agent = AgentProcess.simulated(work, Map.of())) {
            Status.await(agent, "lte.state", "standby");

            agent.post("/api/v1/sim/modem", "{\"present\":true,\"fault\":\"hung\"}");
            Map<String, Object> silent = Status.await(agent, "lte.modem.stale", "modem: no answer within 5 s");
            assertThat(Json.at(silent, "lte.modem.imei"))
                    .as("the last known values stay")
                    .isEqualTo("861107032685597");
            agent.post("/api/v1/sim/clock", "{\"advanceSeconds\":40}"); // past the grace

            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (agent.events().stream().map(e -> e.get("type")).noneMatch("modem-recovered"::equals)) {
                assertThat(System.nanoTime()).as("recovered within 60 s").isLessThan(deadline);
                Thread.sleep(500);
            }
            List<Map<String, Object>> steps = agent.events().stream()
                    .filter(e -> e.get("type").equals("modem-recovery-step"))
                    .toList()
                    .reversed();
            assertThat(steps)
                    .extracting(e -> Json.at(e, "facts.step"))
                    .containsExactly("reconnect", "reset", "power_cycle");
            assertThat(Json.at(Status.get(agent), "lte.modem.stale")).isNull();
        }
    }

    @Test
    void antennaModeReadsTheSignalEverySecondWithAVerdict() throws Exception {
        try (AgentProcess agent = AgentProcess.simulated(work, Map.of())) {
            assertThat(agent.request("PUT", "/api/v1/modem/antenna", "{\"active\":true}")
                            .statusCode())
                    .isEqualTo(200);
            agent.post("/api/v1/sim/lte", "{\"signalBars\":2,\"registered\":true}");
            Thread.sleep(2_500);
            agent.post("/api/v1/sim/lte", "{\"signalBars\":4,\"registered\":true}");
            Thread.sleep(2_500);

            Map<String, Object> report = Json.object(
                    agent.request("GET", "/api/v1/modem/antenna", null).body());
            assertThat(report.get("active")).isEqualTo(true);
            assertThat((List<?>) report.get("readings")).hasSizeBetween(3, 8);
            assertThat(Json.at(report, "best.bars")).isEqualTo(4);
            assertThat(report.get("verdict")).isEqualTo("good for 11 simultaneous calls");
        }
    }
}
