package dialtone.web;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.web.port.EventsView.EventItem;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventsApiTest {
    private final LocalApi api = new LocalApi(Fixtures::status, null);

    EventsApiTest() throws Exception {
        api.login(LocalApi.PASSWORD);
        api.events.add(new EventItem(1, "2026-11-23T12:00:01Z", "uplink-switched", "warning", "Now on LTE", Map.of()));
        api.events.add(new EventItem(2, "2026-11-23T12:00:02Z", "login-failed", "warning", "Login failed", Map.of()));
        api.events.add(
                new EventItem(3, "2026-11-23T12:00:03Z", "uplink-switched", "info", "Back on primary", Map.of()));
        api.events.add(new EventItem(4, "2026-11-23T12:00:04Z", "modem-reset", "error", "Modem reset", Map.of()));
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void filtersNarrowThePage() throws Exception {
        assertThat(seqs(api.get("/api/v1/events?severity=warning"))).containsExactly(2L, 1L);
        assertThat(seqs(api.get("/api/v1/events?type=uplink-switched"))).containsExactly(3L, 1L);
        assertThat(seqs(api.get("/api/v1/events?text=lte"))).containsExactly(1L);
        assertThat(seqs(api.get("/api/v1/events?severity=&type=&text="))).containsExactly(4L, 3L, 2L, 1L);
    }

    @Test
    void filteredPagesCarryTheirNext() throws Exception {
        HttpTester.Response first = api.get("/api/v1/events?type=uplink-switched&limit=1");

        assertThat(seqs(first)).containsExactly(3L);
        assertThat(((Number) api.json(first).get("next")).longValue()).isEqualTo(3L);
        assertThat(seqs(api.get("/api/v1/events?type=uplink-switched&limit=1&before=3")))
                .containsExactly(1L);
    }

    @Test
    void badFiltersAreFieldErrorsAllAtOnce() throws Exception {
        String longText = "x".repeat(101);
        HttpTester.Response response =
                api.get("/api/v1/events?severity=panic&type=Not%20A%20Type&text=" + longText + "&limit=-1");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.get("Content-Type")).startsWith("application/json");
        assertThat(api.json(response))
                .extractingByKey("fieldErrors")
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsOnlyKeys("severity", "type", "text", "limit");
    }

    @Test
    void aRepeatedOrMalformedParameterIsA400NotA500() throws Exception {
        assertThat(api.get("/api/v1/events?severity=info&severity=error").getStatus())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/events?text=%E2%82").getStatus()).isBetween(400, 499);
        assertThat(api.get("/api/v1/events?text=%F0%9F%93%9E").getStatus()).isEqualTo(200);
        assertThat(api.get("/api/v1/events?before=99999999999999999999").getStatus())
                .isEqualTo(400);
    }

    @Test
    void eventsNeedASession() throws Exception {
        try (LocalApi anonymous = new LocalApi(Fixtures::status, null)) {
            assertThat(anonymous.get("/api/v1/events?severity=info").getStatus())
                    .isEqualTo(401);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Long> seqs(HttpTester.Response response) {
        assertThat(response.getStatus()).isEqualTo(200);
        return ((List<Map<String, Object>>) api.json(response).get("events"))
                .stream().map(e -> ((Number) e.get("seq")).longValue()).toList();
    }
}
