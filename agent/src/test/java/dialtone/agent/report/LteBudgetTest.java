package dialtone.agent.report;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.agent.store.Database;
import dialtone.agent.store.Migrations;
import dialtone.agent.store.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's own bytes over LTE: what is counted, what may go. */
class LteBudgetTest {
    @TempDir
    Path dir;

    private Database db;
    private Settings settings;
    private final AtomicBoolean onLte = new AtomicBoolean(false);
    private final AtomicReference<String> cycle = new AtomicReference<>("2026-11-01");

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("dialtone.db"), new Migrations(Migrations.PRODUCTION));
        settings = new Settings(db, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void onlyTrafficOverLteCountsAndANewCycleStartsAtZero() {
        LteMeter meter = meter();
        meter.message("dialtone/v1/dev/evt", 400);
        meter.connected(true);
        assertThat(meter.used()).isZero();

        onLte.set(true);
        meter.connected(true);
        meter.message("dialtone/v1/dev/evt", 400);
        long expected = LteMeter.CONNECT_TLS
                + "dialtone/v1/dev/evt".length()
                + 400
                + LteMeter.PUBLISH_OVERHEAD
                + LteMeter.PUBACK;
        assertThat(meter.used()).isEqualTo(expected);
        assertThat(meter().used()).as("kept across a restart").isEqualTo(expected);

        cycle.set("2026-12-01");
        assertThat(meter.used()).isZero();
    }

    @Test
    void keepalivesCostTheirShareOfTimeConnectedOverLte() {
        LteMeter meter = meter();
        onLte.set(true);
        for (int i = 0; i < 12 * 60; i++) { // an hour in five-second steps, keepalive 15 min
            meter.connectedFor(Duration.ofSeconds(5), Duration.ofMinutes(15));
        }
        assertThat(meter.used()).isEqualTo(4 * LteMeter.KEEPALIVE);
    }

    @Test
    void overLteDetailsWaitAndTheBudgetStopsWhatCanWait() {
        Duration now = Duration.ZERO;
        Duration later = LteBudget.STATE_EVERY_ON_LTE;
        assertThat(LteBudget.stateMayGo(false, false, now, true))
                .as("on the primary: free")
                .isTrue();
        assertThat(LteBudget.stateMayGo(true, true, now, true))
                .as("a failover always shows")
                .isTrue();
        assertThat(LteBudget.stateMayGo(true, false, now, false))
                .as("a detail waits")
                .isFalse();
        assertThat(LteBudget.stateMayGo(true, false, later, false)).isTrue();
        assertThat(LteBudget.stateMayGo(true, false, later, true))
                .as("budget spent")
                .isFalse();

        assertThat(LteBudget.telemetryMayGo(false, false, true, true)).isTrue();
        assertThat(LteBudget.telemetryMayGo(true, false, false, false))
                .as("not allowed on LTE")
                .isFalse();
        assertThat(LteBudget.telemetryMayGo(true, true, false, false)).isTrue();
        assertThat(LteBudget.telemetryMayGo(true, true, true, false)).isFalse();
        assertThat(LteBudget.telemetryMayGo(true, true, false, true))
                .as("the plan restricts")
                .isFalse();
    }

    @Test
    void telemetryWaitsInTheDatabaseCappedAndCounted() {
        TelemetryStore store = new TelemetryStore(settings);
        for (int i = 0; i < TelemetryStore.KEEP + 5; i++) {
            store.add(java.time.Instant.ofEpochSecond(i), "{\"t\":" + i + "}");
        }
        assertThat(store.dropped()).isEqualTo(5);
        assertThat(store.oldest(2)).extracting(TelemetryStore.Stored::json).containsExactly("{\"t\":5}", "{\"t\":6}");

        store.acknowledged(store.oldest(10).getLast().id());
        assertThat(store.oldest(1)).extracting(TelemetryStore.Stored::json).containsExactly("{\"t\":15}");
    }

    private LteMeter meter() {
        return new LteMeter(settings, cycle::get, onLte::get, 2_000_000);
    }
}
