package dialtone.agent.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Optional;

/** Small named values the agent keeps across restarts (the chosen failover mode, a password hash). */
public final class Settings {
    private final Database database;
    private final Clock clock;

    public Settings(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public Database database() {
        return database;
    }

    public Optional<String> get(String key) {
        return database.read(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
                query.setString(1, key);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public void put(String key, String value) {
        database.write(putting(key, value));
    }

    /** The same, as work to do in someone else's transaction (with the event that records it). */
    public Database.Work<Integer> putting(String key, String value) {
        return c -> {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO settings (key, value, updated_at) "
                    + "VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                    + "updated_at = excluded.updated_at")) {
                upsert.setString(1, key);
                upsert.setString(2, value);
                upsert.setString(3, clock.instant().toString());
                return upsert.executeUpdate();
            }
        };
    }
}
