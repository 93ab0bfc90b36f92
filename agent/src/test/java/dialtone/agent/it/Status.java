package dialtone.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Reads {@code /api/v1/status} and waits for a field to take a value. */
final class Status {
    private Status() {}

    static Map<String, Object> get(AgentProcess agent) throws Exception {
        HttpResponse<String> response = agent.request("GET", "/api/v1/status", null);
        assertThat(response.statusCode()).isEqualTo(200);
        return Json.object(response.body());
    }

    static Map<String, Object> await(AgentProcess agent, String path, Object expected) throws Exception {
        return await(agent, path, expected, Duration.ofSeconds(15));
    }

    static Map<String, Object> await(AgentProcess agent, String path, Object expected, Duration limit)
            throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        Map<String, Object> status = Map.of();
        while (System.nanoTime() < deadline) {
            status = get(agent);
            if (expected.equals(Json.at(status, path))) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " never became " + expected + " within " + limit + "; last status " + status);
    }
}
