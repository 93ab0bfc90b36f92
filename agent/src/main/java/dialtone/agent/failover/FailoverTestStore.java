package dialtone.agent.failover;

import com.fasterxml.jackson.jr.ob.JSON;
import dialtone.agent.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Keeps failover test results for the installation report, across restarts. */
public final class FailoverTestStore {
    private final Database database;

    public FailoverTestStore(Database database) {
        this.database = database;
    }

    public void save(FailoverTestResult result) {
        database.write(c -> {
            try (PreparedStatement upsert = c.prepareStatement(
                    "INSERT OR REPLACE INTO failover_tests (id, started_at, result) VALUES (?, ?, ?)")) {
                upsert.setString(1, result.id());
                upsert.setString(2, result.startedAt().toString());
                upsert.setString(3, toJson(result));
                return upsert.executeUpdate();
            }
        });
    }

    public Optional<FailoverTestResult> latest() {
        return database.read(c -> {
            try (PreparedStatement query =
                            c.prepareStatement("SELECT result FROM failover_tests ORDER BY started_at DESC LIMIT 1");
                    ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(fromJson(rows.getString(1))) : Optional.empty();
            }
        });
    }

    static String toJson(FailoverTestResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("state", r.state());
        m.put("step", r.step());
        m.put("startedAt", r.startedAt().toString());
        m.put("finishedAt", r.finishedAt() == null ? null : r.finishedAt().toString());
        m.put("detectionMs", r.detectionMs());
        m.put("sbcViaLte", r.sbcViaLte());
        m.put("sbcViaLteMs", r.sbcViaLteMs());
        m.put("signalBars", r.signalBars());
        m.put("rsrpDbm", r.rsrpDbm());
        m.put("operator", r.operator());
        m.put("failbackMs", r.failbackMs());
        m.put("problems", r.problems());
        try {
            return JSON.std.asString(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static FailoverTestResult fromJson(String json) {
        try {
            Map<String, Object> m = JSON.std.mapFrom(json);
            return new FailoverTestResult(
                    (String) m.get("id"),
                    (String) m.get("state"),
                    (String) m.get("step"),
                    instant(m.get("startedAt")),
                    instant(m.get("finishedAt")),
                    number(m.get("detectionMs")),
                    (Boolean) m.get("sbcViaLte"),
                    number(m.get("sbcViaLteMs")),
                    m.get("signalBars") == null ? null : ((Number) m.get("signalBars")).intValue(),
                    m.get("rsrpDbm") == null ? null : ((Number) m.get("rsrpDbm")).doubleValue(),
                    (String) m.get("operator"),
                    number(m.get("failbackMs")),
                    m.get("problems") == null ? List.of() : (List<String>) m.get("problems"));
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("stored failover test result is unreadable", e);
        }
    }

    private static Instant instant(Object value) {
        return value == null ? null : Instant.parse(value.toString());
    }

    private static Long number(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
