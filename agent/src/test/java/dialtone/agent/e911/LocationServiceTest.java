package dialtone.agent.e911;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.agent.events.Event;
import dialtone.agent.events.EventLog;
import dialtone.agent.store.Database;
import dialtone.agent.store.Migrations;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocationServiceTest {
    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    private Database db;
    private EventLog events;
    private LocationService service;
    private final List<Location> advertised = new ArrayList<>();

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("dialtone.db"), new Migrations(Migrations.PRODUCTION));
        events = new EventLog(db, clock);
        service = new LocationService(db, events, clock);
        service.onRegistered(advertised::add);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void statusWatchersHearTheStatusAndEveryChange() {
        List<LocationService.Status> heard = new ArrayList<>();
        service.onStatus(heard::add);
        service.register(Location.of(Addresses.springfield()), "installer", "web");
        service.suspectMove("moved");
        service.confirm("installer", "web");

        assertThat(heard)
                .containsExactly(
                        LocationService.Status.MISSING,
                        LocationService.Status.REGISTERED,
                        LocationService.Status.UNVERIFIED,
                        LocationService.Status.REGISTERED);
    }

    @Test
    void nothingSetIsMissing() {
        assertThat(service.status()).isEqualTo(LocationService.Status.MISSING);
        assertThat(service.confirm("installer", "web").problems()).containsKey("location");
    }

    @Test
    void aRegisteredLocationSurvivesARestartAndEveryChangeIsAudited() {
        service.register(Location.of(Addresses.springfield()), "installer", "web");
        Map<String, Object> moved = Addresses.springfield();
        moved.put("houseNumber", "1240");
        service.register(Location.of(moved), "ops@provider", "mqtt");

        db.close();
        db = Database.open(dir.resolve("dialtone.db"), new Migrations(Migrations.PRODUCTION));
        LocationService again = new LocationService(db, new EventLog(db, clock), clock);
        LocationService.View view = again.view();
        assertThat(view.status()).isEqualTo(LocationService.Status.REGISTERED);
        assertThat(view.registered().orElseThrow().location().houseNumber()).isEqualTo("1240");
        assertThat(view.registered().orElseThrow().version()).isEqualTo(2);

        List<Event> changes = new EventLog(db, clock)
                .page(null, 10).stream()
                        .filter(e -> e.type().equals("location-changed"))
                        .toList();
        assertThat(changes).hasSize(2);
        Event last = changes.getFirst();
        assertThat(last.facts()).containsEntry("by", "ops@provider").containsEntry("via", "mqtt");
        assertThat(last.facts().get("old").toString()).contains("houseNumber=1234");
        assertThat(last.facts().get("new").toString()).contains("houseNumber=1240");
        assertThat(advertised).hasSize(2);
    }

    @Test
    void aRefusedChangeChangesNothing() {
        service.register(Location.of(Addresses.springfield()), "installer", "web");

        LocationService.Change change = service.register(Addresses.springfield("zip", "PO BOX"), "installer", "web");

        assertThat(change.done()).isFalse();
        assertThat(change.problems()).containsKey("zip");
        assertThat(service.view().registered().orElseThrow().location().zip()).isEqualTo("62701");
        assertThat(advertised).hasSize(1);
    }

    @Test
    void aProposalWaitsForSomeoneOnSite() {
        service.register(Location.of(Addresses.springfield()), "installer", "web");
        service.propose(Addresses.springfield("suite", "STE 300"), "ops@provider", "mqtt");

        assertThat(service.view().registered().orElseThrow().location().suite()).isEmpty();
        assertThat(service.view().proposed()).isPresent();

        service.confirm("installer", "web");
        assertThat(service.view().registered().orElseThrow().location().suite()).isEqualTo("STE 300");
        assertThat(service.view().proposed()).isEmpty();
    }

    @Test
    void aSuspectedMoveMarksItUnverifiedUntilConfirmedAndNeverChangesTheAddress() {
        service.register(Location.of(Addresses.springfield()), "installer", "web");

        service.suspectMove("the LTE cell and the ISP's gateway both changed");
        assertThat(service.status()).isEqualTo(LocationService.Status.UNVERIFIED);
        assertThat(service.view().registered().orElseThrow().location().houseNumber())
                .isEqualTo("1234");

        service.confirm("installer", "web");
        assertThat(service.status()).isEqualTo(LocationService.Status.REGISTERED);
        assertThat(events.page(null, 20).stream().map(Event::type))
                .contains("location-unverified", "location-confirmed");
    }
}
