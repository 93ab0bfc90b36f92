package dialtone.agent.events;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.agent.store.Database;
import dialtone.agent.store.Migrations;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event log's filtered, paged reading, on a real SQLite file. */
class EventLogTest {
    @TempDir
    Path dir;

    private Database db;
    private EventLog log;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("dialtone.db"), new Migrations(Migrations.PRODUCTION));
        log = new EventLog(db, Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC));
        log.append("uplink-switched", "warning", "Phones now use the LTE backup", Map.of());
        log.append("login-failed", "warning", "Installer login failed", Map.of());
        log.append("uplink-switched", "info", "Phones are back on the Internet line", Map.of());
        log.append("modem-reset", "error", "LTE modem reset did not help", Map.of());
        log.append("uplink-switched", "warning", "Phones now use the lte backup again", Map.of());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void severityTypeAndTextNarrowThePageNewestFirst() {
        assertThat(seqs(new EventLog.Filter(null, 10, "warning", null, null))).containsExactly(5L, 2L, 1L);
        assertThat(seqs(new EventLog.Filter(null, 10, null, "uplink-switched", null)))
                .containsExactly(5L, 3L, 1L);
        assertThat(seqs(new EventLog.Filter(null, 10, "warning", "uplink-switched", "LTE")))
                .containsExactly(5L, 1L);
        assertThat(seqs(new EventLog.Filter(null, 10, null, null, "nothing like this")))
                .isEmpty();
    }

    @Test
    void filteredPagesFollowOneAnother() {
        assertThat(seqs(new EventLog.Filter(null, 2, null, "uplink-switched", null)))
                .containsExactly(5L, 3L);
        assertThat(seqs(new EventLog.Filter(3L, 2, null, "uplink-switched", null)))
                .containsExactly(1L);
    }

    @Test
    void textIsMatchedLiterallyNotAsAPattern() {
        log.append("note", "info", "100% of 50_ones", Map.of());

        assertThat(seqs(new EventLog.Filter(null, 10, null, null, "%"))).containsExactly(6L);
        assertThat(seqs(new EventLog.Filter(null, 10, null, null, "_"))).containsExactly(6L);
        assertThat(seqs(new EventLog.Filter(null, 10, null, null, "' OR 1=1 --")))
                .isEmpty();
    }

    private List<Long> seqs(EventLog.Filter filter) {
        return log.page(filter).stream().map(Event::seq).toList();
    }
}
