package dialtone.web;

import dialtone.web.port.FailoverControls;
import dialtone.web.port.FailoverTestReport;
import dialtone.web.port.SimControls;
import dialtone.web.port.Status;
import dialtone.web.port.UsageView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

final class Fixtures {
    private Fixtures() {}

    static Status status() {
        return new Status(
                new Status.Site("Acme Dental", "dt-0001"),
                true,
                "primary",
                "auto",
                new Status.Failover("on-primary", "agent started", "2026-11-23T11:00:00Z", 0),
                new Status.Primary("up", 0.0, 12L, "2026-11-23T12:00:00Z"),
                new Status.Lte(
                        "standby",
                        new Status.Signal(4, -90.0, -10.0, 14.0),
                        "home",
                        "Simulated",
                        "lte",
                        new Status.Check("2026-11-23T11:01:00Z", true, 48L),
                        new Status.Modem(
                                "ready",
                                3,
                                "861107032685597",
                                "8901260882310000123",
                                "310260123456789",
                                "voice.example",
                                "100.64.0.2",
                                "01A2D30F",
                                "2B67",
                                null,
                                null,
                                null),
                        new Status.Antenna(11, "good for 11 simultaneous calls")),
                new Status.Usage(null, 2_000_000_000L, null, null, null),
                new Status.Policy(true, 2, java.util.Map.of("lte-blocked-web", 3L), List.of()),
                new Status.E911("missing"),
                new Status.Mqtt(false, null, null),
                new Status.Notify(true, 0, null, null));
    }

    /** A failover hold that remembers the mode and refuses a test while calls are "active". */
    static final class RecordingFailover implements FailoverControls {
        String mode = "auto";
        boolean callsActive;
        FailoverTestReport last;

        @Override
        public String mode() {
            return mode;
        }

        @Override
        public void setMode(String mode, String by) {
            this.mode = mode;
        }

        @Override
        public FailoverTestReport startTest() {
            if (callsActive) {
                throw new Refused(List.of("1 call(s) in progress"));
            }
            last = new FailoverTestReport(
                    "t1",
                    "running",
                    "cutting the Internet line",
                    "2026-11-23T12:00:00Z",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of());
            return last;
        }

        @Override
        public java.util.Optional<FailoverTestReport> latestTest() {
            return java.util.Optional.ofNullable(last);
        }
    }

    /** A location that refuses a ZIP that is not 5 digits and remembers what it registered. */
    static final class RecordingLocation implements dialtone.web.port.LocationControls {
        Map<String, Object> registered;

        @Override
        public LocationReport location() {
            return new LocationReport(
                    registered == null ? "missing" : "registered",
                    registered,
                    null,
                    registered == null ? null : 1,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }

        @Override
        public Outcome register(Map<String, Object> fields, String by) {
            if (!String.valueOf(fields.get("zip")).matches("[0-9]{5}")) {
                return new Outcome(location(), Map.of("zip", "must be 5 digits"));
            }
            registered = fields;
            return new Outcome(location(), Map.of());
        }

        @Override
        public Outcome confirm(String by) {
            return registered == null
                    ? new Outcome(location(), Map.of("location", "no 911 location is set"))
                    : new Outcome(location(), Map.of());
        }
    }

    /** Notifications with recipients or without; counts the tests asked for. */
    static final class RecordingNotify {
        List<String> recipients = List.of("office@acme.example");
        int tests;

        List<String> sendTest() {
            tests++;
            return recipients;
        }
    }

    /** LTE settings that refuse an APN with a space or an unknown field, and remember the rest. */
    static final class RecordingLteSettings implements dialtone.web.port.LteSettingsControls {
        Map<String, Object> last;

        @Override
        public LteSettingsReport settings() {
            return new LteSettingsReport(
                    last == null ? "" : (String) last.get("apn"), "", false, false, false, "config");
        }

        @Override
        public Map<String, String> update(Map<String, Object> fields, String by) {
            if (String.valueOf(fields.get("apn")).contains(" ")) {
                return Map.of("apn", "must be an APN");
            }
            for (String name : fields.keySet()) {
                if (!java.util.List.of("apn", "apnUser", "apnPassword", "roamingAllowed", "simPin")
                        .contains(name)) {
                    return Map.of(name, "unknown field");
                }
            }
            last = fields;
            return Map.of();
        }
    }

    /** The configuration: a fixed view; a change is kept unless a value is "invalid" (the agent's check). */
    static final class RecordingConfig implements dialtone.web.port.ConfigView {
        final Map<String, Object> effective;
        Map<String, String> lastSet;
        java.util.List<String> lastUnset;
        String by;
        long version;

        RecordingConfig(Map<String, Object> effective) {
            this.effective = effective;
        }

        @Override
        public Map<String, Object> effective() {
            return effective;
        }

        @Override
        public Change change(Map<String, String> set, java.util.List<String> unset, String by) {
            java.util.SortedMap<String, String> problems = new java.util.TreeMap<>();
            set.forEach((key, value) -> {
                if (value.equals("invalid")) {
                    problems.put(key, "is not valid here");
                }
            });
            if (!problems.isEmpty()) {
                return new Change(version, false, problems);
            }
            if (set.isEmpty() && unset.isEmpty()) {
                return new Change(version, false, Map.of());
            }
            lastSet = set;
            lastUnset = unset;
            this.by = by;
            return new Change(++version, true, Map.of());
        }
    }

    /** Antenna mode that remembers whether it is on, with one reading. */
    static final class RecordingAntenna implements dialtone.web.port.AntennaView {
        boolean active;

        @Override
        public AntennaReport report() {
            Reading reading = new Reading("2026-11-23T12:00:00Z", 3, -100.0, -11.0, 5.0, 5);
            return new AntennaReport(
                    active,
                    active ? "2026-11-23T12:10:00Z" : null,
                    List.of(reading),
                    reading,
                    "good for 5 simultaneous calls");
        }

        @Override
        public AntennaReport start() {
            active = true;
            return report();
        }

        @Override
        public AntennaReport stop() {
            active = false;
            return report();
        }
    }

    /** A meter at 120 MB that accepts carrier figures from 120 MB up. */
    static final class RecordingUsage implements UsageView {
        long used = 120_000_000;

        @Override
        public UsageReport usage() {
            return new UsageReport(
                    "2026-11-01T00:00-05:00",
                    "2026-12-01T00:00-06:00",
                    used,
                    1_000_000_000L,
                    used / 1e7,
                    400_000_000L,
                    0,
                    "0.00",
                    660,
                    "g711",
                    "alert",
                    false,
                    0,
                    List.of(new Amount("2026-11-23", used)),
                    List.of(new Amount("2026-11-23T18:00:00Z", used)));
        }

        @Override
        public UsageReport correct(long carrierBytes, String by) {
            if (carrierBytes < used) {
                throw new IllegalArgumentException("must not be below the carrier's earlier figure");
            }
            used = carrierBytes;
            return usage();
        }
    }

    /** Remembers what it was asked to do. */
    static final class RecordingSim implements SimControls {
        final List<String> calls = new ArrayList<>();

        @Override
        public SimState setPrimary(String state, int lossPercent) {
            calls.add("primary " + state + " " + lossPercent);
            return state();
        }

        @Override
        public SimState setLte(boolean registered, int signalBars) {
            calls.add("lte " + registered + " " + signalBars);
            return state();
        }

        @Override
        public SimState setModem(boolean present, String fault) {
            calls.add("modem " + present + " " + fault);
            return state();
        }

        @Override
        public SimState setActiveCalls(int active) {
            calls.add("calls " + active);
            return state();
        }

        @Override
        public SimState advanceClock(long seconds) {
            calls.add("clock " + seconds);
            return state();
        }

        @Override
        public SimState state() {
            return new SimState("up", 0, true, 4, true, "none", 0, "2026-11-23T12:00:00Z", 0);
        }
    }
}
