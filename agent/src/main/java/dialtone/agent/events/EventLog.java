package dialtone.agent.events;

import com.fasterxml.jackson.jr.ob.JSON;
import dialtone.agent.store.Database;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.tinylog.Logger;

/**
 * The device's event log in SQLite: appended in order with a sequence number, read newest first,
 * the oldest pruned beyond {@value #KEEP} so the SD card never fills with it. Every event is also
 * logged once, at its severity.
 */
public final class EventLog {
    static final int KEEP = 10_000;
    private static final int PRUNE_EVERY = 100;

    private final Database database;
    private final Clock clock;
    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
    private int sincePrune;

    public EventLog(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** {@code listener} hears every appended event, on the appender's thread: hand it on, do not block. */
    public void onAppend(Consumer<Event> listener) {
        listeners.add(listener);
    }

    public Event append(String type, String severity, String message, Map<String, Object> facts) {
        return appendWith(type, severity, message, facts, c -> null);
    }

    /**
     * Appends the event and does {@code change} in one transaction: both are committed, or neither
     * (then the exception is passed on and nobody hears of the event).
     */
    public Event appendWith(
            String type, String severity, String message, Map<String, Object> facts, Database.Work<?> change) {
        Instant at = clock.instant();
        long seq = database.write(c -> {
            change.run(c);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO events (at, type, severity, message, facts) VALUES (?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, at.toString());
                insert.setString(2, type);
                insert.setString(3, severity);
                insert.setString(4, message);
                insert.setString(5, json(facts));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        pruneNowAndThen();
        switch (severity) {
            case "error" -> Logger.error(message);
            case "warning" -> Logger.warn(message);
            default -> Logger.info(message);
        }
        Event event = new Event(seq, at, type, severity, message, facts);
        listeners.forEach(listener -> listener.accept(event));
        return event;
    }

    /** Up to {@code limit} events older than {@code beforeSeq} (all when null), newest first. */
    public List<Event> page(Long beforeSeq, int limit) {
        return page(new Filter(beforeSeq, limit, null, null, null));
    }

    /**
     * A page of the log, newest first: events older than {@code before} (all when null) of the
     * severity and type given (any when null) whose message holds {@code text} (ignoring the case of ASCII
     * letters, as SQLite's lower(); all when null).
     */
    public record Filter(Long before, int limit, String severity, String type, String text) {}

    public List<Event> page(Filter filter) {
        return database.read(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT seq, at, type, severity, message, facts FROM "
                    + "events WHERE seq < ? AND (? IS NULL OR severity = ?) AND (? IS NULL OR type = ?) "
                    + "AND (? IS NULL OR instr(lower(message), lower(?)) > 0) ORDER BY seq DESC LIMIT ?")) {
                query.setLong(1, filter.before() == null ? Long.MAX_VALUE : filter.before());
                query.setString(2, filter.severity());
                query.setString(3, filter.severity());
                query.setString(4, filter.type());
                query.setString(5, filter.type());
                query.setString(6, filter.text());
                query.setString(7, filter.text());
                query.setInt(8, filter.limit());
                return events(query);
            }
        });
    }

    private static List<Event> events(PreparedStatement query) throws java.sql.SQLException {
        List<Event> events = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                events.add(new Event(
                        rows.getLong(1),
                        Instant.parse(rows.getString(2)),
                        rows.getString(3),
                        rows.getString(4),
                        rows.getString(5),
                        facts(rows.getString(6))));
            }
        }
        return events;
    }

    /** Up to {@code limit} events after {@code afterSeq}, oldest first: what a reader has not seen yet. */
    public List<Event> after(long afterSeq, int limit) {
        return database.read(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT seq, at, type, severity, message, facts FROM "
                    + "events WHERE seq > ? ORDER BY seq LIMIT ?")) {
                query.setLong(1, afterSeq);
                query.setInt(2, limit);
                return events(query);
            }
        });
    }

    private synchronized void pruneNowAndThen() {
        if (++sincePrune < PRUNE_EVERY) {
            return;
        }
        sincePrune = 0;
        int pruned = database.write(c -> {
            try (PreparedStatement delete =
                    c.prepareStatement("DELETE FROM events WHERE seq <= (SELECT max(seq) FROM events) - ?")) {
                delete.setInt(1, KEEP);
                return delete.executeUpdate();
            }
        });
        Logger.debug("Pruned {} old events", pruned);
    }

    private static String json(Map<String, Object> facts) {
        try {
            return JSON.std.asString(facts);
        } catch (IOException e) {
            throw new IllegalArgumentException("event facts must be plain values: " + facts, e);
        }
    }

    private static Map<String, Object> facts(String json) {
        try {
            Map<String, Object> map = JSON.std.mapFrom(json);
            return map == null ? Map.of() : map;
        } catch (IOException e) {
            return Map.of("unreadable", json);
        }
    }
}
