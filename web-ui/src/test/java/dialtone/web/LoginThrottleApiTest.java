package dialtone.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoginThrottleApiTest {
    private final LocalApi api = new LocalApi(Fixtures::status, null);

    LoginThrottleApiTest() throws Exception {}

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void repeatedWrongPasswordsAre429WithRetryAfterEvenForTheRightOne() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThat(api.login("guess " + i).getStatus()).isEqualTo(401);
        }

        HttpTester.Response refused = api.login(LocalApi.PASSWORD);

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.get("Retry-After")).isEqualTo("1");
        assertThat(api.json(refused)).containsEntry("error", "too-many-attempts");
        assertThat(api.refusals).as("still heard by the login watch").hasSize(5);

        api.nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(api.login(LocalApi.PASSWORD).getStatus()).isEqualTo(200);
    }

    @Test
    void aSessionEndsAfterTwelveHoursEvenWhenUsedAllAlong() throws Exception {
        api.login(LocalApi.PASSWORD);
        for (int i = 0; i < 35; i++) {
            api.nanos.addAndGet(Duration.ofMinutes(20).toNanos());
            assertThat(api.get("/api/v1/status").getStatus())
                    .as("after %d minutes", 20 * (i + 1))
                    .isEqualTo(200);
        }

        api.nanos.addAndGet(Duration.ofMinutes(21).toNanos());

        assertThat(api.get("/api/v1/status").getStatus()).isEqualTo(401);
    }
}
