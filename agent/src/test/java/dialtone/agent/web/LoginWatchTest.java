package dialtone.agent.web;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.agent.events.Event;
import dialtone.agent.events.EventLog;
import dialtone.agent.store.Database;
import dialtone.agent.store.Migrations;
import dialtone.hal.sim.SimClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginWatchTest {
    @TempDir
    Path dir;

    @Test
    void fiveWrongPasswordsInTenMinutesAreOneEventPerWindow() {
        SimClock clock = new SimClock(Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC));
        try (Database db = Database.open(dir.resolve("dialtone.db"), new Migrations(Migrations.PRODUCTION))) {
            EventLog events = new EventLog(db, clock);
            LoginWatch watch = new LoginWatch(events, clock);
            for (int i = 0; i < 4; i++) {
                watch.refused("198.18.50.66");
                clock.advance(Duration.ofMinutes(4)); // spread out: never five in ten minutes
            }
            assertThat(events.page(null, 10)).isEmpty();

            for (int i = 0; i < 12; i++) {
                watch.refused(i % 2 == 0 ? "198.18.50.66" : "198.18.50.67");
                clock.advance(Duration.ofSeconds(20));
            }
            List<Event> found = events.page(null, 10);
            assertThat(found).extracting(Event::type).containsExactly("login-failures");
            assertThat(found.getFirst().message()).contains("198.18.50.66", "198.18.50.67");
        }
    }
}
