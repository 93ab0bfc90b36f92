package dialtone.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocationApiTest {
    private final LocalApi api = new LocalApi(Fixtures::status, null);

    LocationApiTest() throws Exception {
        api.login(LocalApi.PASSWORD);
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void theInstallerSetsTheLocationAndReadsItBack() throws Exception {
        assertThat(api.json(api.get("/api/v1/location"))).containsEntry("status", "missing");

        HttpTester.Response put = api.send(
                "PUT", "/api/v1/location", "{\"houseNumber\":\"1234\",\"zip\":\"62701\",\"multiStorey\":true}");

        assertThat(put.getStatus()).isEqualTo(200);
        assertThat(api.json(api.get("/api/v1/location"))).containsEntry("status", "registered");
        assertThat(api.location.registered).containsEntry("houseNumber", "1234").containsEntry("multiStorey", true);
        assertThat(api.send("POST", "/api/v1/location/confirm", null).getStatus())
                .isEqualTo(200);
    }

    @Test
    void wrongShapesAndUnknownFieldsAreFieldErrorsAndNothingIsSet() throws Exception {
        HttpTester.Response response = api.send(
                "PUT", "/api/v1/location", "{\"houseNumber\":1234,\"multiStorey\":\"yes\",\"planet\":\"Earth\"}");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(api.json(response))
                .containsEntry(
                        "fieldErrors",
                        Map.of(
                                "houseNumber", "must be a string",
                                "multiStorey", "must be true or false",
                                "planet", "unknown field"));
        assertThat(api.location.registered).isNull();
    }

    @Test
    void theServicesProblemsComeBackFieldByField() throws Exception {
        HttpTester.Response response = api.send("PUT", "/api/v1/location", "{\"zip\":\"6270\"}");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(api.json(response)).containsEntry("fieldErrors", Map.of("zip", "must be 5 digits"));
        assertThat(api.send("POST", "/api/v1/location/confirm", null).getStatus())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/location/elsewhere").getStatus()).isEqualTo(404);
    }
}
