package dialtone.agent.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.tinylog.Logger;

/**
 * Versioned schema migrations: {@code V1.sql}, {@code V2.sql}, ... under a resource folder, applied
 * in order, each in its own transaction together with the new {@code PRAGMA user_version}, so a
 * failed migration leaves the database exactly at the previous version. Statements in a file end
 * with {@code ;} at the end of a line; {@code --} starts a comment line.
 */
public final class Migrations {
    public static final String PRODUCTION = "db/";

    private final String folder;
    private final ClassLoader loader;

    public Migrations(String folder) {
        this.folder = folder;
        this.loader = Migrations.class.getClassLoader();
    }

    /** The highest version this agent knows. */
    public int latest() {
        int version = 0;
        while (loader.getResource(resource(version + 1)) != null) {
            version++;
        }
        return version;
    }

    /** Brings the schema to {@link #latest()}; returns the version it started from. */
    int apply(Connection connection, String file) throws SQLException {
        int current = userVersion(connection);
        int latest = latest();
        if (current > latest) {
            throw new DatabaseException(file + " has schema version " + current + " but this agent knows only up to "
                    + latest + ": it was written by a newer agent. Install that version again; the file was not "
                    + "changed.");
        }
        for (int version = current + 1; version <= latest; version++) {
            migrate(connection, version, file);
        }
        return current;
    }

    private void migrate(Connection connection, int version, String file) throws SQLException {
        List<String> statements = statements(read(resource(version)));
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.executeUpdate(sql);
            }
            statement.executeUpdate("PRAGMA user_version = " + version);
            connection.commit();
            Logger.info("Database schema upgraded to version {}", version);
        } catch (SQLException e) {
            connection.rollback();
            throw new DatabaseException(
                    "Upgrading " + file + " to schema version " + version + " failed (" + e.getMessage()
                            + "); it stays at version " + (version - 1) + ".",
                    e);
        } finally {
            connection.setAutoCommit(true);
        }
    }

    static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                var rows = statement.executeQuery("PRAGMA user_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                statements.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private String resource(int version) {
        return folder + "V" + version + ".sql";
    }

    private String read(String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing migration " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + resource, e);
        }
    }
}
