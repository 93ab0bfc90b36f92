package dialtone.agent.notify;

import dialtone.agent.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The e-mail outbox in SQLite: what is waiting, in order, with its attempts. Coalescing happens
 * here, in the transaction that adds a notice, so a flapping line becomes one summary.
 */
final class Outbox {
    static final int KEEP_UNSENT = 500;
    static final Duration KEEP_SENT = Duration.ofDays(30);

    record Message(
            long id,
            String category,
            List<String> recipients,
            String subject,
            String body,
            int notices,
            int attempts) {}

    private final Database database;

    Outbox(Database database) {
        this.database = database;
    }

    /**
     * Adds {@code notice} for {@code recipients}: appended to a held summary of its kind when one
     * waits; held until the window ends when one of its kind went out within the window; else due now.
     */
    void add(Notice notice, List<String> recipients, Instant now, Duration window) {
        String to = String.join(",", recipients);
        database.write(c -> {
            try (PreparedStatement held = c.prepareStatement("SELECT id, notices FROM outbox WHERE sent_at IS NULL "
                    + "AND category = ? AND recipients = ? AND due_at > ? ORDER BY id DESC LIMIT 1")) {
                held.setString(1, notice.category());
                held.setString(2, to);
                held.setString(3, now.toString());
                try (ResultSet row = held.executeQuery()) {
                    if (row.next()) {
                        int notices = row.getInt(2) + 1;
                        try (PreparedStatement append = c.prepareStatement("UPDATE outbox SET body = body || ? || ?, "
                                + "subject = ?, notices = ? WHERE id = ?")) {
                            append.setString(1, "\n\n==========\n\n");
                            append.setString(2, notice.text());
                            append.setString(3, notice.subject() + " (and " + (notices - 1) + " earlier)");
                            append.setInt(4, notices);
                            append.setLong(5, row.getLong(1));
                            append.executeUpdate();
                            return null;
                        }
                    }
                }
            }
            Instant due = now;
            try (PreparedStatement recent = c.prepareStatement("SELECT max(created_at) FROM outbox "
                    + "WHERE category = ? AND recipients = ? AND created_at > ?")) {
                recent.setString(1, notice.category());
                recent.setString(2, to);
                recent.setString(3, now.minus(window).toString());
                try (ResultSet row = recent.executeQuery()) {
                    if (row.next() && row.getString(1) != null) {
                        due = Instant.parse(row.getString(1)).plus(window);
                    }
                }
            }
            insert(c, notice, to, now, due);
            try (PreparedStatement bound = c.prepareStatement("DELETE FROM outbox WHERE sent_at IS NULL AND id NOT IN "
                    + "(SELECT id FROM outbox WHERE sent_at IS NULL ORDER BY id DESC LIMIT ?)")) {
                bound.setInt(1, KEEP_UNSENT);
                bound.executeUpdate();
            }
            return null;
        });
    }

    /** Adds {@code notice} due now, whatever waits (the installer's test). */
    void addNow(Notice notice, List<String> recipients, Instant now) {
        database.write(c -> {
            insert(c, notice, String.join(",", recipients), now, now);
            return null;
        });
    }

    private static void insert(Connection c, Notice notice, String to, Instant now, Instant due) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO outbox (category, recipients, subject, body, "
                + "notices, created_at, due_at) VALUES (?, ?, ?, ?, 1, ?, ?)")) {
            insert.setString(1, notice.category());
            insert.setString(2, to);
            insert.setString(3, notice.subject());
            insert.setString(4, notice.text());
            insert.setString(5, now.toString());
            insert.setString(6, due.toString());
            insert.executeUpdate();
        }
    }

    /**
     * The next message to send, if it is due. Messages go out in the order they were made; one
     * waiting to be retried holds back those after it (so they arrive in order), a summary held for
     * its window does not.
     */
    Optional<Message> nextDue(Instant now) {
        return database.read(c -> {
            try (PreparedStatement query =
                    c.prepareStatement("SELECT id, category, recipients, subject, body, notices, "
                            + "attempts, due_at FROM outbox WHERE sent_at IS NULL AND (due_at <= ? OR attempts > 0) "
                            + "ORDER BY id LIMIT 1")) {
                query.setString(1, now.toString());
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next() || Instant.parse(row.getString(8)).isAfter(now)) {
                        return Optional.empty();
                    }
                    return Optional.of(new Message(
                            row.getLong(1),
                            row.getString(2),
                            List.of(row.getString(3).split(",")),
                            row.getString(4),
                            row.getString(5),
                            row.getInt(6),
                            row.getInt(7)));
                }
            }
        });
    }

    void sent(long id, Instant now) {
        database.write(c -> {
            try (PreparedStatement update =
                    c.prepareStatement("UPDATE outbox SET sent_at = ?, last_error = NULL WHERE id = ?")) {
                update.setString(1, now.toString());
                update.setLong(2, id);
                update.executeUpdate();
            }
            try (PreparedStatement prune = c.prepareStatement("DELETE FROM outbox WHERE sent_at < ?")) {
                prune.setString(1, now.minus(KEEP_SENT).toString());
                prune.executeUpdate();
            }
            return null;
        });
    }

    /** A failed attempt: tried again at {@code retryAt}; the order of the queue is kept. */
    void failed(long id, String error, Instant retryAt) {
        database.write(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE outbox SET attempts = attempts + 1, " + "last_error = ?, due_at = ? WHERE id = ?")) {
                update.setString(1, error);
                update.setString(2, retryAt.toString());
                update.setLong(3, id);
                update.executeUpdate();
            }
            return null;
        });
    }

    int pending() {
        return database.read(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT count(*) FROM outbox WHERE sent_at IS NULL");
                    ResultSet row = query.executeQuery()) {
                return row.next() ? row.getInt(1) : 0;
            }
        });
    }

    List<String> unsentSubjects() {
        return database.read(c -> {
            List<String> subjects = new ArrayList<>();
            try (PreparedStatement query =
                            c.prepareStatement("SELECT subject FROM outbox WHERE sent_at IS NULL ORDER BY due_at, id");
                    ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    subjects.add(row.getString(1));
                }
            }
            return subjects;
        });
    }
}
