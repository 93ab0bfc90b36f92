package dialtone.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 911 location through the packaged agent's API, as the installer sets it, and after a restart. */
class SimLocationIT {
    private static final String ADDRESS = """
            {"houseNumber": "1234", "prefixDirectional": "North", "streetName": "Main", "streetSuffix": "Street",
             "city": "Springfield", "state": "IL", "zip": "62701", "floor": "2", "multiStorey": true,
             "locationNote": "<script>alert(1)</script> east entrance", "callbackNumber": "(217) 555-0123"}
            """;

    @TempDir
    Path work;

    @Test
    void theInstallerSetsTheLocationAndItIsKeptRegisteredAndOfferedAsPidfLo() throws Exception {
        try (AgentProcess agent = AgentProcess.simulated(work, Map.of())) {
            assertThat(Json.at(Status.get(agent), "e911.status")).isEqualTo("missing");

            HttpResponse<String> refused = agent.request("PUT", "/api/v1/location", "{\"zip\": \"PO BOX 5\"}");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("houseNumber", "streetName", "city", "state", "zip", "callbackNumber");

            HttpResponse<String> set = agent.request("PUT", "/api/v1/location", ADDRESS);
            assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
            Status.await(agent, "e911.status", "registered");
            agent.terminate();
        }
        try (AgentProcess again = AgentProcess.simulated(work, Map.of())) {
            Map<String, Object> location =
                    Json.object(again.request("GET", "/api/v1/location", null).body());
            assertThat(location.get("status")).isEqualTo("registered");
            assertThat(location.get("oneLine")).isEqualTo("1234 N MAIN ST, FLOOR 2, SPRINGFIELD, IL 62701");
            assertThat(Json.at(location, "location.callbackNumber")).isEqualTo("+12175550123");
            assertThat((String) location.get("pidfLo"))
                    .contains("<ca:RD>MAIN</ca:RD>")
                    .contains("&lt;script&gt;")
                    .doesNotContain("<script>");
            assertThat(again.events().stream().map(e -> e.get("type"))).contains("location-changed");
        }
    }
}
