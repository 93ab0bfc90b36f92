package dialtone.agent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    private static final Migrations V1 = new Migrations("migrations/v1/");
    private static final Migrations V2 = new Migrations("migrations/v2/");

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("dialtone.db");
    }

    @Test
    void aFreshDatabaseGetsTheProductionSchemaInWalMode() {
        try (Database db = Database.open(file(), new Migrations(Migrations.PRODUCTION))) {
            assertThat(db.schemaVersion())
                    .isEqualTo(new Migrations(Migrations.PRODUCTION).latest())
                    .isPositive();
            assertThat(query(db, "PRAGMA journal_mode")).isEqualTo("wal");
            Settings settings = new Settings(db, java.time.Clock.systemUTC());
            settings.put("failover.mode", "force-lte");
            settings.put("failover.mode", "auto");
            assertThat(settings.get("failover.mode")).contains("auto");
            assertThat(settings.get("nothing")).isEmpty();
        }
    }

    @Test
    void anUpgradeKeepsTheDataAndAddsTheNewSchema() {
        try (Database db = Database.open(file(), V1)) {
            db.write(c -> c.prepareStatement("INSERT INTO ledger (day, bytes) VALUES ('2026-11-01', 1234)")
                    .executeUpdate());
        }

        try (Database db = Database.open(file(), V2)) {
            assertThat(db.schemaVersion()).isEqualTo(2);
            assertThat(query(db, "SELECT bytes || '/' || packets FROM ledger")).isEqualTo("1234/0");
            db.write(c -> c.prepareStatement("INSERT INTO notes (text) VALUES ('upgraded')")
                    .executeUpdate());
        }
    }

    @Test
    void aFailedMigrationLeavesThePreviousVersionWhole() throws Exception {
        try (Database db = Database.open(file(), V1)) {
            db.write(c -> c.prepareStatement("INSERT INTO ledger (day, bytes) VALUES ('2026-11-01', 1234)")
                    .executeUpdate());
        }

        assertThatThrownBy(() -> Database.open(file(), new Migrations("migrations/broken/")))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("schema version 2 failed")
                .hasMessageContaining("stays at version 1");

        try (Database db = Database.open(file(), V1)) {
            assertThat(db.schemaVersion()).isEqualTo(1);
            assertThat(columns(db)).containsExactly("day", "bytes");
        }
    }

    @Test
    void aDatabaseFromANewerAgentIsRefusedUntouched() throws Exception {
        Database.open(file(), V2).close();
        byte[] before = Files.readAllBytes(file());

        assertThatThrownBy(() -> Database.open(file(), V1))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("schema version 2")
                .hasMessageContaining("newer agent");
        assertThat(Files.readAllBytes(file())).isEqualTo(before);
    }

    @Test
    void aFileThatIsNotADatabaseIsReportedNeverReplaced() throws Exception {
        byte[] garbage =
                "these are not the bytes you are looking for".repeat(100).getBytes();
        Files.write(file(), garbage);

        assertThatThrownBy(() -> Database.open(file(), V1))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("not an SQLite database")
                .hasMessageContaining("left untouched");
        assertThat(Files.readAllBytes(file())).isEqualTo(garbage);
    }

    @Test
    void aDamagedDatabaseIsReportedNeverReplaced() throws Exception {
        try (Database db = Database.open(file(), V1)) {
            db.write(c -> {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO ledger (day, bytes) VALUES (?, ?)")) {
                    for (int i = 0; i < 2_000; i++) {
                        insert.setString(1, "day-" + i);
                        insert.setLong(2, i);
                        insert.executeUpdate();
                    }
                }
                return null;
            });
            db.read(c -> c.createStatement().execute("PRAGMA wal_checkpoint(TRUNCATE)"));
        }
        byte[] whole = Files.readAllBytes(file());
        byte[] damaged = whole.clone();
        for (int i = 4096 + 100; i < whole.length; i += 7) {
            damaged[i] = (byte) 0xA5; // scribble over every page after the first
        }
        Files.write(file(), damaged);

        assertThatThrownBy(() -> Database.open(file(), V1))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("left untouched");
        assertThat(Files.readAllBytes(file())).isEqualTo(damaged);
    }

    @Test
    void anUnreadableFileIsReportedClearly() throws Exception {
        Database.open(file(), V1).close();
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("---------"));
        try {
            if (Files.isReadable(file())) {
                // root reads anything: the permission check cannot be observed, prove it with a directory
                Files.delete(file());
                Files.createDirectory(file());
                assertThatThrownBy(() -> Database.open(file(), V1))
                        .isInstanceOf(DatabaseException.class)
                        .hasMessageContaining("not a regular file");
            } else {
                assertThatThrownBy(() -> Database.open(file(), V1))
                        .isInstanceOf(DatabaseException.class)
                        .hasMessageContaining("permission denied");
            }
        } finally {
            if (Files.isRegularFile(file())) {
                Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-------"));
            }
        }
    }

    @Test
    void aWriteThatFailsIsRolledBackWhole() {
        try (Database db = Database.open(file(), V1)) {
            assertThatThrownBy(() -> db.write(c -> {
                        c.prepareStatement("INSERT INTO ledger (day, bytes) VALUES ('a', 1)")
                                .executeUpdate();
                        return c.prepareStatement("INSERT INTO ledger (day, bytes) VALUES ('a', 2)")
                                .executeUpdate();
                    }))
                    .isInstanceOf(DatabaseException.class);

            assertThat(query(db, "SELECT count(*) FROM ledger")).isEqualTo("0");
        }
    }

    @Test
    void statementsAreSplitAtLineEndSemicolons() {
        assertThat(Migrations.statements("-- comment\nCREATE TABLE a (x);\n\nCREATE TABLE b (\n  y\n);\n"))
                .containsExactly("CREATE TABLE a (x);", "CREATE TABLE b (\n  y\n);");
    }

    private static String query(Database db, String sql) {
        return db.read(c -> {
            try (PreparedStatement statement = c.prepareStatement(sql);
                    ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        });
    }

    private static List<String> columns(Database db) {
        return db.read(c -> {
            List<String> names = new ArrayList<>();
            try (ResultSet rows = c.createStatement().executeQuery("PRAGMA table_info(ledger)")) {
                while (rows.next()) {
                    names.add(rows.getString("name"));
                }
            }
            return names;
        });
    }
}
