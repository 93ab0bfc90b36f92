package dialtone.web;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.web.json.JsonBody;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route against every kind of bad input: the answer is always a JSON 4xx with an error code,
 * never a 5xx, never a stack trace, never an HTML page.
 */
class BadInputApiTest {
    /** Every route of the API, with the methods it answers. */
    static final List<String> ROUTES = List.of(
            "POST /api/v1/session",
            "DELETE /api/v1/session",
            "POST /api/v1/setup/password",
            "GET /api/v1/status",
            "GET /api/v1/mode",
            "PUT /api/v1/mode",
            "GET /api/v1/failover-test",
            "POST /api/v1/failover-test",
            "GET /api/v1/events",
            "GET /api/v1/usage",
            "POST /api/v1/usage/correction",
            "GET /api/v1/location",
            "PUT /api/v1/location",
            "POST /api/v1/location/confirm",
            "POST /api/v1/notify/test",
            "GET /api/v1/config",
            "PUT /api/v1/config",
            "GET /api/v1/diagnostics",
            "GET /api/v1/modem/settings",
            "PUT /api/v1/modem/settings",
            "GET /api/v1/modem/antenna",
            "PUT /api/v1/modem/antenna",
            "GET /api/v1/sim/state",
            "POST /api/v1/sim/primary",
            "POST /api/v1/sim/lte",
            "POST /api/v1/sim/modem",
            "POST /api/v1/sim/calls",
            "POST /api/v1/sim/clock");

    /** Routes open without a session (GET /health and GET /session answer 200 to anyone). */
    static final java.util.Set<String> PUBLIC = java.util.Set.of("POST /api/v1/session", "POST /api/v1/setup/password");

    private static final String LONG = "x".repeat(10_000);

    /** Bodies that no route may accept. */
    static final Map<String, String> BAD_BODIES = Map.ofEntries(
            Map.entry("truncated", "{\"a\": "),
            Map.entry("array", "[1, 2, 3]"),
            Map.entry("scalar", "42"),
            Map.entry("null", "null"),
            Map.entry("single quotes", "{'state': 'up'}"),
            Map.entry("trailing garbage", "{} {}"),
            Map.entry("unknown field", "{\"surprise\": true}"),
            Map.entry("duplicate field", "{\"mode\": \"auto\", \"mode\": \"auto\"}"),
            Map.entry("deep nesting", "[".repeat(5_000) + "]".repeat(5_000)),
            Map.entry("deep object", "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)),
            Map.entry("lone surrogate", "{\"surprise\": \"\\ud800\"}"),
            Map.entry("NUL", "{\"surprise\u0000\": \"a\\u0000b\"}"),
            Map.entry("RTL override", "{\"\u202Estate\": \"\u202Eup\"}"),
            Map.entry("very long key", "{\"" + LONG + "\": 1}"),
            Map.entry("huge number", "{\"surprise\": 1" + "0".repeat(2_000) + "}"),
            Map.entry("wrong types", "{\"mode\": [], \"state\": {}, \"active\": \"1\", \"password\": 1}"));

    private final LocalApi api = new LocalApi(Fixtures::status, new Fixtures.RecordingSim());

    BadInputApiTest() throws Exception {}

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    static Stream<Arguments> writesTimesBodies() {
        List<Arguments> cases = new ArrayList<>();
        for (String route : ROUTES) {
            if (!route.startsWith("GET") && !route.startsWith("DELETE")) {
                BAD_BODIES.forEach((name, body) -> cases.add(Arguments.of(route, name, body)));
            }
        }
        return cases.stream();
    }

    static Stream<String> routes() {
        return ROUTES.stream();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("writesTimesBodies")
    void aBadBodyIsAJson4xx(String route, String name, String body) throws Exception {
        api.login(LocalApi.PASSWORD);

        assertJson4xx(send(route, body.getBytes(StandardCharsets.UTF_8), "application/json", api.csrfToken()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void withoutASessionEveryRouteButLoginIs401(String route) throws Exception {
        HttpTester.Response response = send(route, "{}".getBytes(StandardCharsets.UTF_8), "application/json", null);

        assertJson4xx(response);
        if (!PUBLIC.contains(route)) {
            assertThat(response.getStatus()).isEqualTo(401);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void anExpiredSessionIs401(String route) throws Exception {
        api.login(LocalApi.PASSWORD);
        api.nanos.addAndGet(Duration.ofMinutes(31).toNanos());

        HttpTester.Response response =
                send(route, "{}".getBytes(StandardCharsets.UTF_8), "application/json", api.csrfToken());

        assertJson4xx(response);
        if (!PUBLIC.contains(route)) {
            assertThat(response.getStatus()).isEqualTo(401);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void aStateChangeWithoutOrWithAWrongCsrfTokenIs403(String route) throws Exception {
        if (route.startsWith("GET") || PUBLIC.contains(route)) {
            return;
        }
        api.login(LocalApi.PASSWORD);
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

        HttpTester.Response missing = send(route, body, "application/json", null);
        HttpTester.Response wrong = send(route, body, "application/json", api.csrfToken() + "x");

        assertThat(missing.getStatus()).isEqualTo(403);
        assertThat(wrong.getStatus()).isEqualTo(403);
        assertThat(api.json(missing)).containsEntry("error", "csrf");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void anOversizedBodyIs413(String route) throws Exception {
        if (route.startsWith("GET") || route.startsWith("DELETE")) {
            return;
        }
        api.login(LocalApi.PASSWORD);
        byte[] body = ("{\"surprise\": \"" + "y".repeat(JsonBody.MAX_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);

        HttpTester.Response response = send(route, body, "application/json", api.csrfToken());

        assertThat(response.getStatus()).isEqualTo(413);
        assertJson4xx(response);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void invalidUtf8AndWrongContentTypeAre4xx(String route) throws Exception {
        if (route.startsWith("GET") || route.startsWith("DELETE")) {
            return;
        }
        api.login(LocalApi.PASSWORD);
        byte[] invalid = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        assertJson4xx(send(route, invalid, "application/json", api.csrfToken()));
        assertJson4xx(send(
                route, "a=b".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded", api.csrfToken()));
        assertJson4xx(send(route, "{}".getBytes(StandardCharsets.UTF_8), "text/plain", api.csrfToken()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void otherMethodsAre405(String route) throws Exception {
        api.login(LocalApi.PASSWORD);
        String path = route.substring(route.indexOf(' ') + 1);
        for (String method : List.of("PATCH", "TRACE", "PROPFIND")) {
            HttpTester.Response response = send(method + " " + path, null, null, api.csrfToken());

            assertJson4xx(response);
        }
    }

    @Test
    void oddQueriesAndPathsAreJson4xx() throws Exception {
        api.login(LocalApi.PASSWORD);
        for (String path : List.of(
                "/api/v1/events?limit=abc",
                "/api/v1/events?limit=99999999999999999999999",
                "/api/v1/events?before=-1",
                "/api/v1/events?limit=%00",
                "/api/v1/events?limit=%E2%80%AE1",
                "/api/v1/events?limit=%ED%A0%80",
                "/api/v1/usage/" + LONG,
                "/api/v1/sim/%E2%80%AEclock",
                "/api/v1/nothing-here",
                "/api/v2/status",
                "/api/v1/status/..%2F..%2Fetc%2Fpasswd")) {
            assertJson4xx(api.get(path));
        }
    }

    @Test
    void deepNestingIsRefusedEvenOnTheAgentsSmallThreadStacks() throws Exception {
        java.util.concurrent.atomic.AtomicReference<Object> outcome =
                new java.util.concurrent.atomic.AtomicReference<>();
        String deep = "{\"a\":" + "[".repeat(3_000) + "]".repeat(3_000) + "}";
        Thread small = new Thread(
                null,
                () -> {
                    try {
                        outcome.set(dialtone.web.json.Json.readObject(deep));
                    } catch (Throwable t) {
                        outcome.set(t);
                    }
                },
                "small-stack",
                256 * 1024); // below the agent's -Xss512k
        small.start();
        small.join(10_000);

        assertThat(outcome.get())
                .isInstanceOfSatisfying(dialtone.web.json.ApiException.class, e -> assertThat(e.status())
                        .isEqualTo(400));
    }

    @Test
    void requestsNoBrowserWouldSendAreJson4xx() throws Exception {
        for (String request : List.of(
                "GET /api/v1/location/%00 HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /api/v1/status/%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
                "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n{}{}x",
                "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
                "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 99999999\r\n\r\n{}",
                "GET /api/v1/status HTTP/1.1\r\nHost: x\r\nCookie: dialtone_session=\u0000\r\n\r\n")) {
            HttpTester.Response response = api.raw(request);

            assertThat(response.getStatus()).as(request).isBetween(400, 499);
            assertThat(response.getContent())
                    .as(request)
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ");
        }
    }

    private HttpTester.Response send(String route, byte[] body, String contentType, String csrf) throws Exception {
        String method = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1);
        return api.sendRaw(method, path, body, contentType, csrf);
    }

    private void assertJson4xx(HttpTester.Response response) {
        String content = response.getContent();
        assertThat(response.getStatus()).as(content).isBetween(400, 499);
        assertThat(response.get("Content-Type")).as(content).startsWith("application/json");
        assertThat(api.json(response)).as(content).containsKey("error");
        assertThat(content).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at dialtone.");
    }
}
