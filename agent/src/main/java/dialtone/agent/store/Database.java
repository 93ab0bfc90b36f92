package dialtone.agent.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The agent's SQLite database, and its only owner: one connection, used by one caller at a time.
 * WAL journal with full sync, so an SD card losing power mid-write leaves the last committed state.
 * Opening checks the file before trusting it: a damaged or foreign file is reported, never
 * replaced, and a database from a newer agent is refused untouched.
 */
public final class Database implements AutoCloseable {
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** Work done with the connection; may throw SQLException. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Path file;
    private final Connection connection;
    private final ReentrantLock owner = new ReentrantLock();

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (or creates) the database at {@code file} and migrates it to the latest schema. */
    public static Database open(Path file, Migrations migrations) {
        checkFile(file);
        Connection connection = connect(file);
        try {
            verifyIntegrity(connection, file);
            migrations.apply(connection, file.toString());
            return new Database(file, connection);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw e instanceof DatabaseException d ? d : damaged(file, e);
        }
    }

    /** Runs {@code work} alone on the connection (reads, or single-statement writes). */
    public <T> T read(Work<T> work) {
        owner.lock();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new DatabaseException("Database operation on " + file + " failed: " + e.getMessage(), e);
        } finally {
            owner.unlock();
        }
    }

    /** Runs {@code work} in one transaction: all of it is committed, or none of it. */
    public <T> T write(Work<T> work) {
        return read(c -> {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    public int schemaVersion() {
        return read(Migrations::userVersion);
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        owner.lock();
        try {
            closeQuietly(connection);
        } finally {
            owner.unlock();
        }
    }

    private static void checkFile(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        if (!Files.isRegularFile(file)) {
            throw new DatabaseException(file + " is not a regular file.");
        }
        if (!Files.isReadable(file) || !Files.isWritable(file)) {
            throw new DatabaseException("The agent may not read and write " + file + " (permission denied). Check its "
                    + "owner and mode.");
        }
        byte[] header = readHeader(file);
        if (header.length > 0 && !Arrays.equals(header, SQLITE_HEADER)) {
            throw new DatabaseException(file + " is not an SQLite database (damaged, or a different file). It was left "
                    + "untouched; move it aside to start with an empty database, or restore a backup.");
        }
    }

    private static byte[] readHeader(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SQLITE_HEADER.length);
        } catch (IOException e) {
            throw new DatabaseException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(5_000);
        try {
            return DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
        } catch (SQLException e) {
            throw damaged(file, e);
        }
    }

    private static void verifyIntegrity(Connection connection, Path file) throws SQLException {
        try (Statement statement = connection.createStatement();
                var rows = statement.executeQuery("PRAGMA quick_check")) {
            String verdict = rows.next() ? rows.getString(1) : "no answer";
            if (!"ok".equals(verdict)) {
                throw new DatabaseException(
                        file + " is damaged (" + verdict + "). It was left untouched; move it aside "
                                + "to start with an empty database, or restore a backup.");
            }
        }
    }

    private static DatabaseException damaged(Path file, Exception cause) {
        return new DatabaseException(
                "Cannot open " + file + ": " + cause.getMessage() + ". It was left untouched; "
                        + "move it aside to start with an empty database, or restore a backup.",
                cause);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing after a failure: the first error is the one worth reporting
        }
    }
}
