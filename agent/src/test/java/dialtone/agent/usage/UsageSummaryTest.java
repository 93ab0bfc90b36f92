package dialtone.agent.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.agent.config.AgentConfig;
import dialtone.agent.usage.UsageLedger.Correction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UsageSummaryTest {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final AgentConfig.Usage PLAN = new AgentConfig.Usage(
            2_000_000_000L,
            1,
            new BigDecimal("15.00"),
            List.of(50, 80, 100),
            UTC,
            Duration.ofSeconds(30),
            "g711",
            "restrict");
    private static final Instant MID_NOVEMBER = Instant.parse("2026-11-16T00:00:00Z");
    private static final BillingCycle NOVEMBER = BillingCycle.containing(MID_NOVEMBER, UTC, 1);

    private static UsageSummary summary(long metered, long recent, Duration span, Optional<Correction> correction) {
        return UsageSummary.of(
                PLAN,
                NOVEMBER,
                new UsageSummary.Figures(new Bytes(metered, 0, 0), correction, 0, recent, span),
                MID_NOVEMBER);
    }

    @Test
    void theForecastExtendsTheRecentDailyRateToTheEndOfTheCycle() {
        UsageSummary s = summary(1_500_000_000L, 1_500_000_000L, Duration.ofDays(15), Optional.empty());

        assertThat(s.forecastBytes()).isEqualTo(3_000_000_000L); // 100 MB a day for 15 more days
        assertThat(s.projectedOverageGb()).isEqualTo(1);
        assertThat(s.projectedOverageCost()).isEqualByComparingTo("15.00");
        assertThat(s.percent()).isEqualTo(75.0);
    }

    @Test
    void aFreshOutageIsNotExtrapolatedFromMinutes() {
        UsageSummary s = summary(50_000_000L, 50_000_000L, Duration.ofMinutes(10), Optional.empty());

        assertThat(s.forecastBytes()).as("at least a day of history is assumed").isEqualTo(800_000_000L);
    }

    @Test
    void talkMinutesLeftAreTheCapLeftAtTheCodecsRate() {
        assertThat(summary(500_000_000L, 0, Duration.ZERO, Optional.empty()).minutesLeft())
                .isEqualTo(1_125);
        assertThat(summary(2_500_000_000L, 0, Duration.ZERO, Optional.empty()).minutesLeft())
                .isZero();
        assertThat(UsageSummary.minutesPerGb("g729")).isGreaterThan(UsageSummary.minutesPerGb("opus"));
    }

    @Test
    void aCarrierCorrectionIsTheNewStartingPoint() {
        Correction carrier = new Correction(MID_NOVEMBER.minusSeconds(3600), 900_000_000L, 800_000_000L, "ops");

        assertThat(summary(850_000_000L, 0, Duration.ZERO, Optional.of(carrier)).usedBytes())
                .isEqualTo(950_000_000L);
    }

    @Test
    void atTheCapARestrictingPlanRestricts() {
        assertThat(summary(1_999_999_999L, 0, Duration.ZERO, Optional.empty()).restricted())
                .isFalse();
        assertThat(summary(2_000_000_000L, 0, Duration.ZERO, Optional.empty()).restricted())
                .isTrue();
    }

    @Test
    void noticesAreTheThresholdsThenEveryFurtherGb() {
        assertThat(UsageSummary.noticesReached(PLAN, 999_999_999L)).isEmpty();
        assertThat(UsageSummary.noticesReached(PLAN, 1_000_000_000L)).containsExactly("50%");
        assertThat(UsageSummary.noticesReached(PLAN, 4_100_000_000L))
                .containsExactly("50%", "80%", "100%", "+1GB", "+2GB");
    }
}
