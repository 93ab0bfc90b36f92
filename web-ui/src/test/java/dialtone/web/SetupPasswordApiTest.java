package dialtone.web;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.web.api.SetupPasswordHandler;
import java.util.Map;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SetupPasswordApiTest {
    private final LocalApi api = new LocalApi(Fixtures::status, null);

    SetupPasswordApiTest() throws Exception {
        api.credentials.hash.set(null); // a device fresh from the factory, not provisioned
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void aNewDeviceSaysSoSetsItsPasswordOnceAndThenLogsIn() throws Exception {
        assertThat(api.json(api.get("/api/v1/session"))).isEqualTo(Map.of("passwordSet", false, "loggedIn", false));

        HttpTester.Response set = api.send("POST", SetupPasswordHandler.PATH, "{\"password\": \"a good long one\"}");

        assertThat(set.getStatus()).as(set.getContent()).isEqualTo(201);
        assertThat(api.json(set)).isEqualTo(Map.of("passwordSet", true));
        assertThat(api.credentials.hash.get()).doesNotContain("a good long one");
        assertThat(api.login("a good long one").getStatus()).isEqualTo(200);
        assertThat(api.json(api.get("/api/v1/session"))).isEqualTo(Map.of("passwordSet", true, "loggedIn", true));
    }

    @Test
    void aPasswordAlreadySetIsNeverReplacedThisWay() throws Exception {
        api.send("POST", SetupPasswordHandler.PATH, "{\"password\": \"a good long one\"}");

        HttpTester.Response again =
                api.send("POST", SetupPasswordHandler.PATH, "{\"password\": \"an attacker's own\"}");

        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(api.json(again)).containsEntry("error", "password-already-set");
        assertThat(api.login("an attacker's own").getStatus()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "aaaaaaaaaaaa", "abababab1212", "Password123!", "12345678901", "tab\there ok"})
    void aWeakPasswordIsAFieldErrorAndSetsNothing(String weak) throws Exception {
        HttpTester.Response response =
                api.send("POST", SetupPasswordHandler.PATH, dialtone.web.json.Json.write(Map.of("password", weak)));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat((Map<String, Object>) api.json(response).get("fieldErrors")).containsOnlyKeys("password");
        assertThat(api.credentials.hash.get()).isNull();
    }

    @Test
    void notFromTheLan() throws Exception {
        api.from = "100.64.0.9"; // the LTE side's carrier-grade NAT

        HttpTester.Response response =
                api.send("POST", SetupPasswordHandler.PATH, "{\"password\": \"a good long one\"}");

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(api.json(response)).containsEntry("error", "not-from-lan");
        assertThat(api.credentials.hash.get()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1", "192.168.1.20", "10.0.0.5", "172.16.3.4", "fe80::1", "fd00::7"})
    void theLanMaySetIt(String address) {
        assertThat(SetupPasswordHandler.fromLan(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"100.64.0.9", "203.0.113.5", "2001:db8::1", "0.0.0.0", "", "example.com", "1.2.3.4 "})
    void theRestMayNot(String address) {
        assertThat(SetupPasswordHandler.fromLan(address)).isFalse();
    }
}
