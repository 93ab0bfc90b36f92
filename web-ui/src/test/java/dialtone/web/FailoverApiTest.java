package dialtone.web;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.web.port.EventsView.EventItem;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FailoverApiTest {
    private final LocalApi api = new LocalApi(Fixtures::status, null);

    FailoverApiTest() throws Exception {
        api.login(LocalApi.PASSWORD);
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void theModeIsReadAndSet() throws Exception {
        assertThat(api.json(api.get("/api/v1/mode"))).containsEntry("mode", "auto");

        HttpTester.Response set = api.send("PUT", "/api/v1/mode", "{\"mode\":\"force-lte\"}");

        assertThat(set.getStatus()).isEqualTo(200);
        assertThat(api.failover.mode).isEqualTo("force-lte");
    }

    @Test
    void anUnknownModeIsAFieldErrorAndChangesNothing() throws Exception {
        HttpTester.Response response = api.send("PUT", "/api/v1/mode", "{\"mode\":\"lte\"}");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(api.json(response))
                .containsEntry("fieldErrors", Map.of("mode", "must be one of auto, force-lte, force-primary"));
        assertThat(api.failover.mode).isEqualTo("auto");
        assertThat(api.send("PUT", "/api/v1/mode", "{\"mode\":\"auto\"}", "application/json", null)
                        .getStatus())
                .as("CSRF token required")
                .isEqualTo(403);
    }

    @Test
    void theFailoverTestStartsAndIsReadBack() throws Exception {
        assertThat(api.get("/api/v1/failover-test").getStatus()).isEqualTo(404);

        HttpTester.Response started = api.send("POST", "/api/v1/failover-test", null);

        assertThat(started.getStatus()).isEqualTo(202);
        assertThat(api.json(started)).containsEntry("state", "running");
        assertThat(api.json(api.get("/api/v1/failover-test"))).containsEntry("id", "t1");
    }

    @Test
    void aRefusedTestSaysWhy() throws Exception {
        api.failover.callsActive = true;

        HttpTester.Response refused = api.send("POST", "/api/v1/failover-test", null);

        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(api.json(refused).get("message").toString()).contains("1 call(s) in progress");
    }

    @Test
    void eventsArePagedNewestFirst() throws Exception {
        for (long seq = 1; seq <= 5; seq++) {
            api.events.add(new EventItem(
                    seq,
                    "2026-11-23T12:00:0" + seq + "Z",
                    "failover",
                    "warning",
                    "moved " + seq,
                    Map.of("detectionMs", 1200)));
        }

        Map<String, Object> first = api.json(api.get("/api/v1/events?limit=2"));
        assertThat(seqs(first)).containsExactly(5L, 4L);
        assertThat(((Number) first.get("next")).longValue()).isEqualTo(4L);

        Map<String, Object> last = api.json(api.get("/api/v1/events?limit=10&before=2"));
        assertThat(seqs(last)).containsExactly(1L);
        assertThat(last.get("next")).isNull();
    }

    @Test
    void badPagingIsAFieldError() throws Exception {
        HttpTester.Response response = api.get("/api/v1/events?limit=0&before=x&colour=red");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(api.json(response))
                .extractingByKey("fieldErrors")
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsOnlyKeys("limit", "before", "colour");
    }

    @SuppressWarnings("unchecked")
    private static List<Long> seqs(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("events"))
                .stream().map(e -> ((Number) e.get("seq")).longValue()).toList();
    }
}
