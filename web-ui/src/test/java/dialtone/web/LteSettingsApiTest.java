package dialtone.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LteSettingsApiTest {
    private final LocalApi api = new LocalApi(Fixtures::status, null);

    LteSettingsApiTest() throws Exception {
        api.login(LocalApi.PASSWORD);
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void theInstallerSetsTheApn() throws Exception {
        HttpTester.Response response = api.send("PUT", "/api/v1/modem/settings", "{\"apn\":\"voice.example\"}");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(api.json(response)).containsEntry("apn", "voice.example").containsEntry("simPinSet", false);
    }

    @Test
    void problemsAreFieldErrorsAndNothingIsSet() throws Exception {
        HttpTester.Response response = api.send("PUT", "/api/v1/modem/settings", "{\"apn\":\"voice example\"}");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(api.json(response)).containsEntry("fieldErrors", Map.of("apn", "must be an APN"));
        assertThat(api.lteSettings.last).isNull();
    }

    @Test
    void withoutTheCsrfTokenNothingChanges() throws Exception {
        HttpTester.Response response =
                api.send("PUT", "/api/v1/modem/settings", "{\"apn\":\"voice.example\"}", "application/json", null);

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(api.lteSettings.last).isNull();
    }
}
