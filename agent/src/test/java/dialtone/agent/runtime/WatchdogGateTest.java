package dialtone.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.agent.events.Event;
import dialtone.agent.events.EventLog;
import dialtone.agent.store.Database;
import dialtone.agent.store.Migrations;
import dialtone.hal.linux.SystemdNotify;
import dialtone.hal.sys.Watchdog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchdogGateTest {
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    private Database db;
    private EventLog events;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("dialtone.db"), new Migrations(Migrations.PRODUCTION));
        events = new EventLog(db, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aLoopIsStalledOnlyOnceSilentForLongerThanItsLimit() {
        AtomicLong failoverRound = new AtomicLong(100 * SECOND);
        List<WatchdogGate.Loop> loops = List.of(
                new WatchdogGate.Loop("failover decisions", failoverRound::get, Duration.ofSeconds(15)),
                new WatchdogGate.Loop("modem reads", () -> 100 * SECOND, Duration.ofSeconds(60)));

        assertThat(WatchdogGate.stalls(loops, 115 * SECOND)).isEmpty();
        assertThat(WatchdogGate.stalls(loops, 116 * SECOND))
                .extracting(stall -> stall.loop().name())
                .containsExactly("failover decisions");
        failoverRound.set(150 * SECOND);
        assertThat(WatchdogGate.stalls(loops, 161 * SECOND))
                .extracting(stall -> stall.loop().name())
                .containsExactly("modem reads");
    }

    @Test
    void aHealthyAgentKeepsPettingTheSystemdWatchdog() throws Exception {
        try (FakeNotifySocket systemd = FakeNotifySocket.open(dir)) {
            Watchdog watchdog = SystemdNotify.fromEnvironment(systemd.environment(Duration.ofMillis(300)), 1);
            WatchdogGate gate = new WatchdogGate(
                    watchdog,
                    List.of(new WatchdogGate.Loop("failover decisions", System::nanoTime, Duration.ofSeconds(1))),
                    events,
                    System::nanoTime);
            gate.start();
            try {
                systemd.await(m -> systemd.count("WATCHDOG=1") >= 5, Duration.ofSeconds(10));
            } finally {
                gate.stop();
            }
            assertThat(systemd.received()).allMatch("WATCHDOG=1"::equals);
            assertThat(events.page(null, 10)).isEmpty();
        }
    }

    @Test
    void aStuckCriticalLoopStopsThePettingSaysWhyAndAResumedOneRestartsIt() throws Exception {
        long frozenAt = System.nanoTime();
        AtomicBoolean modemStuck = new AtomicBoolean(true);
        Progress modem = () -> modemStuck.get() ? frozenAt : System.nanoTime();
        try (FakeNotifySocket systemd = FakeNotifySocket.open(dir)) {
            Watchdog watchdog = SystemdNotify.fromEnvironment(systemd.environment(Duration.ofMillis(300)), 1);
            WatchdogGate gate = new WatchdogGate(
                    watchdog,
                    List.of(
                            new WatchdogGate.Loop("failover decisions", System::nanoTime, Duration.ofSeconds(1)),
                            new WatchdogGate.Loop("modem reads", modem, Duration.ofMillis(500))),
                    events,
                    System::nanoTime);
            gate.start();
            try {
                String status = systemd.await(m -> m.startsWith("STATUS=stalled"), Duration.ofSeconds(10));
                int atStall = systemd.received().size();
                Thread.sleep(1000); // three pets' worth of time: none may come
                List<String> after =
                        systemd.received().subList(atStall, systemd.received().size());

                assertThat(status).contains("modem reads");
                assertThat(after).doesNotContain("WATCHDOG=1");
                Event stall = events.page(null, 10).getFirst();
                assertThat(stall.type()).isEqualTo("watchdog-stall");
                assertThat(stall.message()).contains("modem reads").contains("restarts the agent");

                modemStuck.set(false);
                systemd.await(m -> m.equals("STATUS=serving"), Duration.ofSeconds(5));
                int atResume = systemd.received().size();
                systemd.await(m -> systemd.received().size() > atResume + 1, Duration.ofSeconds(5));
                assertThat(systemd.received()
                                .subList(atResume, systemd.received().size()))
                        .contains("WATCHDOG=1");
            } finally {
                gate.stop();
            }
            assertThat(events.page(null, 10)).hasSize(1); // one report per stall, not one per check
        }
    }
}
