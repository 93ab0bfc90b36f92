package dialtone.agent.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dialtone.agent.e911.Location;
import dialtone.agent.e911.LocationService;
import dialtone.agent.events.Event;
import dialtone.agent.events.EventLog;
import dialtone.agent.store.Database;
import dialtone.agent.store.DatabaseException;
import dialtone.agent.store.Migrations;
import dialtone.agent.store.Settings;
import dialtone.agent.usage.Bytes;
import dialtone.agent.usage.UsageLedger;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reset on a real SQLite file: what is forgotten, what is kept, and nothing when it fails. */
class FactoryResetTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Map<String, String> ON_SITE = Map.of(
            "installer.password-hash", "pbkdf2$installer-set",
            "lte.settings", "{\"apn\":\"site.apn\"}",
            "failover.mode", "force-lte");

    @TempDir
    Path dir;

    private Database db;
    private Settings settings;
    private EventLog events;
    private UsageLedger ledger;
    private LocationService location;

    @BeforeEach
    void aBoxSetUpOnSite() {
        db = Database.open(dir.resolve("dialtone.db"), new Migrations(Migrations.PRODUCTION));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        settings = new Settings(db, clock);
        events = new EventLog(db, clock);
        ledger = new UsageLedger(db);
        location = new LocationService(db, events, clock);
        ON_SITE.forEach(settings::put);
        settings.put("modem.pin-tried", "digest-of-a-refused-pin");
        ledger.add(NOW.minusSeconds(7200), new Bytes(40_000_000, 2_000_000, 0));
        ledger.add(NOW, new Bytes(1_000, 500, 0));
        assertThat(location.register(springfield(), "installer", "web").done()).isTrue();
        db.write(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("INSERT INTO e911_fingerprint (id, confirmed_at, doc) VALUES (1, '" + NOW
                        + "', '{\"cell\":\"310-260-1a2b\"}')");
            }
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void forgetsWhatWasSetOnSiteAndKeepsTheLedgerAndTheLog() {
        int eventsBefore = events.page(null, 100).size();

        new FactoryReset(events).perform("button");

        ON_SITE.keySet().forEach(key -> assertThat(settings.get(key)).as(key).isEmpty());
        assertThat(settings.get("modem.pin-tried"))
                .as("the SIM's protection against a wrong PIN stays")
                .isPresent();
        assertThat(location.status()).isEqualTo(LocationService.Status.MISSING);
        assertThat(count("e911_fingerprint")).isZero();
        assertThat(ledger.between(NOW.minusSeconds(86_400), NOW.plusSeconds(3600))
                        .total())
                .isEqualTo(42_001_500);
        List<Event> log = events.page(null, 100);
        assertThat(log).hasSize(eventsBefore + 1);
        assertThat(log.getFirst().type()).isEqualTo("device-reset");
        assertThat(log.getFirst().facts()).containsEntry("by", "button");
    }

    @Test
    void aFailureHalfWayLeavesEverythingAsItWas() throws Exception {
        db.write(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("CREATE TRIGGER no_delete BEFORE DELETE ON e911_location "
                        + "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END");
            }
            return null;
        });
        int eventsBefore = events.page(null, 100).size();

        assertThatThrownBy(() -> new FactoryReset(events).perform("button"))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("disk I/O error");

        ON_SITE.forEach((key, value) -> assertThat(settings.get(key)).as(key).contains(value));
        assertThat(location.status()).isEqualTo(LocationService.Status.REGISTERED);
        assertThat(events.page(null, 100)).hasSize(eventsBefore);
    }

    private int count(String table) {
        return db.read(c -> {
            try (Statement s = c.createStatement();
                    var rows = s.executeQuery("SELECT count(*) FROM " + table)) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    static Location springfield() {
        return Location.of(Map.of(
                "houseNumber", "1234",
                "streetName", "Main",
                "streetSuffix", "Street",
                "city", "Springfield",
                "state", "IL",
                "zip", "62701",
                "callbackNumber", "(217) 555-0123"));
    }
}
