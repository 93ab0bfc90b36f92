package dialtone.agent.store;

/**
 * The database cannot be used: damaged, from a newer agent, unreadable, or a migration failed.
 * The message says what happened to which file and what a person can do; the file is never
 * replaced or deleted by the agent.
 */
public final class DatabaseException extends RuntimeException {
    public DatabaseException(String message) {
        super(message);
    }

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
