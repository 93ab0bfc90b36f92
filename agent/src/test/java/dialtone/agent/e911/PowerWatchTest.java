package dialtone.agent.e911;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.agent.events.Event;
import dialtone.agent.events.EventLog;
import dialtone.agent.runtime.LastExit;
import dialtone.agent.store.Database;
import dialtone.agent.store.Migrations;
import dialtone.agent.store.Settings;
import dialtone.hal.sim.SimClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PowerWatchTest {
    @TempDir
    Path dir;

    private final SimClock clock = new SimClock(Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC));
    private Database db;
    private Settings settings;
    private EventLog events;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("dialtone.db"), new Migrations(Migrations.PRODUCTION));
        settings = new Settings(db, clock);
        events = new EventLog(db, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anOrderlyStopAndAFirstStartAreNothingToReport() {
        PowerWatch first = watch("boot-1");
        first.start();
        first.stop();
        clock.advance(Duration.ofHours(3));
        watch("boot-2").start(); // an orderly reboot

        assertThat(types()).isEmpty();
    }

    @Test
    void aPowerCutIsReportedWithHowLongTheBoxWasOff() {
        watch("boot-1").start(); // then the power goes: no stop
        clock.advance(Duration.ofMinutes(47));
        watch("boot-2").start();

        Event loss = events.page(null, 10).getFirst();
        assertThat(loss.type()).isEqualTo("power-loss");
        assertThat(loss.facts()).containsEntry("offMinutes", 47);
        assertThat(loss.message()).contains("911");
    }

    @Test
    void aCrashOfTheAgentAloneIsNotAPowerCut() {
        watch("boot-1").start();
        clock.advance(Duration.ofSeconds(20));
        watch("boot-1").start();

        assertThat(types()).containsExactly("agent-crashed");
    }

    @Test
    void aHangEndedBySystemdsWatchdogIsToldApartFromACrash() {
        watch("boot-1").start();
        clock.advance(Duration.ofSeconds(45));
        new PowerWatch(
                        settings,
                        events,
                        clock,
                        () -> "boot-1",
                        () -> Optional.of(new LastExit("watchdog", "killed", "ABRT")))
                .start();

        Event hang = events.page(null, 10).getFirst();
        assertThat(hang.type()).isEqualTo("agent-hung");
        assertThat(hang.message()).contains("the watchdog restarted it");
        assertThat(hang.facts()).containsEntry("systemdResult", "watchdog");
    }

    private PowerWatch watch(String bootId) {
        return new PowerWatch(settings, events, clock, () -> bootId, Optional::empty);
    }

    private List<String> types() {
        return events.page(null, 10).stream().map(Event::type).toList();
    }
}
