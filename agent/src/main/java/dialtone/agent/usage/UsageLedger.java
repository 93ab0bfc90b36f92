package dialtone.agent.usage;

import dialtone.agent.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The LTE usage ledger in SQLite: bytes per UTC hour, bytes waiting for a trusted clock, the
 * carrier's corrections, and the once-per-cycle notices already given. Each write is one
 * transaction, so a crash or power cut keeps the ledger whole.
 */
public final class UsageLedger {

    /** Bytes counted while the clock was untrusted, with the monotonic time they were counted at. */
    public record Pending(long id, String bootId, long monotonicMs, Bytes bytes) {}

    /** The carrier's figure for a cycle, and what we had metered when it was entered. */
    public record Correction(Instant at, long carrierBytes, long meteredBytes, String by) {}

    private final Database database;

    public UsageLedger(Database database) {
        this.database = database;
    }

    public static Instant hourOf(Instant at) {
        return at.truncatedTo(ChronoUnit.HOURS);
    }

    /** The first hour not in [from, to): keys are compared as whole-hour ISO text. */
    private static Instant upper(Instant to) {
        Instant hour = hourOf(to);
        return hour.equals(to) ? to : hour.plus(1, ChronoUnit.HOURS);
    }

    public void add(Instant at, Bytes bytes) {
        database.write(c -> addTo(c, hourOf(at), bytes));
    }

    public void addPending(String bootId, long monotonicMs, Bytes bytes) {
        database.write(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO usage_pending (boot_id, monotonic_ms, rx, "
                    + "tx, while_healthy) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, bootId);
                insert.setLong(2, monotonicMs);
                insert.setLong(3, bytes.rx());
                insert.setLong(4, bytes.tx());
                insert.setLong(5, bytes.whileHealthy());
                return insert.executeUpdate();
            }
        });
    }

    public List<Pending> pending() {
        return database.read(c -> {
            List<Pending> rows = new ArrayList<>();
            try (PreparedStatement query = c.prepareStatement(
                            "SELECT id, boot_id, monotonic_ms, rx, tx, while_healthy FROM usage_pending ORDER BY id");
                    ResultSet r = query.executeQuery()) {
                while (r.next()) {
                    rows.add(new Pending(
                            r.getLong(1),
                            r.getString(2),
                            r.getLong(3),
                            new Bytes(r.getLong(4), r.getLong(5), r.getLong(6))));
                }
            }
            return rows;
        });
    }

    /** Moves pending rows into the hours they belong to, all in one transaction. */
    public void settle(Map<Pending, Instant> placed) {
        database.write(c -> {
            for (Map.Entry<Pending, Instant> entry : placed.entrySet()) {
                addTo(c, hourOf(entry.getValue()), entry.getKey().bytes());
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM usage_pending WHERE id = ?")) {
                    delete.setLong(1, entry.getKey().id());
                    delete.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Bytes of the hours in [from, to). */
    public Bytes between(Instant from, Instant to) {
        return database.read(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT coalesce(sum(rx), 0), coalesce(sum(tx), 0), "
                    + "coalesce(sum(while_healthy), 0) FROM usage_hours WHERE hour >= ? AND hour < ?")) {
                query.setString(1, hourOf(from).toString());
                query.setString(2, upper(to).toString());
                try (ResultSet r = query.executeQuery()) {
                    r.next();
                    return new Bytes(r.getLong(1), r.getLong(2), r.getLong(3));
                }
            }
        });
    }

    /** Total bytes per hour in [from, to), oldest first. */
    public Map<Instant, Long> hours(Instant from, Instant to) {
        return database.read(c -> {
            Map<Instant, Long> hours = new LinkedHashMap<>();
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT hour, rx + tx FROM usage_hours WHERE hour >= ? AND hour < ? ORDER BY hour")) {
                query.setString(1, hourOf(from).toString());
                query.setString(2, upper(to).toString());
                try (ResultSet r = query.executeQuery()) {
                    while (r.next()) {
                        hours.put(Instant.parse(r.getString(1)), r.getLong(2));
                    }
                }
            }
            return hours;
        });
    }

    public void correct(Instant cycleStart, Correction correction) {
        database.write(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO usage_corrections (cycle_start, at, "
                    + "carrier_bytes, metered_bytes, by) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, cycleStart.toString());
                insert.setString(2, correction.at().toString());
                insert.setLong(3, correction.carrierBytes());
                insert.setLong(4, correction.meteredBytes());
                insert.setString(5, correction.by());
                return insert.executeUpdate();
            }
        });
    }

    public Optional<Correction> latestCorrection(Instant cycleStart) {
        return database.read(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT at, carrier_bytes, metered_bytes, by FROM "
                    + "usage_corrections WHERE cycle_start = ? ORDER BY id DESC LIMIT 1")) {
                query.setString(1, cycleStart.toString());
                try (ResultSet r = query.executeQuery()) {
                    return r.next()
                            ? Optional.of(new Correction(
                                    Instant.parse(r.getString(1)), r.getLong(2), r.getLong(3), r.getString(4)))
                            : Optional.empty();
                }
            }
        });
    }

    /** Records a once-per-cycle notice; true if it is new (and so should be given). */
    public boolean firstTime(Instant cycleStart, String notice, Instant at) {
        return database.write(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT OR IGNORE INTO usage_notices (cycle_start, notice, at) VALUES (?, ?, ?)")) {
                insert.setString(1, cycleStart.toString());
                insert.setString(2, notice);
                insert.setString(3, at.toString());
                return insert.executeUpdate() == 1;
            }
        });
    }

    private static int addTo(Connection c, Instant hour, Bytes bytes) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO usage_hours (hour, rx, tx, while_healthy) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (hour) DO UPDATE SET rx = rx + excluded.rx, tx = tx + excluded.tx, "
                + "while_healthy = while_healthy + excluded.while_healthy")) {
            upsert.setString(1, hour.toString());
            upsert.setLong(2, bytes.rx());
            upsert.setLong(3, bytes.tx());
            upsert.setLong(4, bytes.whileHealthy());
            return upsert.executeUpdate();
        }
    }
}
