package dialtone.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AntennaApiTest {
    private final LocalApi api = new LocalApi(Fixtures::status, null);

    AntennaApiTest() throws Exception {}

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void theInstallerTurnsItOnAndReadsTheSignal() throws Exception {
        api.login(LocalApi.PASSWORD);
        HttpTester.Response on = api.send("PUT", "/api/v1/modem/antenna", "{\"active\":true}");

        assertThat(on.getStatus()).isEqualTo(200);
        assertThat(api.antenna.active).isTrue();
        Map<String, Object> report = api.json(api.get("/api/v1/modem/antenna"));
        assertThat(report).containsEntry("active", true).containsEntry("verdict", "good for 5 simultaneous calls");
        @SuppressWarnings("unchecked")
        Map<String, Object> best = (Map<String, Object>) report.get("best");
        assertThat(best).containsEntry("bars", 3).containsEntry("calls", 5);

        api.send("PUT", "/api/v1/modem/antenna", "{\"active\":false}");
        assertThat(api.antenna.active).isFalse();
    }

    @Test
    void aBadBodyIsAFieldErrorAndChangesNothing() throws Exception {
        api.login(LocalApi.PASSWORD);
        HttpTester.Response response = api.send("PUT", "/api/v1/modem/antenna", "{\"active\":\"yes\",\"for\":3}");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(api.json(response))
                .containsEntry("fieldErrors", Map.of("active", "must be true or false", "for", "unknown field"));
        assertThat(api.antenna.active).isFalse();
    }

    @Test
    void itNeedsALogin() throws Exception {
        assertThat(api.get("/api/v1/modem/antenna").getStatus()).isEqualTo(401);
    }
}
