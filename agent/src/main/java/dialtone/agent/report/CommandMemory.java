package dialtone.agent.report;

import dialtone.agent.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The commands already answered, in SQLite: a command whose id comes again (the broker re-delivers
 * after a lost PUBACK, the operator retries) gets the stored answer and runs nothing again, also
 * after a restart. Answers older than {@link #KEEP} are forgotten; by then the command has expired.
 */
final class CommandMemory {
    static final Duration KEEP = Duration.ofDays(30);

    private final Database database;
    private final Clock clock;

    CommandMemory(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The answer given to {@code id}, as JSON. */
    Optional<String> answer(String id) {
        return database.read(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT response FROM mqtt_commands WHERE id = ?")) {
                query.setString(1, id);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Keeps the answer to {@code id} (the first one, should two race) and forgets the old ones. */
    void remember(String id, String response) {
        database.write(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                            "INSERT OR IGNORE INTO mqtt_commands (id, at, response) VALUES (?, ?, ?)");
                    PreparedStatement prune = c.prepareStatement("DELETE FROM mqtt_commands WHERE at < ?")) {
                insert.setString(1, id);
                insert.setString(2, clock.instant().toString());
                insert.setString(3, response);
                insert.executeUpdate();
                prune.setString(1, clock.instant().minus(KEEP).toString());
                return prune.executeUpdate();
            }
        });
    }
}
