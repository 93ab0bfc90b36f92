package dialtone.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimApiTest {
    private final Fixtures.RecordingSim sim = new Fixtures.RecordingSim();
    private final LocalApi api = new LocalApi(Fixtures::status, sim);

    SimApiTest() throws Exception {
        api.login(LocalApi.PASSWORD);
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void eachControlReachesTheSimulatedWorld() throws Exception {
        assertThat(api.send("POST", "/api/v1/sim/primary", "{\"state\":\"down\"}")
                        .getStatus())
                .isEqualTo(200);
        assertThat(api.send("POST", "/api/v1/sim/primary", "{\"state\":\"lossy\",\"lossPercent\":30}")
                        .getStatus())
                .isEqualTo(200);
        api.send("POST", "/api/v1/sim/lte", "{\"signalBars\":2,\"registered\":true}");
        api.send("POST", "/api/v1/sim/modem", "{\"present\":true,\"fault\":\"hung\"}");
        api.send("POST", "/api/v1/sim/calls", "{\"active\":3}");
        api.send("POST", "/api/v1/sim/clock", "{\"advanceSeconds\":-86400}");

        assertThat(sim.calls)
                .containsExactly(
                        "primary down 0",
                        "primary lossy 30",
                        "lte true 2",
                        "modem true hung",
                        "calls 3",
                        "clock -86400");
    }

    @Test
    void withoutTheCsrfTokenNothingChanges() throws Exception {
        HttpTester.Response response =
                api.send("POST", "/api/v1/sim/primary", "{\"state\":\"down\"}", "application/json", null);

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(api.json(response)).containsEntry("error", "csrf");
        assertThat(sim.calls).isEmpty();
    }

    @Test
    void badValuesAreFieldErrorsAndChangeNothing() throws Exception {
        HttpTester.Response response = api.send("POST", "/api/v1/sim/lte", "{\"signalBars\":9,\"registered\":\"yes\"}");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(api.json(response))
                .containsEntry(
                        "fieldErrors",
                        Map.of("signalBars", "must be between 0 and 5", "registered", "must be true or false"));
        HttpTester.Response state = api.send("POST", "/api/v1/sim/primary", "{\"state\":\"sideways\"}");
        assertThat(api.json(state)).containsEntry("fieldErrors", Map.of("state", "must be one of down, lossy, up"));
        HttpTester.Response modem = api.send("POST", "/api/v1/sim/modem", "{\"present\":true,\"fault\":\"on fire\"}");
        assertThat(api.json(modem))
                .containsEntry(
                        "fieldErrors",
                        Map.of("fault", "must be one of bearer-dropped, dead, hung, none, stuck-searching"));
        assertThat(sim.calls).isEmpty();
    }

    @Test
    void unknownControlsAre404() throws Exception {
        HttpTester.Response response = api.send("POST", "/api/v1/sim/weather", "{\"rain\":true}");

        assertThat(response.getStatus()).isEqualTo(404);
    }

    @Test
    void theStateCanBeRead() throws Exception {
        HttpTester.Response response = api.get("/api/v1/sim");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(api.json(response)).containsEntry("primary", "up").containsEntry("signalBars", 4);
    }
}
