package dialtone.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/config} and {@code GET /api/v1/diagnostics}. */
class ConfigApiTest {
    private final LocalApi api = new LocalApi(Fixtures::status, null);

    ConfigApiTest() throws Exception {
        api.login(LocalApi.PASSWORD);
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void theEffectiveConfigurationIsReadWithItsSources() throws Exception {
        HttpTester.Response response = api.get("/api/v1/config");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(api.json(response))
                .containsEntry("keys", api.config.effective().get("keys"));
    }

    @Test
    void theConfigurationIsReadAndChangedOnlyAsAWholeResource() throws Exception {
        assertThat(api.send("POST", "/api/v1/config", "{}").getStatus()).isEqualTo(405);
        assertThat(api.send("DELETE", "/api/v1/config", null).getStatus()).isEqualTo(405);
        HttpTester.Response query = api.get("/api/v1/config?key=mqtt.password");
        assertThat(query.getStatus()).isEqualTo(400);
        assertThat(api.json(query)).containsEntry("error", "invalid");
    }

    @Test
    void theInstallersSettingsAreKeptAndTheAgentRestartsToApplyThem() throws Exception {
        HttpTester.Response response = api.send(
                "PUT",
                "/api/v1/config",
                "{\"set\": {\"sbc.hosts\": \"sbc1.example.net, sbc2.example.net\", \"usage.cycle-start-day\": 15,"
                        + " \"site.name\": \"Acme Dental – Zürich\"}, \"unset\": [\"uplink.primary.gateway\"]}");

        assertThat(response.getStatus()).as(response.getContent()).isEqualTo(202);
        assertThat(api.json(response)).containsEntry("version", 1).containsEntry("restarting", true);
        assertThat(api.config.lastSet)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "sbc.hosts", "sbc1.example.net, sbc2.example.net",
                        "usage.cycle-start-day", "15",
                        "site.name", "Acme Dental – Zürich"));
        assertThat(api.config.lastUnset).containsExactly("uplink.primary.gateway");
        assertThat(api.config.by).isEqualTo("installer (web)");
    }

    @Test
    void everyProblemIsReportedAtOnceUnderItsKeyAndNothingChanges() throws Exception {
        HttpTester.Response shape = api.send(
                "PUT",
                "/api/v1/config",
                "{\"set\": {\"mqtt.url\": \"tcp://x\", \"sbc.hosts\": [\"a\"]}, \"unset\": [\"device.id\"], \"extra\": 1}");
        assertThat(shape.getStatus()).isEqualTo(400);
        assertThat(api.json(shape).get("fieldErrors"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsOnlyKeys("mqtt.url", "sbc.hosts", "device.id", "extra")
                .containsEntry("mqtt.url", "not set on this page: the operations team sets it");

        HttpTester.Response invalid = api.send(
                "PUT", "/api/v1/config", "{\"set\": {\"sbc.hosts\": \"invalid\", \"usage.cap\": \"invalid\"}}");
        assertThat(invalid.getStatus()).isEqualTo(400);
        assertThat(api.json(invalid).get("fieldErrors"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsOnlyKeys("sbc.hosts", "usage.cap");
        assertThat(api.config.lastSet).as("nothing kept").isNull();

        for (String body :
                new String[] {"{\"set\": []}", "{\"unset\": \"sbc.hosts\"}", "[]", "{\"set\": {\"site.name\": null}}"
                }) {
            assertThat(api.send("PUT", "/api/v1/config", body).getStatus())
                    .as(body)
                    .isEqualTo(400);
        }
        HttpTester.Response nothing = api.send("PUT", "/api/v1/config", "{\"set\": {}}");
        assertThat(nothing.getStatus()).isEqualTo(200);
        assertThat(api.json(nothing)).containsEntry("restarting", false);
    }

    @Test
    void theDiagnosticsBundleHoldsEachPart() throws Exception {
        HttpTester.Response response = api.get("/api/v1/diagnostics");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.get("Content-Type")).isEqualTo("application/zip");
        assertThat(response.get("Content-Disposition")).contains("dialtone-diagnostics-dt-0001.zip");
        Map<String, String> files = unzip(response.getContentBytes());
        assertThat(files)
                .containsOnlyKeys(
                        "README.txt",
                        "status.json",
                        "config.json",
                        "usage.json",
                        "failover-test.json",
                        "events.json",
                        "agent.log");
        assertThat(files.get("agent.log")).isEqualTo(String.join("\n", api.log) + "\n");
        assertThat(files.get("config.json")).contains("\"mqtt.password\"").contains("****");
        assertThat(files.get("status.json")).contains("Acme Dental");
    }

    @Test
    void theDiagnosticsBundleNeedsASessionAndAGet() throws Exception {
        assertThat(api.send("POST", "/api/v1/diagnostics", null).getStatus()).isEqualTo(405);
        HttpTester.Response query = api.get("/api/v1/diagnostics?all=1");
        assertThat(query.getStatus()).isEqualTo(400);
        assertThat(query.get("Content-Type")).startsWith("application/json");
        try (LocalApi anonymous = new LocalApi(Fixtures::status, null)) {
            assertThat(anonymous.get("/api/v1/diagnostics").getStatus()).isEqualTo(401);
            assertThat(anonymous.get("/api/v1/config").getStatus()).isEqualTo(401);
        }
    }

    static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
