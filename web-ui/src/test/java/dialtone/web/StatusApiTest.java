package dialtone.web;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.web.port.Status;
import java.util.Map;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.Test;

class StatusApiTest {

    @Test
    void healthNeedsNoLogin() throws Exception {
        try (LocalApi api = new LocalApi(Fixtures::status, null)) {
            HttpTester.Response response = api.get("/api/v1/health");

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getContent()).isEqualTo("{\"status\":\"ok\"}");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void statusCarriesEveryDocumentedFieldIncludingUnknownOnes() throws Exception {
        try (LocalApi api = new LocalApi(Fixtures::status, null)) {
            api.login(LocalApi.PASSWORD);

            Map<String, Object> status = api.json(api.get("/api/v1/status"));

            assertThat(status).containsEntry("activeUplink", "primary").containsEntry("mode", "auto");
            assertThat((Map<String, Object>) status.get("primary")).containsEntry("state", "up");
            Map<String, Object> lte = (Map<String, Object>) status.get("lte");
            assertThat(lte).containsEntry("state", "standby");
            assertThat((Map<String, Object>) lte.get("signal")).containsEntry("bars", 4);
            Map<String, Object> usage = (Map<String, Object>) status.get("usage");
            assertThat(((Number) usage.get("capBytes")).longValue()).isEqualTo(2_000_000_000L);
            assertThat(usage).containsKey("cycleBytes");
            assertThat(usage.get("cycleBytes")).as("unknown is null, not zero").isNull();
            assertThat((Map<String, Object>) status.get("e911")).containsEntry("status", "missing");
            assertThat((Map<String, Object>) status.get("mqtt")).containsEntry("connected", false);
        }
    }

    @Test
    void aFailingStatusSourceIsA500WithoutStackTrace() throws Exception {
        Status[] none = {};
        try (LocalApi api = new LocalApi(() -> none[0], null)) {
            api.login(LocalApi.PASSWORD);

            HttpTester.Response response = api.get("/api/v1/status");

            assertThat(response.getStatus()).isEqualTo(500);
            assertThat(response.getContent()).contains("\"error\":\"internal\"").doesNotContain("Exception");
        }
    }

    @Test
    void unknownApiPathsAndMethodsAreJsonErrors() throws Exception {
        try (LocalApi api = new LocalApi(Fixtures::status, null)) {
            api.login(LocalApi.PASSWORD);

            HttpTester.Response unknown = api.get("/api/v1/nothing-here");
            assertThat(unknown.getStatus()).isEqualTo(404);
            assertThat(api.json(unknown)).containsEntry("error", "not-found");

            HttpTester.Response wrongMethod = api.send("PUT", "/api/v1/health", "{}");
            assertThat(wrongMethod.getStatus()).isEqualTo(405);
            assertThat(api.json(wrongMethod)).containsEntry("error", "method-not-allowed");

            HttpTester.Response simOff = api.send("POST", "/api/v1/sim/primary", "{\"state\":\"down\"}");
            assertThat(simOff.getStatus()).as("no sim endpoints on a real box").isEqualTo(404);
        }
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        try (LocalApi api = new LocalApi(Fixtures::status, null)) {
            for (HttpTester.Response response : new HttpTester.Response[] {api.get("/"), api.get("/api/v1/health")}) {
                assertThat(response.get("Content-Security-Policy"))
                        .contains("default-src 'self'")
                        .contains("frame-ancestors 'none'")
                        .doesNotContain("unsafe-inline");
                assertThat(response.get("X-Content-Type-Options")).isEqualTo("nosniff");
                assertThat(response.get("X-Frame-Options")).isEqualTo("DENY");
                assertThat(response.get("Server")).isNull();
            }
        }
    }

    @Test
    void theDashboardIsServedFromTheJar() throws Exception {
        try (LocalApi api = new LocalApi(Fixtures::status, null)) {
            HttpTester.Response page = api.get("/");

            assertThat(page.getStatus()).isEqualTo(200);
            assertThat(page.get("Content-Type")).startsWith("text/html");
            assertThat(page.getContent()).contains("<script src=\"app.js\"").doesNotContain("http://", "https://");
            assertThat(api.get("/app.js").getStatus()).isEqualTo(200);
            assertThat(api.get("/app.css").getStatus()).isEqualTo(200);
        }
    }
}
