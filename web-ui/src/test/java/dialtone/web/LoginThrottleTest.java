package dialtone.web;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.web.auth.LoginThrottle;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    /** Negative, as System.nanoTime may be: nothing may read it as a point in time. */
    private final AtomicLong nanos = new AtomicLong(-5_000_000_000_000L);

    private final LoginThrottle throttle = LoginThrottle.withDefaults(nanos::get);

    @Test
    void threeFailuresAreFreeThenTheWaitDoubles() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("192.0.2.7");
            assertThat(throttle.waitFor("192.0.2.7")).isEmpty();
        }

        throttle.failed("192.0.2.7");
        assertThat(throttle.waitFor("192.0.2.7")).contains(Duration.ofSeconds(1));
        advance(Duration.ofSeconds(1));
        throttle.failed("192.0.2.7");
        assertThat(throttle.waitFor("192.0.2.7")).contains(Duration.ofSeconds(2));
        advance(Duration.ofSeconds(2));
        throttle.failed("192.0.2.7");
        assertThat(throttle.waitFor("192.0.2.7")).contains(Duration.ofSeconds(4));
        assertThat(throttle.waitFor("192.0.2.8")).as("another client").isEmpty();
    }

    @Test
    void theWaitStopsAtFifteenMinutesAndIsForgottenAfterAnHourOfQuiet() {
        for (int i = 0; i < 40; i++) {
            throttle.failed("192.0.2.7");
        }
        assertThat(throttle.waitFor("192.0.2.7")).contains(Duration.ofMinutes(15));

        advance(Duration.ofMinutes(61));
        assertThat(throttle.waitFor("192.0.2.7")).isEmpty();
        throttle.failed("192.0.2.7");
        assertThat(throttle.waitFor("192.0.2.7")).as("counting starts again").isEmpty();
    }

    @Test
    void aRightPasswordClearsTheAddress() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("192.0.2.7");
        }
        advance(Duration.ofSeconds(1));

        throttle.succeeded("192.0.2.7");
        throttle.failed("192.0.2.7");

        assertThat(throttle.waitFor("192.0.2.7")).isEmpty();
    }

    @Test
    void manyAddressesTogetherAreSlowedDownForEveryone() {
        for (int i = 0; i < 30; i++) {
            throttle.failed("198.51.100." + i);
        }
        assertThat(throttle.waitFor("203.0.113.1")).isEmpty();

        throttle.failed("198.51.100.200");

        assertThat(throttle.waitFor("203.0.113.1")).contains(Duration.ofSeconds(1));
        for (int i = 0; i < 20; i++) {
            throttle.failed("198.51.100.201");
        }
        assertThat(throttle.waitFor("203.0.113.1"))
                .as("at most a minute for all")
                .contains(Duration.ofMinutes(1));
    }

    @Test
    void aFloodOfAddressesKeepsMemoryBounded() {
        for (int i = 0; i < 5_000; i++) {
            throttle.failed("2001:db8::" + Integer.toHexString(i));
            advance(Duration.ofMinutes(11));
        }

        assertThat(throttle.waitFor("2001:db8::1")).isEmpty();
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }
}
