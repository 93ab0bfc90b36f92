package dialtone.agent.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5));

    @Test
    void delaysDoubleUpToTheCapAndAreJittered() {
        assertThat(backoff.delay(0, () -> 0.0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(0, () -> 0.999)).isBetween(Duration.ofMillis(1990), Duration.ofSeconds(2));
        assertThat(backoff.delay(3, () -> 0.0)).isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.delay(20, () -> 0.999)).isBetween(Duration.ofSeconds(299), Duration.ofMinutes(5));
        assertThat(backoff.delay(1000, () -> 0.0)).isEqualTo(Duration.ofSeconds(150));
    }
}
