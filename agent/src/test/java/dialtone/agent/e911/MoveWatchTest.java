package dialtone.agent.e911;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.agent.events.Event;
import dialtone.agent.events.EventLog;
import dialtone.agent.store.Database;
import dialtone.agent.store.Migrations;
import dialtone.hal.modem.ModemStatus;
import dialtone.hal.modem.ModemStatus.Bearer;
import dialtone.hal.modem.ModemStatus.CellId;
import dialtone.hal.modem.ModemStatus.Registration;
import dialtone.hal.modem.ModemStatus.SimCard;
import dialtone.hal.modem.Signal;
import dialtone.hal.sim.SimClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The move watch over days of simulated minutes, with the database it keeps its memory in. */
class MoveWatchTest {
    @TempDir
    Path dir;

    private final SimClock clock = new SimClock(Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC));
    private Database db;
    private EventLog events;
    private LocationService locations;
    private String cell = "01A2D30F";
    private String tac = "2B67";
    private String gatewayMac = "00:00:5e:00:53:aa";
    private Set<String> upstream = Set.of("sw-closet-1");

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("dialtone.db"), new Migrations(Migrations.PRODUCTION));
        events = new EventLog(db, clock);
        locations = new LocationService(db, events, clock);
        locations.register(Location.of(Addresses.springfield()), "installer", "web");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aFailoverIsNotAMoveButACarriedBoxIsAndSurvivesARestart() {
        minutes(watch(), 24 * 60 + 30); // a day of learning, half an hour of judging
        assertThat(locations.status()).isEqualTo(LocationService.Status.REGISTERED);

        gatewayMac = null; // the primary dies: failover
        upstream = Set.of();
        minutes(watch(), 60);
        assertThat(locations.status()).isEqualTo(LocationService.Status.REGISTERED);

        // powered off, carried to another building, powered on: a new agent, the same database
        cell = "02B00001";
        tac = "3C01";
        gatewayMac = "00:00:5e:00:53:bb";
        upstream = Set.of("sw-elsewhere");
        MoveWatch afterTheMove = watch();
        minutes(afterTheMove, 14);
        assertThat(locations.status())
                .as("not before 15 minutes of evidence")
                .isEqualTo(LocationService.Status.REGISTERED);
        minutes(afterTheMove, 12);
        assertThat(locations.status()).isEqualTo(LocationService.Status.UNVERIFIED);
        Event unverified = events.page(null, 50).stream()
                .filter(e -> e.type().equals("location-unverified"))
                .findFirst()
                .orElseThrow();
        assertThat(unverified.message()).contains("tracking area never seen", "other network equipment upstream");
        assertThat(locations.view().registered().orElseThrow().location().houseNumber())
                .isEqualTo("1234");
    }

    @Test
    void aConfirmationStartsLearningAfresh() {
        minutes(watch(), 24 * 60 + 5);
        cell = "02B00001";
        tac = "3C01";
        upstream = Set.of("sw-elsewhere");
        MoveWatch watch = watch();
        minutes(watch, 30);
        assertThat(locations.status()).isEqualTo(LocationService.Status.UNVERIFIED);

        locations.confirm("installer", "web"); // yes, we moved, and this is still the address
        minutes(watch, 24 * 60 + 30);
        assertThat(locations.status()).isEqualTo(LocationService.Status.REGISTERED);
    }

    private MoveWatch watch() {
        return new MoveWatch(
                locations,
                new MoveWatch.Ports(this::modem, () -> Optional.ofNullable(gatewayMac), () -> upstream),
                MoveWatch.Settings.DEFAULT,
                events,
                clock);
    }

    private ModemStatus modem() {
        return new ModemStatus(
                true,
                SimCard.UNKNOWN,
                Registration.HOME,
                null,
                "lte",
                Signal.UNKNOWN,
                new CellId(cell, tac),
                Bearer.DOWN,
                null,
                null);
    }

    private void minutes(MoveWatch watch, int count) {
        for (int i = 0; i < count; i++) {
            clock.advance(Duration.ofMinutes(1));
            watch.look();
        }
    }
}
