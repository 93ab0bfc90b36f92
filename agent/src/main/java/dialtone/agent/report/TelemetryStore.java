package dialtone.agent.report;

import dialtone.agent.store.Database;
import dialtone.agent.store.Settings;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Telemetry samples waiting for the broker, in SQLite: kept across restarts, sent oldest first,
 * deleted once acknowledged. At most {@link #KEEP} wait (five days of samples at one per five
 * minutes); beyond that the oldest go, counted. Events have their own, larger log: in an outage
 * telemetry is always dropped first.
 */
final class TelemetryStore {
    static final int KEEP = 1_440;
    static final String DROPPED = "mqtt.telemetry-dropped";

    /** A sample as stored: its row id and its JSON. */
    record Stored(long id, String json) {}

    private final Database database;
    private final Settings settings;

    TelemetryStore(Settings settings) {
        this.database = settings.database();
        this.settings = settings;
    }

    void add(Instant at, String sampleJson) {
        int dropped = database.write(c -> {
            try (PreparedStatement insert =
                            c.prepareStatement("INSERT INTO mqtt_telemetry (at, sample) VALUES (?, ?)");
                    PreparedStatement prune = c.prepareStatement(
                            "DELETE FROM mqtt_telemetry WHERE id <= (SELECT max(id) FROM mqtt_telemetry) - ?")) {
                insert.setString(1, at.toString());
                insert.setString(2, sampleJson);
                insert.executeUpdate();
                prune.setInt(1, KEEP);
                return prune.executeUpdate();
            }
        });
        if (dropped > 0) {
            settings.put(DROPPED, Long.toString(dropped() + dropped));
        }
    }

    /** Up to {@code limit} samples, oldest first. */
    List<Stored> oldest(int limit) {
        return database.read(c -> {
            try (PreparedStatement query =
                    c.prepareStatement("SELECT id, sample FROM mqtt_telemetry ORDER BY id LIMIT ?")) {
                query.setInt(1, limit);
                List<Stored> samples = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        samples.add(new Stored(rows.getLong(1), rows.getString(2)));
                    }
                }
                return samples;
            }
        });
    }

    /** The broker has everything up to {@code id}. */
    void acknowledged(long id) {
        database.write(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM mqtt_telemetry WHERE id <= ?")) {
                delete.setLong(1, id);
                return delete.executeUpdate();
            }
        });
    }

    /** Samples dropped unsent since the device's first start. */
    long dropped() {
        return settings.get(DROPPED).map(Long::parseLong).orElse(0L);
    }
}
