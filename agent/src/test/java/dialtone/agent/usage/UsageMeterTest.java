package dialtone.agent.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dialtone.agent.config.AgentConfig;
import dialtone.agent.events.Event;
import dialtone.agent.events.EventLog;
import dialtone.agent.store.Database;
import dialtone.agent.store.Migrations;
import dialtone.hal.firewall.Counter;
import dialtone.hal.firewall.Firewall;
import dialtone.hal.firewall.Ruleset;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The meter on a manual clock, a scripted firewall and a real SQLite ledger on disk. */
class UsageMeterTest {
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final AgentConfig.Usage PLAN = new AgentConfig.Usage(
            1_000_000_000L,
            1,
            new BigDecimal("15.00"),
            List.of(50, 80, 100),
            CHICAGO,
            Duration.ofSeconds(30),
            "g711",
            "alert");

    @TempDir
    Path dir;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T18:00:00Z"));
    private final AtomicLong monotonicMs = new AtomicLong(1_000_000);
    private final AtomicBoolean trusted = new AtomicBoolean(true);
    private final AtomicBoolean primaryHealthy = new AtomicBoolean(false);
    private final ScriptedCounters counters = new ScriptedCounters();
    private Database db;
    private UsageLedger ledger;
    private EventLog events;
    private UsageMeter meter;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("dialtone.db"), new Migrations(Migrations.PRODUCTION));
        ledger = new UsageLedger(db);
        events = new EventLog(db, clock());
        meter = newMeter("boot-1");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
    }

    private UsageMeter newMeter(String bootId) {
        return new UsageMeter(
                PLAN,
                new UsageMeter.Ports(counters, trusted::get, primaryHealthy::get, monotonicMs::get, bootId),
                ledger,
                events,
                clock(),
                new CrossCheck(name -> java.util.Optional.empty(), "wwan0", monotonicMs::get));
    }

    private void pass(Duration time) {
        now.set(now.get().plus(time));
        monotonicMs.addAndGet(time.toMillis());
    }

    private void flow(long rx, long tx) {
        counters.next(rx, tx);
        meter.read();
    }

    private List<String> eventTypes() {
        return events.page(null, 100).reversed().stream().map(Event::type).toList();
    }

    @Test
    void bytesLandInTheHourTheyFlowedAndNothingIsWrittenWhileNothingFlows() {
        flow(0, 0);
        assertThat(ledger.hours(Instant.EPOCH, now.get().plusSeconds(3600))).isEmpty();

        flow(600_000, 400_000);
        pass(Duration.ofMinutes(59));
        flow(1_000, 0);
        pass(Duration.ofMinutes(2));
        flow(2_000, 0);

        assertThat(ledger.hours(Instant.EPOCH, now.get().plusSeconds(3600)))
                .containsExactly(
                        Map.entry(Instant.parse("2026-11-23T18:00:00Z"), 1_001_000L),
                        Map.entry(Instant.parse("2026-11-23T19:00:00Z"), 2_000L));
        assertThat(meter.summary().usedBytes()).isEqualTo(1_003_000L);
    }

    @Test
    void bytesCountedBeforeTheClockIsTrustedWaitThenLandWhereTheyFlowed() {
        trusted.set(false);
        now.set(Instant.parse("2025-01-01T00:00:00Z")); // a Pi without RTC boots with a stale time
        flow(5_000_000, 1_000_000);
        assertThat(ledger.hours(Instant.EPOCH, Instant.parse("2030-01-01T00:00:00Z")))
                .isEmpty();
        assertThat(meter.summary().pendingBytes()).isEqualTo(6_000_000L);

        pass(Duration.ofMinutes(90));
        now.set(Instant.parse("2026-11-23T18:30:00Z")); // NTP steps the clock forward by years
        trusted.set(true);
        flow(0, 0);

        assertThat(ledger.hours(Instant.EPOCH, Instant.parse("2030-01-01T00:00:00Z")))
                .as("placed 90 minutes before the trusted now")
                .containsExactly(Map.entry(Instant.parse("2026-11-23T17:00:00Z"), 6_000_000L));
        assertThat(meter.summary().pendingBytes()).isZero();
    }

    @Test
    void aClockThatJumpsBackwardsIsNotTrustedWithABillingMonth() {
        now.set(Instant.parse("2026-12-01T06:30:00Z")); // just into December in Chicago
        trusted.set(false);
        now.set(Instant.parse("2026-11-30T10:00:00Z")); // stale: back into November
        flow(7_000_000, 0);
        now.set(Instant.parse("2026-12-01T06:31:00Z"));
        trusted.set(true);
        flow(0, 0);

        assertThat(meter.summary().cycle().start().toLocalDate()).hasToString("2026-12-01");
        assertThat(meter.summary().usedBytes())
                .as("counted in December, when it flowed")
                .isEqualTo(7_000_000L);
    }

    @Test
    void pendingBytesFromAnEarlierBootArePlacedAtTheTrustedNow() {
        trusted.set(false);
        flow(3_000_000, 0);
        meter = newMeter("boot-2");
        monotonicMs.set(5_000); // a new boot: the monotonic clock restarted
        trusted.set(true);
        flow(0, 0);

        assertThat(ledger.hours(Instant.EPOCH, now.get().plusSeconds(3600)))
                .containsExactly(Map.entry(Instant.parse("2026-11-23T18:00:00Z"), 3_000_000L));
    }

    @Test
    void aRestartInTheMiddleOfTheCycleContinuesTheTotals() {
        flow(200_000_000, 100_000_000);
        meter = newMeter("boot-1");
        flow(1_000, 1_000);

        assertThat(meter.summary().usedBytes()).isEqualTo(300_002_000L);
    }

    @Test
    void eachThresholdIsAnnouncedOncePerCycleThenEveryFurtherGb() {
        flow(500_000_000, 0);
        flow(10, 0);
        flow(300_000_000, 0);
        flow(300_000_000, 0);
        flow(1_000_000_000, 0);

        assertThat(eventTypes()).filteredOn("usage-threshold"::equals).hasSize(4);
        assertThat(events.page(null, 10).stream()
                        .map(e -> e.facts().get("threshold"))
                        .toList())
                .contains("50%", "80%", "100%", "+1GB");
        assertThat(meter.summary().projectedOverageCost()).isGreaterThanOrEqualTo(new BigDecimal("15.00"));

        now.set(Instant.parse("2026-12-02T12:00:00Z")); // the next cycle
        flow(600_000_000, 0);
        assertThat(eventTypes()).filteredOn("usage-threshold"::equals).hasSize(5);
    }

    @Test
    void theCarriersFigureIsWhereTheMeterContinuesFrom() {
        flow(100_000_000, 0);

        UsageSummary corrected = meter.correct(120_000_000, "ops");
        assertThat(corrected.usedBytes()).isEqualTo(120_000_000L);

        flow(5_000_000, 0);
        assertThat(meter.summary().usedBytes()).isEqualTo(125_000_000L);
        assertThat(eventTypes()).contains("usage-corrected");
        assertThatThrownBy(() -> meter.correct(110_000_000, "ops"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("120000000");
    }

    @Test
    void trafficOnLteWhileThePrimaryIsHealthyIsReportedAfterTheGrace() {
        primaryHealthy.set(true);
        for (int i = 0; i < 9; i++) {
            flow(200_000, 200_000);
            pass(Duration.ofSeconds(30));
        }
        assertThat(eventTypes()).doesNotContain("lte-while-primary-healthy");
        for (int i = 0; i < 3; i++) {
            flow(200_000, 200_000);
            pass(Duration.ofSeconds(30));
        }
        assertThat(eventTypes()).containsOnlyOnce("lte-while-primary-healthy");
    }

    @Test
    void aCycleMostlyUsedWhileThePrimaryWasHealthyLooksLikePrimaryAccess() {
        primaryHealthy.set(true);
        flow(150_000_000, 10_000_000);

        assertThat(eventTypes()).containsOnlyOnce("backup-used-as-primary");
        flow(1_000, 0);
        assertThat(eventTypes()).containsOnlyOnce("backup-used-as-primary");
    }

    @Test
    void talkMinutesFollowTheCodec() {
        flow(500_000_000, 0);

        assertThat(meter.summary().minutesLeft()).as("G.711: 750 min per GB").isEqualTo(375L);
    }

    /** A firewall whose LTE counters report scripted deltas, as {@code nft reset counters} would. */
    static final class ScriptedCounters implements Firewall {
        private final Deque<Counter[]> script = new ArrayDeque<>();

        void next(long rx, long tx) {
            script.add(new Counter[] {new Counter(rx / 200, rx), new Counter(tx / 200, tx)});
        }

        @Override
        public void apply(Ruleset ruleset) {}

        @Override
        public Ruleset active() {
            return Ruleset.EMPTY;
        }

        @Override
        public LteBytes readAndResetLteBytes() {
            Counter[] next = script.isEmpty() ? new Counter[] {Counter.ZERO, Counter.ZERO} : script.poll();
            return new LteBytes(next[0], next[1]);
        }

        @Override
        public Map<String, Counter> ruleCounters() {
            return Map.of();
        }

        @Override
        public List<Blocked> recentlyBlocked() {
            return List.of();
        }

        @Override
        public void block(dialtone.hal.Uplink uplink, boolean blocked) {}
    }
}
