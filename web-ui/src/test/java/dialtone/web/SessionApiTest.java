package dialtone.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionApiTest {
    private final LocalApi api = new LocalApi(Fixtures::status, null);

    SessionApiTest() throws Exception {}

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void theRightPasswordOpensASessionWithAStrictCookieAndACsrfToken() throws Exception {
        HttpTester.Response response = api.login(LocalApi.PASSWORD);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(api.json(response)).containsOnlyKeys("csrfToken");
        assertThat(api.csrfToken()).hasSizeGreaterThan(40);
        assertThat(response.get("Set-Cookie"))
                .startsWith("dialtone_session=")
                .contains("HttpOnly")
                .contains("SameSite=Strict")
                .contains("Secure")
                .contains("Path=/");
        assertThat(api.get("/api/v1/status").getStatus()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordIs401AndOpensNothing() throws Exception {
        HttpTester.Response response = api.login("not the password");

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(api.json(response)).containsEntry("error", "wrong-password");
        assertThat(api.refusals).as("heard, for the login watch").hasSize(1);
        assertThat(response.get("Set-Cookie")).isNull();
        assertThat(api.get("/api/v1/status").getStatus()).isEqualTo(401);
    }

    @Test
    void aMissingBodyIs400() throws Exception {
        HttpTester.Response response = api.send("POST", "/api/v1/session", null, null, null);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(api.json(response)).containsEntry("error", "missing-body");
    }

    @Test
    void aMissingPasswordFieldIsAFieldError() throws Exception {
        HttpTester.Response response = api.send("POST", "/api/v1/session", "{}");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(api.json(response)).containsEntry("fieldErrors", Map.of("password", "required"));
    }

    @Test
    void everyProblemOfTheBodyIsReportedAtOnce() throws Exception {
        HttpTester.Response response = api.send("POST", "/api/v1/session", "{\"password\": 12, \"user\": \"x\"}");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(api.json(response))
                .containsEntry("fieldErrors", Map.of("password", "must be a string", "user", "unknown field"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"{", "[1,2]", "\"password\"", "null", "{\"password\": \"a\", \"password\": \"b\"}", "{'a':1}"})
    void malformedJsonIs400WithoutAStackTrace(String body) throws Exception {
        HttpTester.Response response = api.send("POST", "/api/v1/session", body);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContent()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(api.json(response)).containsKeys("error", "message", "fieldErrors");
    }

    @Test
    void invalidUtf8Is400() throws Exception {
        byte[] body = {'{', '"', 'p', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        HttpTester.Response response = api.sendRaw("POST", "/api/v1/session", body, "application/json", null);

        assertThat(response.getStatus()).isEqualTo(400);
    }

    @Test
    void anOversizedBodyIs413() throws Exception {
        String huge = "{\"password\": \"" + "x".repeat(70_000) + "\"}";
        HttpTester.Response response = api.send("POST", "/api/v1/session", huge);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(api.json(response)).containsEntry("error", "too-large");
    }

    @Test
    void aFormPostIsRefused() throws Exception {
        byte[] form = "password=x".getBytes(StandardCharsets.UTF_8);
        HttpTester.Response response =
                api.sendRaw("POST", "/api/v1/session", form, "application/x-www-form-urlencoded", null);

        assertThat(response.getStatus()).isEqualTo(415);
    }

    @Test
    void aDeviceWithoutPasswordSaysSo() throws Exception {
        api.credentials.hash.set(null);

        HttpTester.Response response = api.login(LocalApi.PASSWORD);

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(api.json(response)).containsEntry("error", "no-password");
    }

    @Test
    void logoutNeedsTheCsrfTokenAndEndsTheSession() throws Exception {
        api.login(LocalApi.PASSWORD);

        assertThat(api.send("DELETE", "/api/v1/session", null, null, null).getStatus())
                .isEqualTo(403);
        assertThat(api.send("DELETE", "/api/v1/session", null).getStatus()).isEqualTo(200);
        assertThat(api.get("/api/v1/status").getStatus()).isEqualTo(401);
    }

    @Test
    void anIdleSessionExpires() throws Exception {
        api.login(LocalApi.PASSWORD);
        api.nanos.addAndGet(Duration.ofMinutes(31).toNanos());

        HttpTester.Response response = api.get("/api/v1/status");

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(api.json(response)).containsEntry("error", "unauthorized");
    }

    @Test
    void theHashIsStoredNeverThePassword() {
        assertThat(api.credentials.hash.get()).startsWith("pbkdf2-sha256$").doesNotContain(LocalApi.PASSWORD);
    }
}
