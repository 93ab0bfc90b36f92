package dialtone.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UsageApiTest {
    private final LocalApi api = new LocalApi(Fixtures::status, null);

    UsageApiTest() throws Exception {
        api.login(LocalApi.PASSWORD);
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void theMeterIsReadWithItsHistory() throws Exception {
        HttpTester.Response response = api.get("/api/v1/usage");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(api.json(response))
                .containsKeys(
                        "cycleStart",
                        "cycleEnd",
                        "usedBytes",
                        "capBytes",
                        "forecastBytes",
                        "projectedOverageCost",
                        "minutesLeft",
                        "daily",
                        "hourly");
    }

    @Test
    void aCarrierFigureContinuesTheMeter() throws Exception {
        HttpTester.Response response = api.send("POST", "/api/v1/usage/correction", "{\"carrierBytes\":150000000}");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(((Number) api.json(response).get("usedBytes")).longValue()).isEqualTo(150_000_000L);
    }

    @Test
    void aFigureBelowTheCarriersEarlierOneIsAFieldError() throws Exception {
        HttpTester.Response response = api.send("POST", "/api/v1/usage/correction", "{\"carrierBytes\":1000}");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(api.json(response))
                .containsEntry("fieldErrors", Map.of("carrierBytes", "must not be below the carrier's earlier figure"));
    }

    @Test
    void negativeOrNonNumericFiguresAreFieldErrors() throws Exception {
        assertThat(api.send("POST", "/api/v1/usage/correction", "{\"carrierBytes\":-5}")
                        .getStatus())
                .isEqualTo(400);
        assertThat(api.send("POST", "/api/v1/usage/correction", "{\"carrierBytes\":\"lots\"}")
                        .getStatus())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/usage/elsewhere").getStatus()).isEqualTo(404);
    }
}
