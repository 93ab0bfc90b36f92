package dialtone.agent.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BillingCycleTest {
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    private static BillingCycle at(String localDateTime, int startDay) {
        return BillingCycle.containing(
                ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), CHICAGO)
                        .toInstant(),
                CHICAGO,
                startDay);
    }

    @ParameterizedTest
    @CsvSource({
        "2026-11-23T12:00, 1, 2026-11-01, 2026-12-01",
        "2026-11-30T23:59:59, 1, 2026-11-01, 2026-12-01",
        "2026-12-01T00:00, 1, 2026-12-01, 2027-01-01",
        "2026-11-23T12:00, 15, 2026-11-15, 2026-12-15",
        "2026-11-14T23:00, 15, 2026-10-15, 2026-11-15",
        // start day 31: the last day of shorter months
        "2027-02-10T08:00, 31, 2027-01-31, 2027-02-28",
        "2027-02-28T00:00, 31, 2027-02-28, 2027-03-31",
        "2028-02-29T12:00, 30, 2028-02-29, 2028-03-30",
        "2026-04-30T12:00, 31, 2026-04-30, 2026-05-31",
    })
    void cyclesRunFromLocalMidnightOfTheStartDay(String now, int startDay, String start, String end) {
        BillingCycle cycle = at(now, startDay);

        assertThat(cycle.start().toLocalDate()).hasToString(start);
        assertThat(cycle.end().toLocalDate()).hasToString(end);
        assertThat(cycle.start().toLocalTime()).hasToString("00:00");
    }

    @Test
    void aCycleAcrossTheSpringDstChangeIsAnHourShort() {
        BillingCycle march = at("2026-03-20T12:00", 1);

        assertThat(march.length()).isEqualTo(Duration.ofDays(31).minusHours(1));
        assertThat(at("2026-11-20T12:00", 1).length())
                .as("November gains it back")
                .isEqualTo(Duration.ofDays(30).plusHours(1));
    }

    @Test
    void containsIsHalfOpen() {
        BillingCycle november = at("2026-11-10T00:00", 1);

        assertThat(november.contains(november.startInstant())).isTrue();
        assertThat(november.contains(november.endInstant())).isFalse();
        assertThat(november.contains(november.endInstant().minusNanos(1))).isTrue();
        assertThat(november.startInstant()).isEqualTo(Instant.parse("2026-11-01T05:00:00Z")); // CDT ends Nov 1
    }
}
