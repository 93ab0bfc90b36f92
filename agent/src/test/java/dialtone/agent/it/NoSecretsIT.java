package dialtone.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged agent never sends a secret back: not the installer password, APN password or SIM PIN. */
class NoSecretsIT {
    private static final String APN_PASSWORD = "apn-secret-4711";
    private static final String SIM_PIN = "2468";

    @TempDir
    Path work;

    @Test
    void secretsGoInButNeverComeOut() throws Exception {
        try (AgentProcess agent = AgentProcess.simulated(work, Map.of())) {
            HttpResponse<String> set = agent.request(
                    "PUT",
                    "/api/v1/modem/settings",
                    "{\"apn\":\"internet\",\"apnUser\":\"u\",\"apnPassword\":\"" + APN_PASSWORD + "\",\"simPin\":\""
                            + SIM_PIN + "\"}");
            assertThat(set.statusCode()).as(set.body()).isEqualTo(200);

            for (String path : List.of(
                    "/api/v1/session",
                    "/api/v1/status",
                    "/api/v1/modem/settings",
                    "/api/v1/events?limit=200",
                    "/api/v1/location",
                    "/api/v1/usage",
                    "/api/v1/mode",
                    "/api/v1/modem/antenna")) {
                String body = agent.request("GET", path, null).body();
                assertThat(body)
                        .as(path)
                        .doesNotContain(APN_PASSWORD)
                        .doesNotContain("\"" + SIM_PIN + "\"")
                        .doesNotContain(AgentProcess.PASSWORD)
                        .doesNotContain("\"apnPassword\"")
                        .doesNotContain("\"simPin\"")
                        .doesNotContain("\"password\"")
                        .doesNotContainIgnoringCase("pbkdf2");
            }
            assertThat(agent.output()).doesNotContain(APN_PASSWORD).doesNotContain(AgentProcess.PASSWORD);
        }
    }
}
