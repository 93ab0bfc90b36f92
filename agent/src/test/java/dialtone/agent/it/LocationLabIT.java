package dialtone.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dialtone.agent.e911.Location;
import dialtone.agent.e911.LocationService;
import dialtone.agent.events.EventLog;
import dialtone.agent.lab.Lab;
import dialtone.agent.lab.LabAgent;
import dialtone.agent.lab.LabServices;
import dialtone.agent.store.Database;
import dialtone.agent.store.Migrations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The 911 location offered to the phones on a real LAN: lldpd in the router's namespace, driven by
 * the agent, and a phone's view of it from the LAN's namespace (another lldpd, receive-only).
 */
class LocationLabIT {
    private Lab lab;
    private Path dir;

    @BeforeEach
    void build() throws Exception {
        lab = Lab.up();
        dir = lab.tempDir("location");
    }

    @AfterEach
    void tearDown() {
        lab.close();
    }

    @Test
    void thePhonesSeeTheRegisteredLocationByLldpMed() throws Exception {
        register(dir.resolve("state"));
        // lldpd's unprivileged half must reach its socket: a folder it may traverse
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        Path sockets = Files.createDirectory(
                dir.resolve("lldp"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path router = sockets.resolve("rtr.sock");
        Path phone = sockets.resolve("lan.sock");
        lab.keep(LabServices.lldpd(lab, "rtr", dir, router, "eth1", "-M", "4"));
        lab.keep(LabServices.lldpd(lab, "lan", dir, phone, "eth0", "-M", "3", "-r"));
        lab.keep(LabAgent.start(lab, dir, "e911.lldp-socket = " + router, "site.name = Example Dental"));

        Map<String, Object> location = awaitLocation(phone);

        assertThat(location)
                .containsEntry("country", "US")
                .containsEntry("country-subdivision", "IL")
                .containsEntry("city", "SPRINGFIELD")
                .containsEntry("direction", "N")
                .containsEntry("street", "MAIN")
                .containsEntry("street-suffix", "ST")
                .containsEntry("number", "1234")
                .containsEntry("zip", "62701")
                .containsEntry("floor", "2")
                .containsEntry("unit", "SUITE 200")
                .containsEntry("name", "Example Dental");
    }

    /** The location registered as the installer's page does it, in the database the agent will open. */
    private static void register(Path state) throws Exception {
        Files.createDirectories(state);
        try (Database db = Database.open(state.resolve("dialtone.db"), new Migrations(Migrations.PRODUCTION))) {
            Clock clock = Clock.systemUTC();
            LocationService service = new LocationService(db, new EventLog(db, clock), clock);
            LocationService.Change change = service.register(
                    Location.of(Map.of(
                            "houseNumber", "1234",
                            "prefixDirectional", "N",
                            "streetName", "Main",
                            "streetSuffix", "St",
                            "floor", "2",
                            "suite", "Suite 200",
                            "city", "Springfield",
                            "state", "IL",
                            "zip", "62701",
                            "callbackNumber", "217-555-0123")),
                    "installer",
                    "web");
            assertThat(change.problems()).isEmpty();
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> awaitLocation(Path phone) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            String json =
                    lab.run("lan", "lldpcli", "-u", phone.toString(), "-f", "json", "show", "neighbors", "details");
            Object med = at(JSON.std.mapFrom(json), "lldp", "interface", "eth0", "lldp-med", "location");
            if (med instanceof Map<?, ?> location) {
                if (location.containsKey("street")) {
                    return (Map<String, Object>) location;
                }
                // lldpcli's JSON files the elements under the NAM element's value, when there is one
                for (var named : location.entrySet()) {
                    if (named.getValue() instanceof Map<?, ?> elements && elements.containsKey("street")) {
                        Map<String, Object> flat = new java.util.HashMap<>((Map<String, Object>) elements);
                        flat.put("name", named.getKey());
                        return flat;
                    }
                }
            }
            assertThat(System.nanoTime())
                    .as("the phone sees a location: %s", json)
                    .isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    private static Object at(Object node, String... path) {
        for (String key : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }
}
